package vn.camguard.schedule;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Work a feature wants done once a day at a local time, once across all instances on the database: declare it as a
 * Spring bean. A day on which no instance ran (all down) is not made up for: the next run is at the next such time,
 * so the work itself must catch up on what it missed.
 *
 * @param name unique and stable (it is the key of the work's row in {@code scheduled_tasks})
 * @param at the local time of day
 * @param zone the zone of that time
 * @param work what to do; it must not assume a request or a signed-in user
 */
public record DailyWork(String name, LocalTime at, ZoneId zone, Runnable work) {

	public DailyWork {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(work, "work");
	}

}
