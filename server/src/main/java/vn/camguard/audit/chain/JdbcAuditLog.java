package vn.camguard.audit.chain;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.camguard.shared.spreadsheet.SpreadsheetCell;

/** Reads the audit table with plain SQL; scoping goes through the unit closure table. */
@Service
@Transactional(readOnly = true)
class JdbcAuditLog implements AuditLog {

	private static final int VERIFY_BATCH = 1000;

	private static final long EXPORT_LIMIT = 1_000_000;

	private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private final JdbcClient jdbc;

	private final ZoneId zone = ZoneId.systemDefault();

	JdbcAuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
						SpreadsheetCell.safe(e.actorAddress()), SpreadsheetCell.safe(e.action()),
						SpreadsheetCell.safe(e.entityType()), SpreadsheetCell.safe(e.entityId()), e.unitId(),
						SpreadsheetCell.safe(e.beforeJson()), SpreadsheetCell.safe(e.afterJson()), e.prevHash(), e.hash());
				count.incrementAndGet();
			}
		}
		csv.flush();
		return count.get();
	}

	@Override
	public ChainVerification verify() {
		// Walk up to the head as it is now; entries appended meanwhile are checked next time.
		// An append commits its entry and the head together, so every seq up to the head must exist.
		long headSeq = jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
		long checked = 0;
		long expectedSeq = 1;
		String expectedPrev = AuditChain.GENESIS;
		while (expectedSeq <= headSeq) {
			List<AuditEntry> batch = jdbc
				.sql("SELECT * FROM audit_entry WHERE seq >= :from AND seq <= :head ORDER BY seq LIMIT :n")
				.param("from", expectedSeq)
				.param("head", headSeq)
				.param("n", VERIFY_BATCH)
				.query(JdbcAuditLog::entry)
				.list();
			for (AuditEntry entry : batch) {
				if (entry.seq() != expectedSeq) {
					return new ChainVerification(checked, OptionalLong.of(expectedSeq), "gap");
				}
				if (!entry.prevHash().equals(expectedPrev)) {
					return new ChainVerification(checked, OptionalLong.of(entry.seq()), "link");
				}
				if (!AuditChain.hash(entry).equals(entry.hash())) {
					return new ChainVerification(checked, OptionalLong.of(entry.seq()), "hash");
				}
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
