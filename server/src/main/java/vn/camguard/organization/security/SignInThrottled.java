package vn.camguard.organization.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without looking at the password, because it came too soon after failures. */
class SignInThrottled extends AuthenticationException {

	private final Duration wait;

	SignInThrottled(Duration wait) {
		super("too many failed sign-ins from this address; wait " + wait);
		this.wait = wait;
	}

	/** Whole seconds to wait, at least one. */
	long waitSeconds() {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
