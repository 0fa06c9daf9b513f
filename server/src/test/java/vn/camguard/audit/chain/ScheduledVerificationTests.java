package vn.camguard.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditTrail;

/**
 * The verification runs on its own through the platform scheduler (db-scheduler, here every
 * second): a tampered log is found without anyone asking, recorded, and turns the health indicator
 * {@code auditChain} and the application's health DOWN, naming the first bad entry; once repaired the
 * next run turns it UP again. The context is closed afterwards so its fast schedule stops with it.
 */
@SpringBootTest(properties = { "camguard.audit.verify-interval=1s", "camguard.schedule.polling-interval=200ms" })
@AutoConfigureMockMvc
@DirtiesContext
class ScheduledVerificationTests {

	/** Bound on waiting for a scheduled run; it normally comes within a couple of seconds. */
	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("auditChain")
	HealthIndicator health;

	@Autowired
	MockMvc mvc;

	@Test
	void aScheduledRunFindsATamperedLogAndTurnsHealthDown() throws Exception {
		trail.recordFor("scheduled", "test.scheduled", "test", "1", null, null, Map.of("amount", 1));
		trail.recordFor("scheduled", "test.scheduled", "test", "2", null, null, Map.of("amount", 2));
		long victim = jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single() - 1;
		Tampering tampering = new Tampering(dataSource);
		var originals = tampering.rowsFrom(victim);
		long headSeq = tampering.headSeq();
		String headHash = originals.get(originals.size() - 1).entry().hash();
		Instant tamperedAt = Instant.now();
		try {
			tampering.asOwner(db -> db.sql("UPDATE audit_entry SET after_json = '{\"amount\":5}' WHERE seq = :seq")
				.param("seq", victim)
				.update());
			AuditLog.ChainStatus broken = awaitStatus(status -> status.checkedAt().isAfter(tamperedAt)
					&& !status.verification().intact());
			assertThat(broken.verification().firstBrokenSeq()).hasValue(victim);
			var down = health.health(true);
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("firstBadEntry", victim).containsEntry("reason", "hash");
			assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString())
				.contains("DOWN");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :name AND last_success IS NOT NULL")
				.param("name", ChainWatch.TASK)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			tampering.restore(originals, headSeq, headHash);
		}
		Instant repairedAt = Instant.now();
		awaitStatus(status -> status.checkedAt().isAfter(repairedAt) && status.verification().intact());
		assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
	}

	private AuditLog.ChainStatus awaitStatus(Predicate<AuditLog.ChainStatus> wanted) throws InterruptedException {
		Instant giveUp = Instant.now().plus(PATIENCE);
		while (true) {
			AuditLog.ChainStatus status = log.status();
			if (status.checkedAt() != null && wanted.test(status)) {
				return status;
			}
			assertThat(Instant.now()).as("a scheduled verification within %s (last: %s)", PATIENCE, status)
				.isBefore(giveUp);
			Thread.sleep(100);
		}
	}

}
