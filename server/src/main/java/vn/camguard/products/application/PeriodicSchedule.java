package vn.camguard.products.application;

import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When periodic assessments fall due ({@code camguard.assessments.periodic.*}): the interval per
 * approved level used when the level's framework data sets none (Decree 85 Art. 20.2.c sets one for
 * levels 3 to 5 only; levels 1 and 2 default to the two years of the organisation-wide assessment), and
 * how many days ahead a due assessment appears on the unit's to-do list.
 *
 * @param intervalMonths months between periodic assessments, by level 1 to 5
 * @param dueWithinDays days before the due date an assessment enters the to-do list
 */
@ConfigurationProperties("camguard.assessments.periodic")
public record PeriodicSchedule(Map<Integer, Integer> intervalMonths, Integer dueWithinDays) {

	private static final Map<Integer, Integer> DEFAULT_MONTHS = Map.of(1, 24, 2, 24, 3, 12, 4, 12, 5, 6);

	public PeriodicSchedule {
		Map<Integer, Integer> months = new HashMap<>(DEFAULT_MONTHS);
		if (intervalMonths != null) {
			months.putAll(intervalMonths);
		}
		intervalMonths = Map.copyOf(months);
		dueWithinDays = dueWithinDays == null || dueWithinDays < 0 ? 30 : dueWithinDays;
	}

	public static PeriodicSchedule defaults() {
		return new PeriodicSchedule(null, null);
	}

	/** The interval the setting gives the level, or null when it sets none (zero or less: never). */
	public Period interval(int level) {
		Integer months = intervalMonths.get(level);
		return months == null || months <= 0 ? null : Period.ofMonths(months);
	}

}
