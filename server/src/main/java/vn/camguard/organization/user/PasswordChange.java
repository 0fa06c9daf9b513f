package vn.camguard.organization.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Caller;
import vn.camguard.organization.access.SignedInUser;

/** The signed-in user changes its own password (also how a forced change is completed). */
@Service
@Transactional
public class PasswordChange {

	private final UserStore users;

	private final AccessControl access;

	private final AuditTrail audit;

	private final PasswordEncoder passwords;

	PasswordChange(UserStore users, AccessControl access, AuditTrail audit, PasswordEncoder passwords) {
		this.users = users;
		this.access = access;
		this.audit = audit;
		this.passwords = passwords;
	}

	public void change(String currentPassword, String newPassword, String repeated) {
		Caller caller = access.caller();
		UserAccount user = users.find(caller.userId()).orElseThrow();
		String hash = users.passwordHash(user.id()).orElseThrow();
		if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
			throw new UserRuleViolation("currentPassword", "password-wrong");
		}
		if (newPassword == null || !newPassword.equals(repeated)) {
			throw new UserRuleViolation("repeated", "password-mismatch");
		}
		List<String> problems = PasswordPolicy.check(user.username(), newPassword);
		if (newPassword.equals(currentPassword)) {
			problems = new ArrayList<>(problems);
			problems.add("password-same");
		}
		if (!problems.isEmpty()) {
			throw new UserRuleViolation(problems.stream().map(p -> new UserRuleViolation.Problem("newPassword", p)).toList());
		}
		Instant changedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		users.setPassword(user.id(), passwords.encode(newPassword), false, changedAt);
		// the user's other sessions end at their next request (whichever server holds them); this one goes on
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn
				&& signedIn.userId() == user.id()) {
			signedIn.signedInAgainAt(changedAt);
		}
		audit.record("user.password.change", "user", Long.toString(user.id()), user.unitId(), null,
				Map.of("mustChangePassword", false, "otherSessionsEnded", true));
	}

}
