package vn.camguard.organization.user;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Caller;
import vn.camguard.organization.Permission;
import vn.camguard.organization.Role;

/**
 * Manages users and grants on behalf of the signed-in caller (web and REST alike). A caller with
 * {@code USERS_MANAGE} manages the users homed in its subtree and may grant roles only on units of
 * that subtree; a user outside it is reported as missing (404). It changes a user (name, enabled,
 * password, grants) only when every grant of that user lies in its subtree too: otherwise a district
 * administrator could take over a province administrator homed in the district
 * ({@link OutsideAuthority}, 403, the refusal audited and committed while nothing else changes).
 * New and reset passwords are random, returned once to be shown once, and must be changed at the
 * next sign-in.
 */
@Service
@Transactional(noRollbackFor = OutsideAuthority.class)
public class UserAdministration {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

	private static final int LIST_LIMIT = 2000;

	private final UserStore users;

	private final AccessControl access;

	private final AuditTrail audit;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	private final SecureRandom random = new SecureRandom();

	UserAdministration(UserStore users, AccessControl access, AuditTrail audit, PasswordEncoder passwords,
			SignInThrottle throttle) {
		this.users = users;
		this.access = access;
		this.audit = audit;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	/** A created user, or a reset password, with the one-time password to hand over. */
	public record WithPassword(UserAccount user, String oneTimePassword) {

		@Override
		public String toString() {
			return "WithPassword[" + user.username() + "]";
		}

	}

	@Transactional(readOnly = true)
	public List<UserAccount> list() {
		var scope = access.scope(Permission.USERS_MANAGE);
		if (scope.isEmpty()) {
			throw new AccessDeniedException("USERS_MANAGE needed");
		}
		return users.homedUnder(scope.rootUnitIds(), LIST_LIMIT);
	}

	@Transactional(readOnly = true)
	public UserAccount get(long id) {
		UserAccount user = users.find(id).orElseThrow(UserAdministration::notFound);
		if (!access.allows(Permission.USERS_MANAGE, user.unitId())) {
			throw notFound();
		}
		return user;
	}

	@Transactional(readOnly = true)
	public List<UserGrant> grants(long id) {
		return users.grants(get(id).id());
	}

	/** The user's recent failed sign-ins and the addresses its sign-ins are slowed down from now. */
	@Transactional(readOnly = true)
	public SignInThrottle.AccountState signIns(long id) {
		return throttle.state(get(id));
	}

	/** Clears the user's sign-in delays from every address (its failures stay listed). */
	public void unlock(long id) {
		UserAccount user = changeable(id, "user.unlock");
		int cleared = throttle.unlock(user.username());
		audit.record("user.unlock", "user", Long.toString(id), user.unitId(), null,
				Map.of("failuresCleared", cleared));
	}

	/** Whether the caller may change this user: every grant of it lies where the caller manages users. */
	@Transactional(readOnly = true)
	public boolean mayChange(long id) {
		return outsideAuthority(get(id)).isEmpty();
	}

	/**
	 * The user, if the caller may change it; otherwise the refusal is audited and
	 * {@link OutsideAuthority} thrown before anything changes.
	 */
	private UserAccount changeable(long id, String action) {
		UserAccount user = get(id);
		List<UserGrant> beyond = outsideAuthority(user);
		if (!beyond.isEmpty()) {
			audit.record("user.change.refused", "user", Long.toString(id), user.unitId(), null,
					Map.of("action", action, "grantsOutsideAuthority",
							beyond.stream().map(UserGrant::audited).toList()));
			throw new OutsideAuthority(user.username());
		}
		return user;
	}

	private List<UserGrant> outsideAuthority(UserAccount user) {
		return users.grants(user.id()).stream().filter(g -> !access.allows(Permission.USERS_MANAGE, g.unitId())).toList();
	}

	public WithPassword create(String username, String displayName, Long unitId) {
		return create(username, displayName, unitId, null, null);
	}

	/**
	 * Creates a user and, when a role or a grant unit is given, its first grant, checked as
	 * {@link #addGrant} checks one; both or nothing is created, in one transaction.
	 */
	public WithPassword create(String username, String displayName, Long unitId, Role grantRole, Long grantUnitId) {
		return create(username, displayName, null, unitId, grantRole, grantUnitId);
	}

	/** As {@link #create(String, String, Long, Role, Long)}, with an e-mail address (optional, may be blank). */
	public WithPassword create(String username, String displayName, String email, Long unitId, Role grantRole,
			Long grantUnitId) {
		List<UserRuleViolation.Problem> problems = new ArrayList<>();
		String cleanName = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(cleanName).matches()) {
			problems.add(new UserRuleViolation.Problem("username", "username"));
		}
		else if (users.findByUsername(cleanName).isPresent()) {
			problems.add(new UserRuleViolation.Problem("username", "username-taken"));
		}
		String cleanDisplay = cleanDisplayName(displayName, problems);
		String cleanEmail = EmailAddress.clean(email, problems);
		if (unitId == null) {
			problems.add(new UserRuleViolation.Problem("unitId", "unit-required"));
		}
		else {
			access.require(Permission.USERS_MANAGE, unitId);
		}
		if (grantRole != null && grantUnitId == null) {
			problems.add(new UserRuleViolation.Problem("grantUnitId", "grant-incomplete"));
		}
		else if (grantRole == null && grantUnitId != null) {
			problems.add(new UserRuleViolation.Problem("grantRole", "grant-incomplete"));
		}
		else if (grantUnitId != null) {
			if (!access.allows(Permission.UNITS_READ, grantUnitId)) {
				throw notFound();
			}
			access.require(Permission.USERS_MANAGE, grantUnitId);
		}
		if (!problems.isEmpty()) {
			throw new UserRuleViolation(problems);
		}
		String password = PasswordPolicy.random(random);
		long id = users.insert(cleanName, cleanDisplay, unitId, passwords.encode(password), true);
		if (cleanEmail != null) {
			users.setEmail(id, cleanEmail);
		}
		UserAccount created = users.find(id).orElseThrow();
		audit.record("user.create", "user", Long.toString(id), unitId, null, created.audited());
		if (grantRole != null) {
			users.addGrant(id, grantRole, grantUnitId);
			UserGrant grant = users.grant(id, grantRole, grantUnitId).orElseThrow();
			audit.record("grant.add", "grant", Long.toString(grant.id()), grantUnitId, null, grant.audited());
		}
		return new WithPassword(created, password);
	}

