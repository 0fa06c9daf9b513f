package vn.camguard.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * Work a feature wants done every so often, once across all instances on the database: declare it
 * as a Spring bean. The interval runs from the end of one run to the start of the next; a run that
 * throws is logged and tried again after the interval.
 *
 * @param name unique and stable (it is the key of the work's row in {@code scheduled_tasks})
 * @param interval time between runs
 * @param work what to do; it must not assume a request or a signed-in user
 */
public record RecurringWork(String name, Duration interval, Runnable work) {

	public RecurringWork {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(work, "work");
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("interval of " + name + " must be positive");
		}
	}

}
