package vn.camguard.monitoring.finding;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The findings' settings: days to fix per severity, and the time zone exports write times in. */
@Configuration
@EnableConfigurationProperties(FindingSla.class)
class FindingConfiguration {

	@Bean
	FindingTable findingTable(@Value("${camguard.time-zone:Asia/Ho_Chi_Minh}") String zone) {
		return new FindingTable(ZoneId.of(zone));
	}

}
