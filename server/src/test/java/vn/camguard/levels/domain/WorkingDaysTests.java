package vn.camguard.levels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The working-day arithmetic on a small calendar of its own (the shipped calendar: WorkingCalendarTests). */
class WorkingDaysTests {

	private final WorkingDays days = new WorkingDays(
			Set.of(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18),
					LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 21)),
			Set.of(LocalDate.of(2026, 2, 28)));

	@Test
	void countsFromTheNextDayAndSkipsWeekends() {
		// Thursday + 2 working days: Friday, then Monday
		assertThat(days.plus(LocalDate.of(2026, 12, 3), 2)).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(days.plus(LocalDate.of(2026, 12, 5), 1)).as("from a Saturday").isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(days.plus(LocalDate.of(2026, 12, 3), 0)).isEqualTo(LocalDate.of(2026, 12, 3));
	}

	@Test
	void skipsHolidaysAndCountsAWorkedSaturday() {
		// Friday 13/02 + 7: 16-20 off, 21-22 weekend, 23..27 = 5, Saturday 28 worked = 6, Monday 02/03 = 7
		assertThat(days.plus(LocalDate.of(2026, 2, 13), 7)).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 21))).isFalse();
	}

	@Test
	void betweenIsTheInverseOfPlusAndNegativeWhenOverdue() {
		LocalDate from = LocalDate.of(2026, 2, 13);
		for (int n = 0; n <= 12; n++) {
			assertThat(days.between(from, days.plus(from, n))).isEqualTo(n);
		}
		assertThat(days.between(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 2, 13))).isEqualTo(-7);
	}

}
