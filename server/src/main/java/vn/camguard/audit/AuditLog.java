package vn.camguard.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
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

	/**
	 * Walks the whole chain and reports the first entry whose hash or link is wrong; the result is
	 * recorded as the chain's {@link #status()}.
	 */
	ChainVerification verify();

	/** The latest recorded verification, by any instance on this database. */
	ChainStatus status();

	/** The chain's current last entry, signed with the audit key, for safekeeping outside CamGuard. */
	SignedHead signedHead();

	/**
	 * Whether a head exported earlier is genuine and the log still holds that exact entry (it was
	 * neither cut off nor rewritten since).
	 */
	HeadCheck check(SignedHead head);

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
	 * @param reason why it is broken ("hash", "link", "gap", "head", "version": an unkeyed entry after
	 *        the keyed chain started, "key": an entry keyed with another key), or null
	 */
	record ChainVerification(long checked, OptionalLong firstBrokenSeq, String reason) {

		public boolean intact() {
			return firstBrokenSeq.isEmpty();
		}

	}

	/**
	 * A recorded verification.
	 *
	 * @param checkedAt when it ran, null if never
	 */
	record ChainStatus(Instant checkedAt, ChainVerification verification) {
	}

	/**
	 * The chain's last entry at the time of export and an HMAC over it under the audit key.
	 *
	 * @param seq the entry's position, 0 for an empty log
	 * @param hash the entry's chain hash
	 * @param keyId fingerprint of the key that signed it
	 * @param signature HMAC-SHA256, hex
	 */
	record SignedHead(long seq, Instant at, String hash, String keyId, String signature) {
	}

	/**
	 * Result of {@link #check(SignedHead)}.
	 *
	 * @param reason null when it matches; otherwise "signature" (not signed by this key or altered),
	 *        "missing" (the log no longer reaches that entry: cut off) or "different" (the entry was
	 *        rewritten)
	 */
	record HeadCheck(boolean matches, String reason) {
	}

}