	public UserAccount update(long id, String displayName, boolean enabled) {
		return update(id, displayName, enabled, get(id).email());
	}

	/** Name, enabled and e-mail address (blank removes it) in one audited change. */
	public UserAccount update(long id, String displayName, boolean enabled, String email) {
		UserAccount before = changeable(id, "user.update");
		List<UserRuleViolation.Problem> problems = new ArrayList<>();
		String cleanDisplay = cleanDisplayName(displayName, problems);
		String cleanEmail = EmailAddress.clean(email, problems);
		if (!enabled && before.id() == access.caller().userId()) {
			problems.add(new UserRuleViolation.Problem("enabled", "disable-self"));
		}
		if (!problems.isEmpty()) {
			throw new UserRuleViolation(problems);
		}
		users.update(id, cleanDisplay, enabled);
		users.setEmail(id, cleanEmail);
		UserAccount after = users.find(id).orElseThrow();
		audit.record("user.update", "user", Long.toString(id), after.unitId(), before.audited(), after.audited());
		return after;
	}

	public WithPassword resetPassword(long id) {
		UserAccount user = changeable(id, "user.password.reset");
		String password = PasswordPolicy.random(random);
		// every session of the user ends at its next request, on whichever server holds it
		users.setPassword(id, passwords.encode(password), true, Instant.now().truncatedTo(ChronoUnit.MICROS));
		audit.record("user.password.reset", "user", Long.toString(id), user.unitId(), null,
				Map.of("mustChangePassword", true, "sessionsEnded", true));
		return new WithPassword(users.find(id).orElseThrow(), password);
	}

	public UserGrant addGrant(long userId, Role role, Long unitId) {
		changeable(userId, "grant.add");
		if (role == null || unitId == null) {
			throw new UserRuleViolation(role == null ? "role" : "unitId", "grant-incomplete");
		}
		if (!access.allows(Permission.UNITS_READ, unitId)) {
			throw notFound();
		}
		access.require(Permission.USERS_MANAGE, unitId);
		var existing = users.grant(userId, role, unitId);
		if (existing.isPresent()) {
			return existing.get();
		}
		users.addGrant(userId, role, unitId);
		UserGrant grant = users.grant(userId, role, unitId).orElseThrow();
		audit.record("grant.add", "grant", Long.toString(grant.id()), unitId, null, grant.audited());
		return grant;
	}

	public void removeGrant(long userId, long grantId) {
		changeable(userId, "grant.remove");
		UserGrant grant = users.grants(userId)
			.stream()
			.filter(g -> g.id() == grantId)
			.findFirst()
			.orElseThrow(UserAdministration::notFound);
		access.require(Permission.USERS_MANAGE, grant.unitId());
		Caller caller = access.caller();
		if (userId == caller.userId() && grant.role() == Role.PROVINCE_ADMIN) {
			// removing one's own admin grant would lock the province out in a one-admin setup
			throw new UserRuleViolation("grant", "revoke-own-admin");
		}
		users.removeGrant(grantId);
		audit.record("grant.remove", "grant", Long.toString(grantId), grant.unitId(), grant.audited(), null);
	}

	private static String cleanDisplayName(String displayName, List<UserRuleViolation.Problem> problems) {
		String clean = displayName == null ? "" : displayName.strip();
		if (clean.isEmpty() || clean.length() > 200 || clean.chars().anyMatch(Character::isISOControl)) {
			problems.add(new UserRuleViolation.Problem("displayName", "display-name"));
		}
		return clean;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
