package vn.camguard.monitoring.finding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.monitoring.FindingStatus;
import vn.camguard.monitoring.MonitoredFinding;
import vn.camguard.monitoring.MonitoringFindings;

/** {@link MonitoringFindings} on the {@code monitoring_finding} table. */
@Repository
class JdbcMonitoringFindings implements MonitoringFindings {

	/** Ids per UPDATE: bound lists stay well below every driver's parameter limit. */
	private static final int IDS_PER_UPDATE = 1_000;

	private final JdbcClient jdbc;

	JdbcMonitoringFindings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<MonitoredFinding> findingsOf(long organizationId, Instant since) {
		return jdbc.sql("""
				SELECT id, organization_id, address, port, check_id, severity, title, evidence, requirement_group, status,
				       first_seen, last_seen, times_seen, notified_at, notice_reference, fixed_at, status_until
				FROM monitoring_finding
				WHERE organization_id = :org AND last_seen >= :since
				ORDER BY last_seen, id""")
			.param("org", organizationId)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.query(JdbcMonitoringFindings::finding)
			.list();
	}

	@Override
	@Transactional
	public int recordNotice(long organizationId, Collection<Long> findingIds, String noticeReference, Instant at) {
		List<Long> ids = findingIds.stream().distinct().toList();
		int changed = 0;
		for (int from = 0; from < ids.size(); from += IDS_PER_UPDATE) {
			changed += jdbc.sql("""
					UPDATE monitoring_finding
					SET status = CASE WHEN status = 'NEW' OR status = 'ACCEPTED_RISK' AND status_until <= :at
					    THEN 'NOTIFIED' ELSE status END,
					    notified_at = :at, notice_reference = :reference
					WHERE organization_id = :org AND id IN (:ids)""")
				.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
				.param("reference", noticeReference)
				.param("org", organizationId)
				.param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_UPDATE)))
				.update();
		}
		return changed;
	}

	@Override
	@Transactional
	public List<Long> recordBounce(long organizationId, Collection<Long> findingIds, String noticeReference) {
		List<Long> ids = findingIds.stream().distinct().toList();
		List<Long> changed = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_UPDATE) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_UPDATE));
			String where = "WHERE organization_id = :org AND notice_reference = :reference AND id IN (:ids)";
			List<Long> found = jdbc.sql("SELECT id FROM monitoring_finding " + where + " ORDER BY id")
				.param("org", organizationId)
				.param("reference", noticeReference)
				.param("ids", chunk)
				.query(Long.class)
				.list();
			if (found.isEmpty()) {
				continue;
			}
			jdbc.sql("UPDATE monitoring_finding SET status = CASE WHEN status = 'NOTIFIED' THEN 'NEW' ELSE status END, "
					+ "notified_at = NULL, notice_reference = NULL " + where)
				.param("org", organizationId)
				.param("reference", noticeReference)
				.param("ids", found)
				.update();
			changed.addAll(found);
		}
		return changed;
	}

	private static MonitoredFinding finding(ResultSet rs, int row) throws SQLException {
		int port = rs.getInt("port");
		Integer portOrNull = rs.wasNull() ? null : port;
		return new MonitoredFinding(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("address"),
				portOrNull, rs.getString("check_id"), rs.getString("severity"), rs.getString("title"),
				rs.getString("evidence"), rs.getString("requirement_group"),
				FindingStatus.valueOf(rs.getString("status")), instant(rs, "first_seen"), instant(rs, "last_seen"),
				rs.getInt("times_seen"), instant(rs, "notified_at"), rs.getString("notice_reference"),
				instant(rs, "fixed_at"), instant(rs, "status_until"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
