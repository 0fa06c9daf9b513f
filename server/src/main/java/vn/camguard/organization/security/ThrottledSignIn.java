package vn.camguard.organization.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import vn.camguard.organization.user.SignInThrottle;

/**
 * Checks the throttle before the password (form and HTTP Basic alike): while an attempt must wait,
 * it is refused without evaluating the password, so guessing gains nothing. The source address is
 * the request's remote address as the servlet container reports it (the client's, once forwarded
 * headers from a trusted proxy are applied).
 */
class ThrottledSignIn implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var wait = throttle.waitFor(authentication.getName(), addressOf(authentication));
		if (wait.isPresent()) {
			throw new SignInThrottled(wait.get());
		}
		return passwords.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static String addressOf(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

}
