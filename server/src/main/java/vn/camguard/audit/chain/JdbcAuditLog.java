package vn.camguard.audit.chain;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditEntry;
import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditQuery;
import vn.camguard.audit.AuditVisibility;
import vn.camguard.audit.SourceAddress;
import vn.camguard.shared.spreadsheet.SpreadsheetCell;

/**
 * Reads the audit table with plain SQL; scoping goes through the unit closure table. Days in filters
 * and times in the CSV are in {@code camguard.time-zone} (Asia/Ho_Chi_Minh unless set).
 */
@Service
@Transactional(readOnly = true)
class JdbcAuditLog implements AuditLog {

	private static final int VERIFY_BATCH = 1000;

	private static final long EXPORT_LIMIT = 1_000_000;

	private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final AuditKey key;

	JdbcAuditLog(JdbcClient jdbc, AuditKey key, Clock provinceClock) {
		this.jdbc = jdbc;
		this.key = key;
		this.zone = provinceClock.getZone();
	}

	@Override
	public AuditPage search(AuditQuery query, AuditVisibility visibility, int page, int size) {
		int safeSize = Math.clamp(size, 1, 500);
		int safePage = Math.clamp(page, 0, 100_000);
		Map<String, Object> params = new HashMap<>();
		String where = where(query, visibility, params);
		params.put("limit", safeSize + 1);
		params.put("offset", (long) safePage * safeSize);
		List<AuditEntry> rows = jdbc
			.sql("SELECT * FROM audit_entry WHERE " + where + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(JdbcAuditLog::entry)
			.list();
		boolean hasNext = rows.size() > safeSize;
		return new AuditPage(hasNext ? rows.subList(0, safeSize) : rows, safePage, safeSize, hasNext);
	}

	@Override
	public long exportCsv(AuditQuery query, AuditVisibility visibility, Writer out) throws IOException {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, visibility, params);
		params.put("limit", EXPORT_LIMIT);
		out.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
			.setHeader("seq", "at", "actor", "actor_address", "action", "entity_type", "entity_id", "unit_id",
					"before", "after", "prev_hash", "hash")
			.get());
		AtomicLong count = new AtomicLong();
		try (var rows = jdbc.sql("SELECT * FROM audit_entry WHERE " + where + " ORDER BY seq LIMIT :limit")
			.params(params)
			.query(JdbcAuditLog::entry)
			.stream()) {
			for (AuditEntry e : (Iterable<AuditEntry>) rows::iterator) {
				csv.printRecord(e.seq(), CSV_TIME.format(e.at().atZone(zone)), SpreadsheetCell.safe(e.actor()),
						SpreadsheetCell.safe(SourceAddress.canonical(e.actorAddress())), SpreadsheetCell.safe(e.action()),
						SpreadsheetCell.safe(e.entityType()), SpreadsheetCell.safe(e.entityId()), e.unitId(),
						SpreadsheetCell.safe(e.beforeJson()), SpreadsheetCell.safe(e.afterJson()), e.prevHash(), e.hash());
				count.incrementAndGet();
			}
		}
		csv.flush();
		return count.get();
	}

	@Override
	@Transactional
	public ChainVerification verify() {
		ChainVerification result = walk();
		jdbc.sql("""
				UPDATE audit_chain_status SET checked_at = :at, intact = :intact, checked = :checked,
				  first_bad_seq = :bad, reason = :reason WHERE id = 1""")
			.param("at", Instant.now().atOffset(ZoneOffset.UTC))
			.param("intact", result.intact())
			.param("checked", result.checked())
			.param("bad", result.firstBrokenSeq().isPresent() ? result.firstBrokenSeq().getAsLong() : null)
			.param("reason", result.reason())
			.update();
		return result;
	}

	private ChainVerification walk() {
		// Walk up to the head as it is now; entries appended meanwhile are checked next time.
		// An append commits its entry and the head together, so every seq up to the head must exist.
		long headSeq = jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
		long checked = 0;
		long expectedSeq = 1;
		String expectedPrev = AuditChain.GENESIS;
		// unkeyed entries are trusted only before the first keyed one, which commits to their last hash
		boolean keyedStarted = false;
		while (expectedSeq <= headSeq) {
			List<ChainRow> batch = jdbc
				.sql("SELECT * FROM audit_entry WHERE seq >= :from AND seq <= :head ORDER BY seq LIMIT :n")
				.param("from", expectedSeq)
				.param("head", headSeq)
				.param("n", VERIFY_BATCH)
				.query((rs, n) -> new ChainRow(entry(rs, n), rs.getInt("chain_version"), rs.getString("key_id")))
				.list();
			for (ChainRow row : batch) {
				AuditEntry entry = row.entry();
				if (entry.seq() != expectedSeq) {
					return new ChainVerification(checked, OptionalLong.of(expectedSeq), "gap");
				}
				if (!entry.prevHash().equals(expectedPrev)) {
					return new ChainVerification(checked, OptionalLong.of(entry.seq()), "link");
				}
				String problem = switch (row.version()) {
					case AuditChain.UNKEYED -> keyedStarted ? "version"
							: AuditChain.hash(entry).equals(entry.hash()) ? null : "hash";
					case AuditChain.KEYED -> !key.id().equals(row.keyId()) ? "key"
							: AuditKey.sameMac(AuditChain.keyed(key, entry), entry.hash()) ? null : "hash";
					default -> "version";
				};
				if (problem != null) {
					return new ChainVerification(checked, OptionalLong.of(entry.seq()), problem);
				}
				keyedStarted |= row.version() == AuditChain.KEYED;
				checked++;
				expectedSeq++;
				expectedPrev = entry.hash();
			}
			if (batch.size() < VERIFY_BATCH) {
				break;
			}
		}
		if (expectedSeq <= headSeq) {
			// the last entries were deleted (or the head was raised)
			return new ChainVerification(checked, OptionalLong.of(expectedSeq), "head");
		}
		return new ChainVerification(checked, OptionalLong.empty(), null);
	}

	@Override
	public ChainStatus status() {
		return jdbc.sql("SELECT * FROM audit_chain_status WHERE id = 1").query((rs, n) -> {
			OffsetDateTime at = rs.getObject("checked_at", OffsetDateTime.class);
			long bad = rs.getLong("first_bad_seq");
			OptionalLong firstBad = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(bad);
			return new ChainStatus(at == null ? null : at.toInstant(),
					new ChainVerification(rs.getLong("checked"), firstBad, rs.getString("reason")));
		}).single();
	}

	@Override
	public SignedHead signedHead() {
		long seq = jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
		Optional<AuditEntry> last = jdbc.sql("SELECT * FROM audit_entry WHERE seq = :seq")
			.param("seq", seq)
			.query(JdbcAuditLog::entry)
			.optional();
		Instant at = last.map(AuditEntry::at).orElse(null);
		String hash = last.map(AuditEntry::hash).orElse(AuditChain.GENESIS);
		return new SignedHead(seq, at, hash, key.id(), key.headMac(headText(seq, at, hash, key.id())));
	}

	@Override
	public HeadCheck check(SignedHead head) {
		if (head.hash() == null || !key.id().equals(head.keyId())
				|| !AuditKey.sameMac(key.headMac(headText(head.seq(), head.at(), head.hash(), head.keyId())),
						head.signature())) {
			return new HeadCheck(false, "signature");
		}
		if (head.seq() == 0) {
			return new HeadCheck(true, null);
		}
		Optional<AuditEntry> entry = jdbc.sql("SELECT * FROM audit_entry WHERE seq = :seq")
			.param("seq", head.seq())
			.query(JdbcAuditLog::entry)
			.optional();
		long headSeq = jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
		if (entry.isEmpty() || headSeq < head.seq()) {
			return new HeadCheck(false, "missing");
		}
		if (!entry.get().hash().equals(head.hash()) || !entry.get().at().equals(head.at())) {
			return new HeadCheck(false, "different");
		}
		return new HeadCheck(true, null);
	}

	private static String headText(long seq, Instant at, String hash, String keyId) {
		return "camguard audit head|" + seq + "|" + at + "|" + hash + "|" + keyId;
	}

	private record ChainRow(AuditEntry entry, int version, String keyId) {
	}

	private String where(AuditQuery query, AuditVisibility visibility, Map<String, Object> params) {
		List<String> clauses = new ArrayList<>();
		// The root ids are numbers, written into the SQL on purpose: PostgreSQL's generic plan for a
		// bound IN list guesses its size badly and scans every unit.
		String roots = visibility.unitRoots().stream().map(String::valueOf).collect(Collectors.joining(","));
		String scope = visibility.unitRoots().isEmpty() ? "1 = 0"
				: "unit_id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (" + roots + "))";
		clauses.add(visibility.unitless() ? "(" + scope + " OR unit_id IS NULL)" : scope);
		if (query.from() != null) {
			clauses.add("at >= :from");
			params.put("from", query.from().atStartOfDay(zone).toOffsetDateTime());
		}
		if (query.to() != null) {
			clauses.add("at < :to");
			params.put("to", query.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
		if (query.actor() != null) {
			clauses.add("actor = :actor");
			params.put("actor", query.actor());
		}
		if (query.action() != null) {
			clauses.add("action LIKE :action");
			params.put("action", query.action().replace("%", "").replace("_", "\\_") + "%");
		}
		if (query.entityType() != null) {
			clauses.add("entity_type = :entityType");
			params.put("entityType", query.entityType());
		}
		if (query.unitId() != null) {
			clauses.add("unit_id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id = :unit)");
			params.put("unit", query.unitId());
		}
		return String.join(" AND ", clauses);
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		long unit = rs.getLong("unit_id");
		Long unitId = rs.wasNull() ? null : unit;
		Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
		return new AuditEntry(rs.getLong("seq"), at, rs.getString("actor"), rs.getString("actor_address"),
				rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), unitId,
				rs.getString("before_json"), rs.getString("after_json"), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

}
