package vn.camguard.products.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * A system's next periodic assessment: its approved level sets the interval, counted from the later of
 * the approval decision and the last periodic assessment (one assessed before the approval does not
 * count, since the level it was done for was not yet approved).
 *
 * @param systemId the information system
 * @param unitId its unit
 * @param systemName its name
 * @param level the approved level
 * @param interval time between periodic assessments
 * @param fromFramework whether the interval comes from the level framework's data (else from the setting)
 * @param approvedOn the approval decision's date, or null when the approval recorded none
 * @param lastAssessedOn the last periodic assessment's date, or null when there was none
 * @param dueOn the due date; null when neither date is known, so the assessment is due at once
 */
public record DueAssessment(long systemId, long unitId, String systemName, int level, Period interval,
		boolean fromFramework, LocalDate approvedOn, LocalDate lastAssessedOn, LocalDate dueOn) {

	public static DueAssessment of(long systemId, long unitId, String systemName, int level, Period interval,
			boolean fromFramework, LocalDate approvedOn, LocalDate lastAssessedOn) {
		LocalDate from = lastAssessedOn == null || approvedOn != null && lastAssessedOn.isBefore(approvedOn) ? approvedOn
				: lastAssessedOn;
		return new DueAssessment(systemId, unitId, systemName, level, interval, fromFramework, approvedOn,
				lastAssessedOn, from == null ? null : from.plus(interval));
	}

	/** Past its due date (the due day itself is not yet overdue). */
	public boolean overdueOn(LocalDate today) {
		return dueOn == null || dueOn.isBefore(today);
	}

	/** Days until due, negative when overdue; 0 when due at once. */
	public long daysLeft(LocalDate today) {
		return dueOn == null ? 0 : ChronoUnit.DAYS.between(today, dueOn);
	}

	/** Whether it belongs on the to-do list: due within the days ahead, or overdue. */
	public boolean toDoOn(LocalDate today, int withinDays) {
		return dueOn == null || !dueOn.isAfter(today.plusDays(withinDays));
	}

}
