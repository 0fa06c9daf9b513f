package vn.camguard.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.OptionalLong;

/** Reads the audit log: filtered pages, CSV export and verification of the hash chain. */
public interface AuditLog {

	/** Newest first. */
	AuditPage search(AuditQuery query, AuditVisibility visibility, int page, int size);

	/**
	 * Writes the matching entries, oldest first, as CSV (UTF-8 byte order mark first, cells that a
	 * spreadsheet would run as a formula are prefixed with an apostrophe).
	 *
	 * @return number of entries written
	 */
	long exportCsv(AuditQuery query, AuditVisibility visibility, Writer out) throws IOException;

	/** Walks the whole chain and reports the first entry whose hash or link is wrong. */
	ChainVerification verify();

	/** A page of entries, newest first. */
	record AuditPage(List<AuditEntry> entries, int page, int size, boolean hasNext) {

		public AuditPage {
			entries = List.copyOf(entries);
		}

	}

	/**
	 * Result of {@link #verify()}.
	 *
	 * @param checked entries checked
	 * @param firstBrokenSeq seq of the first entry that does not match, empty when intact
	 * @param reason why it is broken ("hash", "link", "gap", "head"), or null
	 */
	record ChainVerification(long checked, OptionalLong firstBrokenSeq, String reason) {

		public boolean intact() {
			return firstBrokenSeq.isEmpty();
		}

	}

}
