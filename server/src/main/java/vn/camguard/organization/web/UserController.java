package vn.camguard.organization.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.organization.Role;
import vn.camguard.organization.unit.UnitAdministration;
import vn.camguard.organization.user.UserAccount;
import vn.camguard.organization.user.UserAdministration;
import vn.camguard.organization.user.UserRuleViolation;

/**
 * User pages. A new or reset password is rendered straight into the answer (no redirect, no flash
 * attribute) so it is shown once and never stored in the session.
 */
@Controller
class UserController {

	private final UserAdministration users;

	private final UnitAdministration units;

	UserController(UserAdministration users, UnitAdministration units) {
		this.users = users;
		this.units = units;
	}

	@GetMapping("/users")
	String list(Model model) {
		model.addAttribute("users", users.list());
		model.addAttribute("units", units.tree());
		return "users/list";
	}

	@GetMapping("/users/new")
	String createForm(Model model) {
		users.list();
		return formModel(model, "", "", null, null, null);
	}

	@PostMapping("/users")
	String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String email, @RequestParam(required = false) Long unitId, @RequestParam(required = false) Role grantRole,
			@RequestParam(required = false) Long grantUnitId, Model model) {
		try {
			var created = users.create(username, displayName, email, unitId, grantRole, grantUnitId);
			model.addAttribute("user", created.user());
			model.addAttribute("oneTimePassword", created.oneTimePassword());
			return "users/password-once";
		}
		catch (UserRuleViolation violation) {
			model.addAttribute("problems", violation.problems());
			model.addAttribute("email", email);
			return formModel(model, username, displayName, unitId, grantRole, grantUnitId);
		}
	}

	@GetMapping("/users/{id}")
	String details(@PathVariable long id, Model model) {
		UserAccount user = users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("grants", users.grants(id));
		model.addAttribute("mayChange", users.mayChange(id));
		model.addAttribute("signIns", users.signIns(id));
		model.addAttribute("roles", Role.values());
		model.addAttribute("units", units.manageable());
		model.addAttribute("home", units.get(user.unitId()));
		return "users/details";
	}

	@PostMapping("/users/{id}")
	String update(@PathVariable long id, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String email,
			RedirectAttributes redirect) {
		String next = change(id, redirect, () -> users.update(id, displayName, enabled, email), "user.updated");
		if (redirect.getFlashAttributes().containsKey("problems")) {
			// refused: the form comes back with what was typed
			redirect.addFlashAttribute("typedDisplayName", displayName);
			redirect.addFlashAttribute("typedEmail", email);
		}
		return next;
	}

	@PostMapping("/users/{id}/grants")
	String addGrant(@PathVariable long id, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Long unitId, RedirectAttributes redirect) {
		return change(id, redirect, () -> users.addGrant(id, role, unitId), "user.granted");
	}

	@PostMapping("/users/{id}/grants/{grantId}/delete")
	String removeGrant(@PathVariable long id, @PathVariable long grantId, RedirectAttributes redirect) {
		return change(id, redirect, () -> users.removeGrant(id, grantId), "user.revoked");
	}

	@PostMapping("/users/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		return change(id, redirect, () -> users.unlock(id), "user.unlocked");
	}

	@PostMapping("/users/{id}/password-reset")
	String resetPassword(@PathVariable long id, Model model) {
		var reset = users.resetPassword(id);
		model.addAttribute("user", reset.user());
		model.addAttribute("oneTimePassword", reset.oneTimePassword());
		return "users/password-once";
	}

	private String change(long id, RedirectAttributes redirect, Runnable action, String doneMessage) {
		try {
			action.run();
			redirect.addFlashAttribute("message", doneMessage);
		}
		catch (UserRuleViolation violation) {
			redirect.addFlashAttribute("problems", violation.problems());
		}
		return "redirect:/users/" + id;
	}

	private String formModel(Model model, String username, String displayName, Long unitId, Role grantRole,
			Long grantUnitId) {
		model.addAttribute("username", username);
		model.addAttribute("displayName", displayName);
		model.addAttribute("unitId", unitId);
		model.addAttribute("grantRole", grantRole);
		model.addAttribute("grantUnitId", grantUnitId);
		model.addAttribute("roles", Role.values());
		var manageable = units.manageable();
		model.addAttribute("units", manageable.isEmpty() ? List.of() : units.tree());
		model.addAttribute("grantUnits", manageable);
		return "users/new";
	}

}
