package vn.camguard.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.CamGuardApplication;
import vn.camguard.TestTree;
import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Two server instances on one database share one job's limits: with at most one part of a job scanning at once
 * (cluster-wide), the parts' scanning intervals never overlap, however the instances take them.
 */
@SpringBootTest(properties = { "camguard.schedule.polling-interval=200ms", "camguard.monitoring.part-size=4",
		"camguard.monitoring.parts-per-job=1", "camguard.monitoring.slot-wait=300ms",
		// each instance could run four parts at once: only the shared limit keeps them to one
		"camguard.schedule.threads=4" })
class TwoInstanceLimitTests {

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aJobsPartsScanOneAtATimeAcrossTwoInstancesWhenItsLimitsAllowOne() throws Exception {
		TestTree tree = TestTree.create(setup);
		UnitRef isp = tree.unit("ISP", "ISP", tree.province());
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp until = Timestamp.from(LocalDate.now().plusDays(5).atStartOfDay(ZoneId.of("UTC")).toInstant());
		jdbc.sql("""
				INSERT INTO monitoring_range (organization_id, range_text, first_address, last_address, first_number,
				  last_number, status, requested_by, requested_at, decided_by, decided_at, valid_until)
				VALUES (:org, '127.77.8.0/26', '127.77.8.0', '127.77.8.63', :first, :last, 'APPROVED', 'test', :now,
				  'test', :now, :until)""")
			.param("org", isp.id()).param("first", 0x7F4D0800L).param("last", 0x7F4D083FL).param("now", now)
			.param("until", until).update();
		List<DeviceSpec> devices = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			devices.add(DeviceSpec.of("cam-" + i, "127.77.8." + i, Profile.DAHUA_IPC,
					i % 2 == 0 ? Set.of(Weakness.TELNET_OPEN) : Set.of()));
		}
		try (RunningLab lab = Lab.start(new FleetSpec(devices, 0));
				ConfigurableApplicationContext second = new SpringApplicationBuilder(CamGuardApplication.class)
					.properties("server.port=0", "camguard.schedule.polling-interval=200ms",
							"camguard.monitoring.part-size=4", "camguard.monitoring.parts-per-job=1", "camguard.schedule.threads=4",
							"camguard.monitoring.slot-wait=300ms", "spring.jmx.enabled=false")
					.run()) {
			jdbc.sql("""
					INSERT INTO monitoring_job (organization_id, name, targets, profile, rate_per_second, concurrency,
					  recurrence, first_run, status, created_by, created_at, next_run, run_number)
					VALUES (:org, 'two instances, shared limits', '127.77.8.1-127.77.8.40', 'STANDARD', 1000, 8,
					  'ONCE', :now, 'SCHEDULED', 'test', :now, :now, 0)""")
				.param("org", isp.id()).param("now", now).update();
			long job = jdbc.sql("SELECT MAX(id) FROM monitoring_job WHERE organization_id = :org")
				.param("org", isp.id()).query(Long.class).single();
			second.getBean(vn.camguard.schedule.WorkPlanner.class)
				.plan("monitoring-scan-start", "job-" + job + "-run-1", job + ":1", Instant.now().plusSeconds(1));
			String status = null;
			for (int i = 0; i < 1800 && !"FINISHED".equals(status); i++) {
				Thread.sleep(100);
				status = jdbc.sql("SELECT status FROM monitoring_job WHERE id = :id").param("id", job)
					.query(String.class).single();
			}
			assertThat(status).as("job status after three minutes").isEqualTo("FINISHED");

			record Part(int partNumber, String status, int attempts, OffsetDateTime startedAt,
					OffsetDateTime finishedAt) {
			}
			List<Part> parts = jdbc.sql("SELECT part_number, status, attempts, started_at, finished_at "
					+ "FROM monitoring_job_part WHERE job_id = :job ORDER BY part_number").param("job", job)
				.query(Part.class).list();
			assertThat(parts).hasSize(11).allSatisfy(part -> {
				assertThat(part.status()).isEqualTo("DONE");
				assertThat(part.attempts()).isEqualTo(1);
			});
			int deepest = 0;
			for (Part part : parts) {
				Instant at = part.startedAt().toInstant();
				int scanning = (int) parts.stream()
					.filter(other -> !other.startedAt().toInstant().isAfter(at) && other.finishedAt().toInstant().isAfter(at))
					.count();
				deepest = Math.max(deepest, scanning);
			}
			System.out.println("TwoInstanceLimitTests: most parts of the job scanning at once: " + deepest);
			assertThat(deepest).as("parts of the job scanning at once").isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_finding WHERE organization_id = :org "
					+ "AND check_id = 'CG-SVC-TELNET' AND times_seen = 1").param("org", isp.id()).query(Long.class)
				.single()).isEqualTo(20);
		}
	}

}
