package vn.camguard.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one database (two schedulers on the application's data source, as two servers
 * would have): recurring work runs once per interval across both, not once per instance.
 */
@SpringBootTest
class ClusterSchedulerTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recurringWorkRunsOnceAcrossTwoInstances() throws Exception {
		String name = "test-cluster-" + System.nanoTime();
		AtomicInteger runsOnFirst = new AtomicInteger();
		AtomicInteger runsOnSecond = new AtomicInteger();
		Duration polling = Duration.ofMillis(100);
		ClusterScheduler first = new ClusterScheduler(dataSource,
				List.of(new RecurringWork(name, Duration.ofHours(1), runsOnFirst::incrementAndGet)), polling, 2);
		ClusterScheduler second = new ClusterScheduler(dataSource,
				List.of(new RecurringWork(name, Duration.ofHours(1), runsOnSecond::incrementAndGet)), polling, 2);
		try {
			first.start();
			second.start();
			Instant giveUp = Instant.now().plusSeconds(60);
			while (runsOnFirst.get() + runsOnSecond.get() == 0) {
				assertThat(Instant.now()).as("the first run within a minute").isBefore(giveUp);
				Thread.sleep(50);
			}
			// let both instances poll a few dozen more times: the hour-long interval must hold across both
			Thread.sleep(3000);
			assertThat(runsOnFirst.get() + runsOnSecond.get()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :name")
				.param("name", name)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			first.stop();
			second.stop();
			jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = :name").param("name", name).update();
		}
	}

}
