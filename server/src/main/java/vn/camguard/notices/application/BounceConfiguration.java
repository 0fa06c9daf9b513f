package vn.camguard.notices.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.camguard.schedule.RecurringWork;

/** The bounce mailbox's settings, and its read every {@code interval} once across all instances (db-scheduler). */
@Configuration
@EnableConfigurationProperties(BounceMailbox.class)
class BounceConfiguration {

	static final String TASK = "notice-bounce-check";

	@Bean
	RecurringWork noticeBounceCheck(BounceMailbox mailbox, NoticeBounces bounces) {
		return new RecurringWork(TASK, mailbox.interval(), bounces::check);
	}

}
