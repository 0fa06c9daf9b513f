package vn.camguard.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Work a feature plans for later with {@link WorkPlanner}, each planned instance run once across all instances on
 * the database: declare it as a Spring bean. An instance whose server dies while running it is taken over by
 * another server (db-scheduler's dead-execution handling), so the work must be safe to run again.
 *
 * @param name unique and stable (the task name of its rows in {@code scheduled_tasks})
 * @param work given the instance's data; answers empty when done, or when to run the same instance again (e.g.
 *             outside an allowed time window); it must not assume a request or a signed-in user
 */
public record OneTimeWork(String name, Function<String, Optional<Instant>> work) {

	public OneTimeWork {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(work, "work");
	}

}
