package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import vn.camguard.products.application.PeriodicSchedule;

/** The per-level interval setting: Decree 85's figures by default, each level overridable, zero for none. */
class PeriodicScheduleTests {

	@Test
	void defaultsFollowDecree85AndTheOrganisationWideTwoYears() {
		PeriodicSchedule defaults = PeriodicSchedule.defaults();
		assertThat(defaults.interval(1)).isEqualTo(Period.ofMonths(24));
		assertThat(defaults.interval(2)).isEqualTo(Period.ofMonths(24));
		assertThat(defaults.interval(3)).isEqualTo(Period.ofMonths(12));
		assertThat(defaults.interval(5)).isEqualTo(Period.ofMonths(6));
		assertThat(defaults.dueWithinDays()).isEqualTo(30);
	}

	@Test
	void eachLevelIsSetOnItsOwn() {
		PeriodicSchedule schedule = new Binder(new MapConfigurationPropertySource(
				Map.of("camguard.assessments.periodic.interval-months.2", "18",
						"camguard.assessments.periodic.interval-months.1", "0",
						"camguard.assessments.periodic.due-within-days", "10")))
			.bind("camguard.assessments.periodic", PeriodicSchedule.class)
			.get();
		assertThat(schedule.interval(2)).isEqualTo(Period.ofMonths(18));
		assertThat(schedule.interval(1)).isNull();
		assertThat(schedule.interval(3)).isEqualTo(Period.ofMonths(12));
		assertThat(schedule.dueWithinDays()).isEqualTo(10);
	}

}
