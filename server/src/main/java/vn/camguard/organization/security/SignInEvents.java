package vn.camguard.organization.security;

import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.access.SignedInUser;
import vn.camguard.organization.user.UserAccount;
import vn.camguard.organization.user.UserStore;

/**
 * Counts failed sign-ins, locks an account after too many, and records sign-ins, failures,
 * lockouts and sign-outs in the audit log (form and HTTP Basic alike for failures; a successful
 * Basic call is not a "sign-in" and only clears the failure count).
 */
@Component
public class SignInEvents {

	private static final int MAX_NAME = 60;

	private final UserStore users;

	private final AuditTrail audit;

	private final LoginPolicy policy;

	SignInEvents(UserStore users, AuditTrail audit, LoginPolicy policy) {
		this.users = users;
		this.audit = audit;
		this.policy = policy;
	}

	@EventListener
	@Transactional
	public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = attemptedName(event);
		var account = users.findByUsername(username);
		Long unitId = account.map(UserAccount::unitId).orElse(null);
		String entityId = account.map(a -> Long.toString(a.id())).orElse(null);
		int failures = account.isPresent() ? users.countFailure(username) : 0;
		audit.recordFor(username, "user.login.failed", "user", entityId, unitId, null,
				Map.of("failures", failures));
		if (account.isPresent() && failures >= policy.maxFailures()) {
			OffsetDateTime until = OffsetDateTime.now().plus(policy.lockout());
			users.lock(username, until);
			audit.recordFor(username, "user.locked", "user", entityId, unitId, null,
					Map.of("lockedUntil", until.toString()));
		}
	}

	@EventListener
	@Transactional
	public void onLocked(AuthenticationFailureLockedEvent event) {
		String username = attemptedName(event);
		var account = users.findByUsername(username);
		audit.recordFor(username, "user.login.refused-locked", "user", account.map(a -> Long.toString(a.id())).orElse(null),
				account.map(UserAccount::unitId).orElse(null), null, null);
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
			users.clearFailures(user.userId());
		}
	}

	/** Called by the form login success handler only. */
	@Transactional
	public void signedIn(Authentication authentication) {
		if (authentication.getPrincipal() instanceof SignedInUser user) {
			audit.recordFor(user.getUsername(), "user.login", "user", Long.toString(user.userId()),
					users.find(user.userId()).map(UserAccount::unitId).orElse(null), null, null);
		}
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
