package vn.camguard.organization.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lockout after repeated failed sign-ins (defaults: 5 failures lock the account for 5 minutes, as
 * the 2024 criteria set of Decision 724/QĐ-BTTTT suggests).
 */
@ConfigurationProperties("camguard.login")
public record LoginPolicy(int maxFailures, Duration lockout) {

	public LoginPolicy {
		if (maxFailures <= 0) {
			maxFailures = 5;
		}
		if (lockout == null) {
			lockout = Duration.ofMinutes(5);
		}
	}

}
