package vn.camguard.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The db-scheduler {@link Scheduler} of this instance, started with the application context (so
 * after Flyway, which runs while the context is built) and stopped before the data source closes.
 */
@Component
class ClusterScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterScheduler.class);

	private final DataSource dataSource;

	private final List<RecurringWork> recurring;

	private final Duration pollingInterval;

	private final int threads;

	private volatile Scheduler scheduler;

	ClusterScheduler(DataSource dataSource, List<RecurringWork> recurring,
			@Value("${camguard.schedule.polling-interval:10s}") Duration pollingInterval,
			@Value("${camguard.schedule.threads:2}") int threads) {
		this.dataSource = dataSource;
		this.recurring = List.copyOf(recurring);
		this.pollingInterval = pollingInterval;
		this.threads = threads;
	}

	@Override
	public void start() {
		List<RecurringTask<Void>> tasks = new ArrayList<>();
		for (RecurringWork work : recurring) {
			tasks.add(Tasks.recurring(work.name(), Schedules.fixedDelay(work.interval()))
				.execute((instance, context) -> work.work().run()));
		}
		// start tasks are known tasks as well: listing them twice is refused
		List<Task<?>> otherKnown = List.of();
		Scheduler started = Scheduler.create(dataSource, otherKnown)
			.startTasks(tasks)
			.pollingInterval(pollingInterval)
			.threads(threads)
			.shutdownMaxWait(Duration.ofSeconds(30))
			.build();
		started.start();
		scheduler = started;
		for (RecurringWork work : recurring) {
			shortenIfConfiguredSooner(started, work);
		}
	}

	/**
	 * A recurring task's next run is kept in the database; when the interval has been shortened
	 * since it was planned, plan it for one new interval from now instead of waiting out the old one.
	 */
	private static void shortenIfConfiguredSooner(Scheduler scheduler, RecurringWork work) {
		TaskInstanceId id = TaskInstanceId.of(work.name(), RecurringTask.INSTANCE);
		Instant latest = Instant.now().plus(work.interval());
		scheduler.getScheduledExecution(id)
			.filter(execution -> !execution.isPicked() && execution.getExecutionTime().isAfter(latest))
			.ifPresent(execution -> {
				try {
					scheduler.reschedule(id, latest);
				}
				catch (RuntimeException ex) {
					// picked meanwhile by another instance: it plans the next run itself
					log.debug("Could not reschedule {}: {}", work.name(), ex.getMessage());
				}
			});
	}

	@Override
	public void stop() {
		Scheduler running = scheduler;
		scheduler = null;
		if (running != null) {
			running.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
