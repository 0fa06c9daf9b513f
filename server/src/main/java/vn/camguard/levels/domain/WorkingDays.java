package vn.camguard.levels.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days of Vietnamese state bodies: Monday to Friday, less public holidays and days off, plus
 * weekend days worked in exchange for a day off (làm bù). Legal time limits "in working days" count
 * from the day after the starting event (a dossier received on Friday has Monday as its first day).
 */
public final class WorkingDays {

	private final Set<LocalDate> daysOff;

	private final Set<LocalDate> workedWeekendDays;

	/**
	 * @param daysOff holidays and days off (weekends among them change nothing)
	 * @param workedWeekendDays weekend days that are worked
	 */
	public WorkingDays(Set<LocalDate> daysOff, Set<LocalDate> workedWeekendDays) {
		this.daysOff = Set.copyOf(daysOff);
		this.workedWeekendDays = Set.copyOf(workedWeekendDays);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (workedWeekendDays.contains(day)) {
			return true;
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !daysOff.contains(day);
	}

	/** The n-th working day after {@code start} (n >= 0; 0 gives start itself). */
	public LocalDate plus(LocalDate start, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative: " + n);
		}
		LocalDate day = start;
		for (int left = n; left > 0;) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/**
	 * Working days after {@code from} up to and including {@code to}; negative when {@code to} lies
	 * before {@code from} (days overdue).
	 */
	public int between(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -between(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

}
