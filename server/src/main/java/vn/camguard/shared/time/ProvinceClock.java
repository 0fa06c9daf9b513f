package vn.camguard.shared.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock of the province: the system's time in the province's zone. Work that asks "what day is it" (the daily
 * reminders) reads it from this bean rather than from the system, so that a test can put the application on a day of
 * its choosing (a {@code @Primary} fixed clock) and never depend on the day it happens to run.
 */
@Configuration(proxyBeanMethods = false)
public class ProvinceClock {

	@Bean
	Clock clock(@Value("${camguard.time-zone:Asia/Ho_Chi_Minh}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}

}
