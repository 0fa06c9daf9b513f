package vn.camguard.organization.user;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.AccessControl;

/** The signed-in user's own account: reading it and keeping its own e-mail address. */
@Service
@Transactional
public class OwnAccount {

	private final UserStore users;

	private final AccessControl access;

	private final AuditTrail audit;

	OwnAccount(UserStore users, AccessControl access, AuditTrail audit) {
		this.users = users;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public UserAccount current() {
		return users.find(access.caller().userId()).orElseThrow();
	}

	/** Sets or (blank) removes the caller's address; a bad one is refused with nothing changed. */
	public UserAccount changeEmail(String email) {
		UserAccount before = current();
		List<UserRuleViolation.Problem> problems = new ArrayList<>();
		String clean = EmailAddress.clean(email, problems);
		if (!problems.isEmpty()) {
			throw new UserRuleViolation(problems);
		}
		users.setEmail(before.id(), clean);
		UserAccount after = users.find(before.id()).orElseThrow();
		audit.record("user.email.change", "user", Long.toString(before.id()), before.unitId(), before.audited(),
				after.audited());
		return after;
	}

}
