package vn.camguard.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The db-scheduler {@link Scheduler} of this instance, started with the application context (so
 * after Flyway, which runs while the context is built) and stopped before the data source closes.
 */
@Component
class ClusterScheduler implements SmartLifecycle, WorkPlanner {

	private static final Logger log = LoggerFactory.getLogger(ClusterScheduler.class);

	private final DataSource dataSource;

	private final List<RecurringWork> recurring;

	private final List<DailyWork> daily;

	private final Map<String, CustomTask<String>> oneTime = new LinkedHashMap<>();

	private final Duration heartbeat;

	private final Duration pollingInterval;

	private final int threads;

	private volatile Scheduler scheduler;

	ClusterScheduler(DataSource dataSource, List<RecurringWork> recurring,
			@Value("${camguard.schedule.polling-interval:10s}") Duration pollingInterval,
			@Value("${camguard.schedule.threads:6}") int threads) {
		this(dataSource, recurring, List.of(), pollingInterval, threads, Duration.ofMinutes(5));
	}

	ClusterScheduler(DataSource dataSource, List<RecurringWork> recurring, List<OneTimeWork> oneTimeWork,
			Duration pollingInterval, int threads, Duration heartbeat) {
		this(dataSource, recurring, List.of(), oneTimeWork, pollingInterval, threads, heartbeat);
	}

	@Autowired
	ClusterScheduler(DataSource dataSource, List<RecurringWork> recurring, List<DailyWork> daily,
			List<OneTimeWork> oneTimeWork,
			@Value("${camguard.schedule.polling-interval:10s}") Duration pollingInterval,
			@Value("${camguard.schedule.threads:6}") int threads,
			@Value("${camguard.schedule.heartbeat-interval:5m}") Duration heartbeat) {
		this.dataSource = dataSource;
		this.recurring = List.copyOf(recurring);
		this.daily = List.copyOf(daily);
		this.pollingInterval = pollingInterval;
		this.threads = threads;
		this.heartbeat = heartbeat;
		for (OneTimeWork work : oneTimeWork) {
			this.oneTime.put(work.name(), Tasks.custom(work.name(), String.class)
				// a dead instance's execution is run again by another instance
				.onDeadExecutionRevive()
				.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5,
						new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
				.execute((instance, context) -> {
					Optional<Instant> again = work.work().apply(instance.getData());
					return (complete, operations) -> {
						if (again.isPresent()) {
							operations.reschedule(complete, again.get());
						}
						else {
							operations.remove();
						}
					};
				}));
		}
	}

	@Override
	public void start() {
		List<RecurringTask<Void>> tasks = new ArrayList<>();
		for (RecurringWork work : recurring) {
			tasks.add(Tasks.recurring(work.name(), Schedules.fixedDelay(work.interval()))
				.execute((instance, context) -> work.work().run()));
		}
		for (DailyWork work : daily) {
			tasks.add(Tasks.recurring(work.name(), Schedules.daily(work.zone(), work.at()))
				.execute((instance, context) -> work.work().run()));
		}
		// start tasks are known tasks as well: listing them twice is refused
		List<Task<?>> otherKnown = List.copyOf(oneTime.values());
		Scheduler started = Scheduler.create(dataSource, otherKnown)
			.startTasks(tasks)
			.pollingInterval(pollingInterval)
			.threads(threads)
			.heartbeatInterval(heartbeat)
			// work planned for now (a scan job started by its user, the parts of a run) starts at once on this
			// instance instead of at its next poll, up to a polling interval later
			.enableImmediateExecution()
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
	public boolean plan(String work, String instanceId, String data, Instant at) {
		CustomTask<String> task = oneTime.get(work);
		if (task == null) {
			throw new IllegalArgumentException("no one-time work named " + work);
		}
		return running().scheduleIfNotExists(task.instance(instanceId, data), at);
	}

	@Override
	public boolean bringForward(String work, String instanceId, Instant at) {
		TaskInstanceId id = TaskInstanceId.of(work, instanceId);
		Scheduler scheduler = running();
		if (scheduler.getScheduledExecution(id).filter(execution -> !execution.isPicked()).isEmpty()) {
			return false;
		}
		try {
			return scheduler.reschedule(id, at);
		}
		catch (RuntimeException ex) {
			// picked or finished meanwhile: it runs (or ran) at its own time
			log.debug("Could not bring {}/{} forward: {}", work, instanceId, ex.getMessage());
			return false;
		}
	}

	@Override
	public boolean planned(String work, String instanceId) {
		Scheduler current = scheduler;
		return current != null && current.getScheduledExecution(TaskInstanceId.of(work, instanceId)).isPresent();
	}

	@Override
	public boolean drop(String work, String instanceId) {
		TaskInstanceId id = TaskInstanceId.of(work, instanceId);
		Scheduler scheduler = running();
		if (scheduler.getScheduledExecution(id).filter(execution -> !execution.isPicked()).isEmpty()) {
			return false;
		}
		try {
			scheduler.cancel(id);
			return true;
		}
		catch (RuntimeException ex) {
			// picked meanwhile: it runs, and the work itself sees that it is no longer wanted
			log.debug("Could not drop {}/{}: {}", work, instanceId, ex.getMessage());
			return false;
		}
	}

	private Scheduler running() {
		Scheduler current = scheduler;
		if (current == null) {
			throw new IllegalStateException("the scheduler is not running");
		}
		return current;
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
