package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.camguard.levels.application.WorkingCalendar;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.StepDeadline;
import vn.camguard.levels.domain.WorkingDays;
import vn.camguard.levels.persistence.FrameworkStore;

/**
 * The legal clock of each dossier step on the shipped calendar and the shipped Decree 85 time limits,
 * across Tết Đinh Mùi 2027 (05/02 and 08-11/02/2027 off) and weekends: the completeness check and the
 * approval count working days, the level-3 appraisal counts 15 days and ends on the next working day
 * when its last day is off; the queue's days left count working days.
 */
@SpringBootTest
class DossierDeadlineTests {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	FrameworkStore frameworks;

	/** The shipped version: other tests correct the current one's time limits (LevelsWebTests). */
	private Framework nd85() {
		return frameworks.framework(frameworks.versionId("ND85_2016", 1).orElseThrow()).orElseThrow();
	}

	@Test
	void completenessCheckOfFiveWorkingDaysAcrossTet() {
		// submitted Friday 29/01/2027: 01-04/02 count, 05/02 Tết, weekend, 08-11/02 Tết, 12/02 is the fifth
		StepDeadline clock = StepDeadline.entering(DossierStatus.SUBMITTED, nd85(), 2, true, LocalDate.of(2027, 1, 29),
				calendar.workingDays());
		assertThat(clock.startedOn()).isEqualTo(LocalDate.of(2027, 1, 29));
		assertThat(clock.dueOn()).isEqualTo(LocalDate.of(2027, 2, 12));
	}

	@Test
	void levelTwoAppraisedAndApprovedByOneBodyWithinSevenWorkingDaysAcrossTet() {
		// received Thursday 04/02/2027; no appraisal limit at level 2, so the approval's 7 working days run
		StepDeadline clock = StepDeadline.entering(DossierStatus.UNDER_APPRAISAL, nd85(), 2, true,
				LocalDate.of(2027, 2, 4), calendar.workingDays());
		assertThat(clock.dueOn()).isEqualTo(LocalDate.of(2027, 2, 22));
	}

	@Test
	void levelThreeAppraisalOfFifteenDaysEndingInTetMovesToTheNextWorkingDay() {
		// received Monday 25/01/2027 + 15 days = Tuesday 09/02/2027, a Tết day: the limit ends Friday 12/02
		StepDeadline clock = StepDeadline.entering(DossierStatus.UNDER_APPRAISAL, nd85(), 3, false,
				LocalDate.of(2027, 1, 25), calendar.workingDays());
		assertThat(clock.dueOn()).isEqualTo(LocalDate.of(2027, 2, 12));
		// received Friday 04/12/2026 + 15 days = Saturday 19/12/2026: ends Monday 21/12
		assertThat(StepDeadline.entering(DossierStatus.UNDER_APPRAISAL, nd85(), 3, false, LocalDate.of(2026, 12, 4),
				calendar.workingDays()).dueOn()).isEqualTo(LocalDate.of(2026, 12, 21));
		// levels 4-5: 30 days
		assertThat(StepDeadline.entering(DossierStatus.UNDER_APPRAISAL, nd85(), 4, false, LocalDate.of(2026, 12, 1),
				calendar.workingDays()).dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void approvalAfterAppraisalAcrossAWeekend() {
		// appraised Friday 11/12/2026: 14-18/12 and 21-22/12 are the seven working days
		StepDeadline clock = StepDeadline.entering(DossierStatus.APPRAISED, nd85(), 3, false, LocalDate.of(2026, 12, 11),
				calendar.workingDays());
		assertThat(clock.dueOn()).isEqualTo(LocalDate.of(2026, 12, 22));
	}

	@Test
	void workingDaysLeftAndOverdue() {
		WorkingDays days = calendar.workingDays();
		StepDeadline clock = new StepDeadline(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 2, 12));
		assertThat(clock.workingDaysLeft(LocalDate.of(2027, 2, 3), days)).as("04/02 and 12/02").isEqualTo(2);
		assertThat(clock.workingDaysLeft(LocalDate.of(2027, 2, 12), days)).isZero();
		assertThat(clock.workingDaysLeft(LocalDate.of(2027, 2, 16), days)).as("overdue 15-16/02").isEqualTo(-2);
		assertThat(StepDeadline.NONE.workingDaysLeft(LocalDate.of(2027, 2, 3), days)).isNull();
	}

	@Test
	void closedStatusesRunNoClock() {
		for (DossierStatus status : new DossierStatus[] { DossierStatus.DRAFT, DossierStatus.RETURNED,
				DossierStatus.APPROVED, DossierStatus.WITHDRAWN }) {
			assertThat(StepDeadline.entering(status, nd85(), 3, false, LocalDate.of(2027, 1, 25), calendar.workingDays()))
				.isEqualTo(StepDeadline.NONE);
		}
	}

}
