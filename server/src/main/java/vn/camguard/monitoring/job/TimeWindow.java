package vn.camguard.monitoring.job;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The local hours a job may send traffic in, e.g. 22:00-06:00 for nights only (a window past midnight wraps).
 * Start equal to end means all day.
 */
public record TimeWindow(LocalTime start, LocalTime end) {

	public static final TimeWindow ALWAYS = new TimeWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

	public boolean always() {
		return start.equals(end);
	}

	public boolean contains(LocalTime time) {
		if (always()) {
			return true;
		}
		if (start.isBefore(end)) {
			return !time.isBefore(start) && time.isBefore(end);
		}
		return !time.isBefore(start) || time.isBefore(end);
	}

	/** {@code now} when inside the window, else the window's next opening. */
	public ZonedDateTime nextOpening(ZonedDateTime now) {
		if (contains(now.toLocalTime())) {
			return now;
		}
		ZonedDateTime today = now.with(start).withNano(0);
		return today.isAfter(now) ? today : today.plusDays(1);
	}

}
