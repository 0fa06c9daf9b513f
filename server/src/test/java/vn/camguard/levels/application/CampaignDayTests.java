package vn.camguard.levels.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** A campaign's "today" and whether its deadline has passed come from the province's clock, not the system's. */
class CampaignDayTests {

	@Test
	void todayIsTheProvinceClocksDay() {
		// 18:00 UTC on New Year's Eve is already New Year's Day in the province
		Clock province = Clock.fixed(Instant.parse("2030-12-31T18:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
		CampaignProgress progress = new CampaignProgress(null, null, null, null, province);

		assertThat(progress.today()).isEqualTo(LocalDate.of(2031, 1, 1));
		assertThat(progress.isPast(LocalDate.of(2030, 12, 31))).isTrue();
		assertThat(progress.isPast(LocalDate.of(2031, 1, 1))).isFalse();
		assertThat(progress.isPast(null)).isFalse();
	}

}
