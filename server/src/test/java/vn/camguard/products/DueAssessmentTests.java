package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import vn.camguard.products.domain.DueAssessment;

/** The due date counts from the later of the approval and the last periodic assessment. */
class DueAssessmentTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	@Test
	void fromTheApprovalWhenNeverAssessed() {
		DueAssessment due = due(LocalDate.of(2025, 12, 20), null);
		assertThat(due.dueOn()).isEqualTo(LocalDate.of(2026, 12, 20));
		assertThat(due.daysLeft(TODAY)).isEqualTo(15);
		assertThat(due.overdueOn(TODAY)).isFalse();
		assertThat(due.toDoOn(TODAY, 15)).isTrue();
		assertThat(due.toDoOn(TODAY, 14)).isFalse();
	}

	@Test
	void fromTheLastPeriodicAssessmentAfterTheApproval() {
		assertThat(due(LocalDate.of(2024, 1, 10), LocalDate.of(2026, 3, 1)).dueOn()).isEqualTo(LocalDate.of(2027, 3, 1));
	}

	@Test
	void anAssessmentBeforeTheApprovalDoesNotCount() {
		DueAssessment due = due(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 5, 1));
		assertThat(due.dueOn()).isEqualTo(LocalDate.of(2026, 6, 1));
		assertThat(due.overdueOn(TODAY)).isTrue();
		assertThat(due.daysLeft(TODAY)).isNegative();
	}

	@Test
	void theDueDayIsDueNotOverdue() {
		DueAssessment due = due(TODAY.minusYears(1), null);
		assertThat(due.overdueOn(TODAY)).isFalse();
		assertThat(due.overdueOn(TODAY.plusDays(1))).isTrue();
		assertThat(due.toDoOn(TODAY, 0)).isTrue();
	}

	@Test
	void withoutAnyDateItIsDueAtOnce() {
		DueAssessment due = due(null, null);
		assertThat(due.dueOn()).isNull();
		assertThat(due.overdueOn(TODAY)).isTrue();
		assertThat(due.toDoOn(TODAY, 0)).isTrue();
	}

	private static DueAssessment due(LocalDate approvedOn, LocalDate lastAssessedOn) {
		return DueAssessment.of(1, 1, "system", 3, Period.ofMonths(12), true, approvedOn, lastAssessedOn);
	}

}
