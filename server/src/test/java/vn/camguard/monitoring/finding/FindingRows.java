package vn.camguard.monitoring.finding;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Writes findings straight into the real {@code monitoring_finding} table, as the scan side's ledger would leave
 * them, so that the findings pages can be tested without running scans.
 */
public final class FindingRows {

	private final JdbcClient jdbc;

	public FindingRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A finding first seen {@code firstSeen}, last seen now-ish, in the given status. */
	public long insert(long organizationId, String address, Integer port, String checkId, String severity,
			String title, String evidence, String status, Instant firstSeen, Instant lastSeen, int timesSeen) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO monitoring_finding (organization_id, address, port, check_id, severity, title, evidence,
				  status, first_seen, last_seen, times_seen, fixed_at)
				VALUES (:org, :address, :port, :check, :severity, :title, :evidence, :status, :first, :last, :times, :fixed)""")
			.param("org", organizationId)
			.param("address", address)
			.param("port", port)
			.param("check", checkId)
			.param("severity", severity)
			.param("title", title)
			.param("evidence", evidence)
			.param("status", status)
			.param("first", firstSeen.atOffset(ZoneOffset.UTC))
			.param("last", lastSeen.atOffset(ZoneOffset.UTC))
			.param("times", timesSeen)
			.param("fixed", "FIXED".equals(status) ? lastSeen.atOffset(ZoneOffset.UTC) : null)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A NEW finding of a check on an address, first seen {@code daysAgo} days ago. */
	public long open(long organizationId, String address, String checkId, String severity, int daysAgo) {
		Instant now = Instant.now();
		return insert(organizationId, address, 80, checkId, severity, "Weakness " + checkId, "Server: test", "NEW",
				now.minusSeconds(86_400L * daysAgo), now.minusSeconds(60), 3);
	}

	/** An accepted risk whose expiry is {@code until}. */
	public void acceptedUntil(long findingId, Instant until) {
		jdbc.sql("UPDATE monitoring_finding SET status = 'ACCEPTED_RISK', status_reason = 'test', status_by = 'test', "
				+ "status_until = :until WHERE id = :id")
			.param("until", until.atOffset(ZoneOffset.UTC))
			.param("id", findingId)
			.update();
	}

}
