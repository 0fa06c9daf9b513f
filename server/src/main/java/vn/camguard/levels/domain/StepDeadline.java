package vn.camguard.levels.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The legal clock of the step a dossier enters, read from its framework version's TIME_LIMIT items
 * for its level: entering SUBMITTED starts the completeness check (T-COMPLETE...), UNDER_APPRAISAL the
 * appraisal (T-APPRAISAL..., or where one body appraises and approves and the framework sets no
 * appraisal limit, the approval limit T-APPROVAL...), APPRAISED the approval (T-APPROVAL...). Items are
 * found by these key prefixes, so an administrator's corrected amount is what counts.
 *
 * @param startedOn the day the step started
 * @param dueOn the deadline, null when the framework sets none for the step
 */
public record StepDeadline(LocalDate startedOn, LocalDate dueOn) {

	public static final StepDeadline NONE = new StepDeadline(null, null);

	/** The clock of the status a dossier enters on the day. */
	public static StepDeadline entering(DossierStatus status, Framework framework, int level,
			boolean oneBodyAppraisesAndApproves, LocalDate day, WorkingDays workingDays) {
		Optional<FrameworkItem> limit = switch (status) {
			case SUBMITTED -> limit(framework, level, "T-COMPLETE");
			case UNDER_APPRAISAL -> limit(framework, level, "T-APPRAISAL")
				.or(() -> oneBodyAppraisesAndApproves ? limit(framework, level, "T-APPROVAL") : Optional.empty());
			case APPRAISED -> limit(framework, level, "T-APPROVAL");
			default -> Optional.empty();
		};
		if (!DossierStatus.AWAITING_AUTHORITY.contains(status)) {
			return NONE;
		}
		return new StepDeadline(day, limit.map(item -> due(item, day, workingDays)).orElse(null));
	}

	/**
	 * A limit in working days counts working days from the day after the start; one in days counts
	 * calendar days, and when its last day is a weekend day or a holiday it ends on the next working
	 * day (Civil Code 2015 Art. 148.5).
	 */
	static LocalDate due(FrameworkItem limit, LocalDate start, WorkingDays workingDays) {
		int amount = limit.amount();
		return switch (limit.amountUnit()) {
			case "WORKING_DAYS" -> workingDays.plus(start, amount);
			case "MONTHS" -> nextWorkingDay(start.plusMonths(amount), workingDays);
			default -> nextWorkingDay(start.plusDays(amount), workingDays);
		};
	}

	private static LocalDate nextWorkingDay(LocalDate day, WorkingDays workingDays) {
		LocalDate working = day;
		while (!workingDays.isWorkingDay(working)) {
			working = working.plusDays(1);
		}
		return working;
	}

	private static Optional<FrameworkItem> limit(Framework framework, int level, String keyPrefix) {
		return framework.forLevel(ItemKind.TIME_LIMIT, level)
			.stream()
			.filter(item -> item.key().startsWith(keyPrefix) && item.amount() != null)
			.findFirst();
	}

	/** Working days from the day to the deadline; negative once it has passed; null without a deadline. */
	public Integer workingDaysLeft(LocalDate today, WorkingDays workingDays) {
		return dueOn == null ? null : workingDays.between(today, dueOn);
	}

}
