package vn.camguard.monitoring.finding;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The findings' settings: days to fix per severity, and the time zone exports write times in. */
@Configuration
@EnableConfigurationProperties(FindingSla.class)
class FindingConfiguration {

	@Bean
	FindingTable findingTable(Clock provinceClock) {
		return new FindingTable(provinceClock.getZone());
	}

}
