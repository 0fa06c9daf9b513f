package vn.camguard.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.AuthorizationMatrixFixture;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Gives the authorization matrix a pending range ({@code {range}}) and a scheduled job with no run planned
 * ({@code {job}}) of the request's target unit, written straight to the tables so no scan is ever planned.
 */
@Component
class MonitoringMatrixFixture implements AuthorizationMatrixFixture {

	private final JdbcClient jdbc;

	MonitoringMatrixFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> prepare(UnitRef unit, String fresh) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO monitoring_range (organization_id, range_text, first_address, last_address, first_number,
				  last_number, status, requested_by, requested_at)
				VALUES (:org, '192.0.2.0/24', '192.0.2.0', '192.0.2.255', 3221225984, 3221226239, 'PENDING', 'matrix', :now)""")
			.param("org", unit.id())
			.param("now", now)
			.update();
		long range = jdbc.sql("SELECT MAX(id) FROM monitoring_range WHERE organization_id = :org")
			.param("org", unit.id())
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO monitoring_job (organization_id, name, targets, profile, rate_per_second, concurrency,
				  recurrence, first_run, status, created_by, created_at, run_number)
				VALUES (:org, :name, '192.0.2.1', 'STANDARD', 10, 4, 'ONCE', :now, 'SCHEDULED', 'matrix', :now, 0)""")
			.param("org", unit.id())
			.param("name", "matrix " + fresh)
			.param("now", now)
			.update();
		long job = jdbc.sql("SELECT MAX(id) FROM monitoring_job WHERE organization_id = :org")
			.param("org", unit.id())
			.query(Long.class)
			.single();
		return Map.of("{range}", Long.toString(range), "{job}", Long.toString(job));
	}

}
