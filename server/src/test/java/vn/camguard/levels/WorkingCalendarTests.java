package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;
import vn.camguard.levels.application.WorkingCalendar;
import vn.camguard.levels.domain.WorkingDays;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * Legal time limits on the shipped calendar (levels/public-holidays.json, seeded at start): across
 * the Tết holidays of 2025 and 2026, across a weekend, the fixed-date holidays, and a Saturday
 * worked in exchange for a day off.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkingCalendarTests {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Test
	void approvalWithinSevenWorkingDaysSpansTet2026() {
		WorkingDays days = calendar.workingDays();
		// received Friday 13/02/2026; Tết Bính Ngọ 16-20/02 and two weekends are not counted
		assertThat(days.plus(LocalDate.of(2026, 2, 13), 7)).isEqualTo(LocalDate.of(2026, 3, 3));
		assertThat(days.between(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 3, 3))).isEqualTo(7);
		assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 17))).as("first day of Tết").isFalse();
	}

	@Test
	void completenessCheckAcrossTet2025AndAWeekend() {
		// received Friday 24/01/2025: weekend, Tết Ất Tỵ 27-31/01, weekend, then 03/02 is the first day
		assertThat(calendar.workingDays().plus(LocalDate.of(2025, 1, 24), 5)).isEqualTo(LocalDate.of(2025, 2, 7));
	}

	@Test
	void fixedHolidaysDaysOffAndAWorkedSaturday() {
		WorkingDays days = calendar.workingDays();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 9, 2))).as("National Day, every year").isFalse();
		assertThat(days.isWorkingDay(LocalDate.of(2031, 1, 1))).as("New Year's Day, every year").isFalse();
		assertThat(days.isWorkingDay(LocalDate.of(2025, 4, 26))).as("Saturday worked for 02/05/2025").isTrue();
		// Tuesday 29/04/2025: 30/04 and 01/05 holidays, 02/05 swapped off, weekend -> Monday 05/05
		assertThat(days.plus(LocalDate.of(2025, 4, 29), 1)).isEqualTo(LocalDate.of(2025, 5, 5));
		// Friday 25/04/2025 + 1 is the worked Saturday
		assertThat(days.plus(LocalDate.of(2025, 4, 25), 1)).isEqualTo(LocalDate.of(2025, 4, 26));
		assertThat(days.isWorkingDay(LocalDate.of(2026, 4, 27))).as("Hùng Kings' day on Sunday moved to Monday")
			.isFalse();
	}

	@Test
	void theRestEndpointAnswersTheDueDate() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser auditor = tree.user("wd.auditor", Role.AUDITOR, tree.communeA());
		String body = mvc
			.perform(get("/api/v1/levels/working-days").param("from", "2026-02-13")
				.param("days", "7")
				.with(user(auditor.principal())))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"due\":\"2026-03-03\"");
	}

}
