package vn.camguard.monitoring.job;

import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/** When a scan job runs again after a run: never, every day, week or month at the first run's time, or a cron
 * expression (six fields, as Spring reads them: second minute hour day month weekday). */
public enum Recurrence {

	ONCE, DAILY, WEEKLY, MONTHLY, CRON;

	/** The run after {@code previous} (planned at that time), at or after {@code now}; empty for ONCE. */
	public Optional<ZonedDateTime> after(ZonedDateTime previous, ZonedDateTime now, String cron) {
		ZonedDateTime next = previous;
		switch (this) {
			case ONCE:
				return Optional.empty();
			case CRON: {
				ZonedDateTime from = previous.isAfter(now) ? previous : now;
				return Optional.ofNullable(CronExpression.parse(cron).next(from));
			}
			default:
				// bounded: a job planned long ago skips the runs it missed rather than running them all
				for (int i = 0; i < 100_000 && !next.isAfter(now); i++) {
					next = switch (this) {
						case DAILY -> next.plusDays(1);
						case WEEKLY -> next.plusWeeks(1);
						default -> next.plusMonths(1);
					};
				}
				return Optional.of(next);
		}
	}

}
