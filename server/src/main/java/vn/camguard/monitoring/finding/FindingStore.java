package vn.camguard.monitoring.finding;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import vn.camguard.monitoring.FindingStatus;
import vn.camguard.monitoring.MonitoredFinding;
import vn.camguard.organization.UnitScope;

/**
 * Reads findings for people (lists, detail, exports) and records the status changes people make. Every read takes
 * the caller's {@link UnitScope}; the scan side writes findings through its own ledger.
 */
@Repository
public class FindingStore {

	/**
	 * Totals are counted up to here and shown as "more than 1,000" beyond. Counting up to 10,001 as the inventory does
	 * cost more than the page itself over a province's million findings (the status filter reads every row counted);
	 * past a thousand findings people narrow the filter or export.
	 */
	public static final long COUNT_CAP = 1_001;

	/** Up to this many matches of a narrow caller or filter are read whole and sorted rather than met on a walk. */
	private static final long READ_WHOLE_CAP = 20_001;

	private static final String SELECT = """
			SELECT f.*, u.code AS unit_code, u.name AS unit_name
			FROM monitoring_finding f
			JOIN organization_unit u ON u.id = f.organization_id
			""";

	private static final String OPEN = "(f.status IN ('NEW', 'NOTIFIED') OR (f.status = 'ACCEPTED_RISK' AND f.status_until <= :now))";

	private final JdbcClient jdbc;

	private final FindingSla sla;

	/**
	 * Whether the database joins LATERAL (PostgreSQL does, H2 does not): a narrow caller's page is then merged from
	 * each of its units' first matches; elsewhere the matches are read whole.
	 */
	private final boolean lateralJoins;

	public FindingStore(JdbcClient jdbc, FindingSla sla, DataSource dataSource) {
		this.jdbc = jdbc;
		this.sla = sla;
		this.lateralJoins = postgreSql(dataSource);
	}

