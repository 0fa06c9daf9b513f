package vn.camguard.organization.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.camguard.organization.Role;
import vn.camguard.organization.user.SignInThrottle;
import vn.camguard.organization.user.UserAccount;
import vn.camguard.organization.user.UserAdministration;
import vn.camguard.organization.user.UserGrant;

/** REST for users and grants; same service, same checks as the pages. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Users, their role grants and password resets")
class UserApiController {

	private final UserAdministration users;

	UserApiController(UserAdministration users) {
		this.users = users;
	}

	/** A new user; {@code grant} (optional) is its first role grant. */
	record NewUser(String username, String displayName, Long unitId, NewGrant grant, String email) {
	}

	record UserChange(String displayName, Boolean enabled, String email) {
	}

	record NewGrant(Role role, Long unitId) {
	}

	record UserView(UserAccount user, List<UserGrant> grants, SignInThrottle.AccountState signIns) {
	}

	/** The one-time password appears in this answer only. */
	record UserWithPassword(UserAccount user, String oneTimePassword) {
	}

	/** A created user with its grants and its one-time password (which appears in this answer only). */
	record CreatedUser(UserAccount user, List<UserGrant> grants, String oneTimePassword) {
	}

	@GetMapping
	@Operation(summary = "Users homed in units the caller manages")
	List<UserAccount> list() {
		return users.list();
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable long id) {
		return new UserView(users.get(id), users.grants(id), users.signIns(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a user, optionally with a first role grant (grant: role and unitId); answers its random one-time password (must be changed at first sign-in)")
	CreatedUser create(@RequestBody NewUser user) {
		NewGrant grant = user.grant();
		var created = users.create(user.username(), user.displayName(), user.email(), user.unitId(),
				grant == null ? null : grant.role(), grant == null ? null : grant.unitId());
		return new CreatedUser(created.user(), users.grants(created.user().id()), created.oneTimePassword());
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change display name, enable/disable, or the e-mail address (empty text removes it)")
	UserAccount update(@PathVariable long id, @RequestBody UserChange change) {
		UserAccount current = users.get(id);
		return users.update(id, change.displayName() == null ? current.displayName() : change.displayName(),
				change.enabled() == null ? current.enabled() : change.enabled(),
				change.email() == null ? current.email() : change.email());
	}

	@PostMapping("/{id}/grants")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Grant a role on a unit and its subtree")
	UserGrant addGrant(@PathVariable long id, @RequestBody NewGrant grant) {
		return users.addGrant(id, grant.role(), grant.unitId());
	}

	@DeleteMapping("/{id}/grants/{grantId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeGrant(@PathVariable long id, @PathVariable long grantId) {
		users.removeGrant(id, grantId);
	}

	@PostMapping("/{id}/unlock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Clear the user's sign-in delays (failed sign-ins) from every address")
	void unlock(@PathVariable long id) {
		users.unlock(id);
	}

	@PostMapping("/{id}/password-reset")
	@Operation(summary = "Reset to a new random one-time password")
	UserWithPassword resetPassword(@PathVariable long id) {
		var reset = users.resetPassword(id);
		return new UserWithPassword(reset.user(), reset.oneTimePassword());
	}

}
