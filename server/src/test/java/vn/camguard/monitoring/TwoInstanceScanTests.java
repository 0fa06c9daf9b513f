package vn.camguard.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
 * Two server instances (this test's application context and a second one started beside it) on one database: a job
 * split into twelve parts is covered exactly once, each part scanned once and handed to the ledger once.
 */
@SpringBootTest(properties = { "camguard.schedule.polling-interval=200ms", "camguard.monitoring.part-size=4" })
class TwoInstanceScanTests {

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aJobSplitInPartsIsCoveredExactlyOnceByTwoInstances() throws Exception {
		TestTree tree = TestTree.create(setup);
		UnitRef isp = tree.unit("ISP", "ISP", tree.province());
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp until = Timestamp.from(LocalDate.now().plusDays(5).atStartOfDay(ZoneId.of("UTC")).toInstant());
		jdbc.sql("""
				INSERT INTO monitoring_range (organization_id, range_text, first_address, last_address, first_number,
				  last_number, status, requested_by, requested_at, decided_by, decided_at, valid_until)
				VALUES (:org, '127.63.8.0/26', '127.63.8.0', '127.63.8.63', :first, :last, 'APPROVED', 'test', :now,
				  'test', :now, :until)""")
			.param("org", isp.id()).param("first", 0x7F3F0800L).param("last", 0x7F3F083FL).param("now", now)
			.param("until", until).update();
		List<DeviceSpec> devices = new ArrayList<>();
		for (int i = 1; i <= 48; i++) {
			devices.add(DeviceSpec.of("cam-" + i, "127.63.8." + i, Profile.DAHUA_IPC,
					i % 2 == 0 ? Set.of(Weakness.TELNET_OPEN) : Set.of()));
		}
		try (RunningLab lab = Lab.start(new FleetSpec(devices, 0));
				ConfigurableApplicationContext second = new SpringApplicationBuilder(CamGuardApplication.class)
					.properties("server.port=0", "camguard.schedule.polling-interval=200ms",
							"camguard.monitoring.part-size=4", "spring.jmx.enabled=false")
					.run()) {
			// planned a moment ahead, so that both instances are polling when the parts fall due
			jdbc.sql("""
					INSERT INTO monitoring_job (organization_id, name, targets, profile, rate_per_second, concurrency,
					  recurrence, first_run, status, created_by, created_at, next_run, run_number)
					VALUES (:org, 'two instances', '127.63.8.1-127.63.8.48', 'STANDARD', 1000, 2, 'ONCE', :now,
					  'SCHEDULED', 'test', :now, :now, 0)""")
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

			record Part(int partNumber, String status, int attempts, int hostsDone) {
			}
			List<Part> parts = jdbc.sql("SELECT part_number, status, attempts, hosts_done FROM monitoring_job_part "
					+ "WHERE job_id = :job ORDER BY part_number").param("job", job).query(Part.class).list();
			// .1-.3, .4-.7, ..., .44-.47, .48
			assertThat(parts).hasSize(13);
			assertThat(parts).allSatisfy(part -> {
				assertThat(part.status()).isEqualTo("DONE");
				assertThat(part.attempts()).as("part " + part.partNumber() + " scanned once").isEqualTo(1);
			});
			assertThat(parts.stream().mapToInt(Part::hostsDone).sum()).isEqualTo(48);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_ledger_part WHERE part_key LIKE :prefix")
				.param("prefix", "job-" + job + "/%").query(Long.class).single()).isEqualTo(13);
			assertThat(jdbc.sql("SELECT address FROM monitoring_finding WHERE organization_id = :org "
					+ "AND check_id = 'CG-SVC-TELNET' AND times_seen = 1").param("org", isp.id()).query(String.class)
				.list()).hasSize(24);
		}
	}

}