	private static boolean postgreSql(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
				.equals("PostgreSQL");
		}
		catch (MetaDataAccessException unreadable) {
			return false;
		}
	}

	public FindingPage page(UnitScope scope, FindingFilter filter, FindingSort sort, boolean ascending, int page,
			int size, Instant now) {
		if (scope.isEmpty()) {
			return new FindingPage(List.of(), page, size, 0);
		}
		Where where = where(scope, filter, now);
		long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM monitoring_finding f WHERE " + where.sql + " LIMIT "
				+ COUNT_CAP + ") x").params(where.params).query(Long.class).single();
		if (total == 0) {
			return new FindingPage(List.of(), page, size, 0);
		}
		// the page's ids first, from an index where the filters allow, then only those rows with their unit. Limit and
		// offset are written as numbers (ints from the server, not text): bound, PostgreSQL's generic plan after five
		// executions assumes a tenth of the table and hash-joins all of it (0.8 s instead of 4 ms over 1,000,000 rows).
		// When few match (one device's findings, a district's among a province's), they are all read through the
		// organisation and filter indexes and sorted; "OFFSET 0 ROWS" keeps PostgreSQL from walking the sort column's
		// index over the whole table in the hope of meeting them early instead (200 ms for a district officer's first
		// page over 1,000,000 rows, 37 ms read whole). Many matches are met early on that walk, so it stays for them.
		String pageIds;
		Map<String, Object> params = where.params;
		if (total >= COUNT_CAP && lateralJoins && narrow(scope, filter)) {
			// a narrow caller's first matches of each of its units, walked from the (organisation, last seen) index,
			// then merged: the page is among them, since every unit's share of it is among that unit's first
			// (offset + size). A district officer's open findings read 2,500 rows this way instead of all 7,600
			// (EXPLAIN ANALYZE on 1,000,000 findings: 8 ms against 16 ms to count them and 10 ms to read them whole).
			// The units are met through organization_unit (a semi-join; granted units may overlap): DISTINCT over the
			// closure drew a parallel plan that took 25 ms under load instead of 8.
			Where each = filtered(new Where("f.organization_id = o.id"), filter, now);
			long first = (long) page * size + size;
			pageIds = "SELECT f.id FROM organization_unit o CROSS JOIN LATERAL (SELECT f.* FROM monitoring_finding f WHERE "
					+ each.sql + orderBy(sort, ascending) + " LIMIT " + first + ") f WHERE o.id IN (SELECT c.descendant_id"
					+ " FROM organization_unit_closure c WHERE " + units(scope, filter) + ")" + orderBy(sort, ascending)
					+ " LIMIT " + size + " OFFSET " + (long) page * size;
			params = each.params;
		}
		else {
			String matching = few(where, total, scope, filter)
					? "(SELECT * FROM monitoring_finding f WHERE " + where.sql + " OFFSET 0 ROWS) f"
					: "monitoring_finding f WHERE " + where.sql;
			pageIds = "SELECT f.id FROM " + matching + orderBy(sort, ascending) + " LIMIT " + size + " OFFSET "
					+ (long) page * size;
		}
		List<FindingView> items = jdbc.sql(SELECT + " WHERE f.id IN (" + pageIds + ")" + orderBy(sort, ascending))
			.params(params)
			.query((rs, row) -> view(rs, now))
			.list();
		return new FindingPage(items, page, size, total);
	}

	/** Whether the caller or the unit filter reaches a small part of the organisations (a district of a province). */
	private boolean narrow(UnitScope scope, FindingFilter filter) {
		long reached = jdbc.sql("SELECT COUNT(*) FROM organization_unit_closure c WHERE " + units(scope, filter))
			.query(Long.class)
			.single();
		long all = jdbc.sql("SELECT COUNT(*) FROM organization_unit").query(Long.class).single();
		return reached * 20 <= all;
	}

	/** The closure rows {@code c} whose descendants are the units the caller reaches, within the unit filter. */
	private static String units(UnitScope scope, FindingFilter filter) {
		String reached = "c.ancestor_id IN (" + scope.rootUnitIds().stream().sorted().map(String::valueOf)
			.collect(Collectors.joining(",")) + ")";
		return filter.unitId() == null ? reached
				: reached + " AND c.descendant_id IN (SELECT u.descendant_id FROM organization_unit_closure u"
						+ " WHERE u.ancestor_id = " + filter.unitId() + ")";
	}

	/**
	 * Whether the matches are few enough to read whole: fewer than the count cap, or, for a caller or filter that
	 * reaches a small part of the organisations (a district of a province), fewer than {@link #READ_WHOLE_CAP}.
	 */
	private boolean few(Where where, long total, UnitScope scope, FindingFilter filter) {
		if (total < COUNT_CAP) {
			return true;
		}
		if (!narrow(scope, filter)) {
			return false;
		}
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM monitoring_finding f WHERE " + where.sql + " LIMIT "
				+ READ_WHOLE_CAP + ") x").params(where.params).query(Long.class).single() < READ_WHOLE_CAP;
	}

	/** Every matching finding in list order; the caller closes the stream and holds a transaction. */
	public Stream<FindingView> stream(UnitScope scope, FindingFilter filter, FindingSort sort, boolean ascending,
			Instant now) {
		if (scope.isEmpty()) {
			return Stream.empty();
		}
		Where where = where(scope, filter, now);
		return jdbc.sql(SELECT + " WHERE " + where.sql + orderBy(sort, ascending))
			.params(where.params)
			.withFetchSize(500)
			.query((rs, row) -> view(rs, now))
			.stream();
	}

	public Optional<FindingView> find(UnitScope scope, long id, Instant now) {
		if (scope.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " WHERE " + scoped(scope) + " AND f.id = :id")
			.param("id", id)
			.query((rs, row) -> view(rs, now))
			.optional();
	}

	public List<FindingChange> changes(long findingId) {
		return jdbc.sql("SELECT * FROM monitoring_finding_change WHERE finding_id = :id ORDER BY changed_at, id")
			.param("id", findingId)
			.query((rs, row) -> new FindingChange(rs.getLong("id"), rs.getLong("finding_id"),
					FindingStatus.valueOf(rs.getString("from_status")), FindingStatus.valueOf(rs.getString("to_status")),
					rs.getString("reason"), rs.getString("actor"), instant(rs, "valid_until"), instant(rs, "changed_at")))
			.list();
	}

	/**
	 * Moves the finding from {@code from} to {@code to} and records the change; false when it no longer stands at
	 * {@code from} (someone or a scan changed it meanwhile), and then nothing is written.
	 */
	public boolean changeStatus(long id, FindingStatus from, FindingStatus to, String reason, String actor,
			Instant validUntil, Instant at) {
		int changed = jdbc.sql("""
				UPDATE monitoring_finding SET status = :to, status_reason = :reason, status_by = :actor,
				  status_until = :until, verified_at = CASE WHEN :to = 'VERIFIED' THEN :at ELSE verified_at END
				WHERE id = :id AND status = :from""")
			.param("to", to.name())
			.param("reason", reason)
			.param("actor", actor)
			.param("until", offset(validUntil))
			.param("at", offset(at))
			.param("id", id)
			.param("from", from.name())
			.update();
		if (changed == 0) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO monitoring_finding_change (finding_id, from_status, to_status, reason, actor, valid_until, changed_at)
				VALUES (:id, :from, :to, :reason, :actor, :until, :at)""")
			.param("id", id)
			.param("from", from.name())
			.param("to", to.name())
			.param("reason", reason)
			.param("actor", actor)
			.param("until", offset(validUntil))
			.param("at", offset(at))
			.update();
		return true;
	}

	private Where where(UnitScope scope, FindingFilter filter, Instant now) {
		Where where = new Where(scoped(scope));
		if (filter.unitId() != null) {
			where.append(" AND f.organization_id IN (SELECT u.descendant_id FROM organization_unit_closure u WHERE u.ancestor_id = "
					+ filter.unitId() + ")");
		}
		return filtered(where, filter, now);
	}

	/** {@code where} narrowed by every part of the filter but its unit. */
	private Where filtered(Where where, FindingFilter filter, Instant now) {
		where.params.put("now", offset(now));
		if (filter.range() != null) {
			List<String> conditions = new ArrayList<>();
			List<String> parts = filter.range().conditions();
			for (int i = 0; i < parts.size(); i++) {
				String name = "range" + i;
				conditions.add(parts.get(i).endsWith("%") ? "f.address LIKE :" + name : "f.address = :" + name);
				where.params.put(name, parts.get(i));
			}
			where.append(" AND (" + String.join(" OR ", conditions) + ")");
		}
		where.and("f.address = :address", "address", blankToNull(filter.address()));
		where.and("f.check_id = :check", "check", blankToNull(filter.checkId()));
		where.and("f.severity = :severity", "severity", filter.severity() == null ? null : filter.severity().name());
		if (filter.state() != null) {
			switch (filter.state()) {
				case OPEN -> where.append(" AND " + OPEN);
				case RISK_EXPIRED -> where.append(" AND f.status = 'ACCEPTED_RISK' AND f.status_until <= :now");
				case ACCEPTED_RISK ->
					where.append(" AND f.status = 'ACCEPTED_RISK' AND (f.status_until IS NULL OR f.status_until > :now)");
				default -> where.and("f.status = :status", "status", filter.state().name());
			}
		}
		if (filter.minAgeDays() != null) {
			where.and("f.first_seen <= :seenBefore", "seenBefore", offset(now.minus(Duration.ofDays(filter.minAgeDays()))));
		}
		if (filter.maxAgeDays() != null) {
			where.and("f.first_seen >= :seenAfter", "seenAfter", offset(now.minus(Duration.ofDays(filter.maxAgeDays()))));
		}
		if (filter.overdueOnly()) {
			List<String> late = new ArrayList<>();
			for (Severity severity : Severity.values()) {
				Duration days = sla.daysToFix(severity);
				if (days != null) {
					String name = "due" + severity.name();
					late.add("(f.severity = '" + severity.name() + "' AND f.first_seen < :" + name + ")");
					where.params.put(name, offset(now.minus(days)));
				}
			}
			where.append(" AND " + OPEN + " AND " + (late.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", late) + ")"));
		}
		return where;
	}

	private static String scoped(UnitScope scope) {
		// root ids spliced, not bound: numbers from the grant table, and PostgreSQL plans a bound list badly (UnitScope)
		return "f.organization_id IN (SELECT c.descendant_id FROM organization_unit_closure c WHERE c.ancestor_id IN ("
				+ scope.rootUnitIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")) + "))";
	}

	private static String orderBy(FindingSort sort, boolean ascending) {
		String direction = ascending ? " ASC" : " DESC";
		return " ORDER BY " + sort.expression() + direction + ", f.id" + direction;
	}

	private FindingView view(ResultSet rs, Instant now) throws SQLException {
		Object port = rs.getObject("port");
		MonitoredFinding finding = new MonitoredFinding(rs.getLong("id"), rs.getLong("organization_id"),
				rs.getString("address"), port == null ? null : ((Number) port).intValue(), rs.getString("check_id"),
				rs.getString("severity"), rs.getString("title"), rs.getString("evidence"),
				rs.getString("requirement_group"), FindingStatus.valueOf(rs.getString("status")),
				instant(rs, "first_seen"), instant(rs, "last_seen"), rs.getInt("times_seen"), instant(rs, "notified_at"),
				rs.getString("notice_reference"), instant(rs, "fixed_at"), instant(rs, "status_until"));
		return FindingView.of(finding, rs.getString("unit_code"), rs.getString("unit_name"),
				rs.getString("status_reason"), rs.getString("status_by"), finding.statusUntil(),
				instant(rs, "verified_at"), sla, now);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime offset(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** A WHERE clause being built with its named parameters. */
	private static final class Where {

		private final StringBuilder sql;

		private final Map<String, Object> params = new HashMap<>();

		Where(String scope) {
			this.sql = new StringBuilder(scope);
		}

		void append(String text) {
			sql.append(text);
		}

		void and(String condition, String name, Object value) {
			if (value != null) {
				sql.append(" AND ").append(condition);
				params.put(name, value);
			}
		}

	}

}
