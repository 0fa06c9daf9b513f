package vn.camguard.products.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PeriodicSchedule.class)
class PeriodicScheduleConfiguration {

}
