package vn.camguard.organization.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.access.SignedInUser;
import vn.camguard.organization.user.SignInThrottle;
import vn.camguard.organization.user.UserAccount;
import vn.camguard.organization.user.UserStore;

/**
 * Counts failed sign-ins for the throttle, and records sign-ins, failures, the start of a delay and
 * sign-outs in the audit log (form and HTTP Basic alike for failures; a successful Basic call is not
 * a "sign-in" and only ends the count of its name from its address). Attempts refused during a delay
 * are not recorded one by one: the failure that started the delay was.
 */
@Component
public class SignInEvents {

	private static final int MAX_NAME = 60;

	private final UserStore users;

	private final AuditTrail audit;

	private final SignInThrottle throttle;

	SignInEvents(UserStore users, AuditTrail audit, SignInThrottle throttle) {
		this.users = users;
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	@Transactional
	public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = attemptedName(event);
		String address = ThrottledSignIn.addressOf(event.getAuthentication());
		var account = users.findByUsername(username);
		Long unitId = account.map(UserAccount::unitId).orElse(null);
		String entityId = account.map(a -> Long.toString(a.id())).orElse(null);
		var counted = throttle.failed(username, account.map(UserAccount::id).orElse(null), address);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("address", String.valueOf(address));
		details.put("failuresFromAddress", counted.forNameFromAddress());
		audit.recordFor(username, "user.login.failed", "user", entityId, unitId, null, details);
		if (!counted.delay().isZero()) {
			details.put("delaySeconds", counted.delay().toSeconds());
			details.put("failuresFromAddressAllNames", counted.fromAddress());
			audit.recordFor(username, "user.login.throttled", "user", entityId, unitId, null, details);
		}
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
			throttle.succeeded(user.getUsername(), ThrottledSignIn.addressOf(event.getAuthentication()));
		}
	}

	/**
	 * Called by the form login success handler only; answers the failed sign-ins the user has not
	 * been told about yet, now marked as told.
	 */
	@Transactional
	public Optional<SignInThrottle.Notice> signedIn(Authentication authentication) {
		if (authentication.getPrincipal() instanceof SignedInUser user) {
			audit.recordFor(user.getUsername(), "user.login", "user", Long.toString(user.userId()),
					users.find(user.userId()).map(UserAccount::unitId).orElse(null), null, null);
			return throttle.takeNotice(user.userId());
		}
		return Optional.empty();
	}

	@Transactional
	public void signedOut(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			audit.recordFor(user.getUsername(), "user.logout", "user", Long.toString(user.userId()),
					users.find(user.userId()).map(UserAccount::unitId).orElse(null), null, null);
		}
	}

	private static String attemptedName(AbstractAuthenticationFailureEvent event) {
		String name = String.valueOf(event.getAuthentication().getName()).strip();
		StringBuilder clean = new StringBuilder();
		name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME).forEach(clean::appendCodePoint);
		return clean.isEmpty() ? "(blank)" : clean.toString();
	}

}
