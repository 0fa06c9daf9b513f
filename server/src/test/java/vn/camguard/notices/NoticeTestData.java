package vn.camguard.notices;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Findings written straight into the real {@code monitoring_finding} table, as the scan side would leave them. */
record NoticeTestData(JdbcClient jdbc) {

	long finding(long organizationId, String address, int port, String checkId, String severity, String title,
			String status, Instant lastSeen) {
		jdbc.sql("""
				INSERT INTO monitoring_finding (organization_id, address, port, check_id, severity, title, status,
				  first_seen, last_seen, times_seen)
				VALUES (:org, :address, :port, :check, :severity, :title, :status, :first, :last, 1)""")
			.param("org", organizationId)
			.param("address", address)
			.param("port", port)
			.param("check", checkId)
			.param("severity", severity)
			.param("title", title)
			.param("status", status)
			.param("first", OffsetDateTime.ofInstant(lastSeen.minusSeconds(86_400 * 20), ZoneOffset.UTC))
			.param("last", OffsetDateTime.ofInstant(lastSeen, ZoneOffset.UTC))
			.update();
		return jdbc.sql("SELECT id FROM monitoring_finding WHERE organization_id = :org AND address = :address AND check_id = :check")
			.param("org", organizationId)
			.param("address", address)
			.param("check", checkId)
			.query(Long.class)
			.single();
	}

	String status(long findingId) {
		return jdbc.sql("SELECT status FROM monitoring_finding WHERE id = :id").param("id", findingId).query(String.class).single();
	}

	String noticeReference(long findingId) {
		return jdbc.sql("SELECT notice_reference FROM monitoring_finding WHERE id = :id")
			.param("id", findingId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
