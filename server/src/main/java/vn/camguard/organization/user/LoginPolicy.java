package vn.camguard.organization.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins slow further attempts down. After {@code failuresBeforeDelay} failures for one
 * account name from one address, each further attempt from that address must wait 2, 4, 8 ... seconds
 * (up to {@code maxDelay}) after the last failure; the same from one address across all names after
 * {@code addressFailuresBeforeDelay}. Failures older than {@code window} no longer count. Nothing
 * locks the account itself: its owner signs in from its own address as usual.
 */
@ConfigurationProperties("camguard.login")
public record LoginPolicy(int failuresBeforeDelay, int addressFailuresBeforeDelay, Duration firstDelay,
		Duration maxDelay, Duration window) {

	public LoginPolicy {
		if (failuresBeforeDelay <= 0) {
			failuresBeforeDelay = 5;
		}
		if (addressFailuresBeforeDelay <= 0) {
			addressFailuresBeforeDelay = 30;
		}
		if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
			firstDelay = Duration.ofSeconds(2);
		}
		if (maxDelay == null) {
			maxDelay = Duration.ofMinutes(15);
		}
		if (window == null) {
			window = Duration.ofHours(24);
		}
	}

	/** The wait after the last of {@code failures} failures, zero below the threshold. */
	Duration delayAfter(long failures, int threshold) {
		if (failures < threshold) {
			return Duration.ZERO;
		}
		long doublings = Math.min(failures - threshold, 30);
		Duration delay = firstDelay.multipliedBy(1L << doublings);
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}

}
