package vn.camguard.organization.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.organization.user.OwnAccount;
import vn.camguard.organization.user.PasswordChange;
import vn.camguard.organization.user.UserRuleViolation;

/** The signed-in user's own account: its e-mail address, and its password (the page a forced change leads to). */
@Controller
class AccountController {

	private final PasswordChange passwordChange;

	private final OwnAccount own;

	AccountController(PasswordChange passwordChange, OwnAccount own) {
		this.passwordChange = passwordChange;
		this.own = own;
	}

	@GetMapping("/account")
	String account(Model model) {
		model.addAttribute("account", own.current());
		if (!model.containsAttribute("email")) {
			model.addAttribute("email", own.current().email());
		}
		return "account/account";
	}

	@PostMapping("/account/email")
	String changeEmail(@RequestParam(defaultValue = "") String email, Model model, RedirectAttributes redirect) {
		try {
			own.changeEmail(email);
		}
		catch (UserRuleViolation violation) {
			model.addAttribute("problems", violation.problems());
			model.addAttribute("email", email);
			return account(model);
		}
		redirect.addFlashAttribute("message", "account.email.changed");
		return "redirect:/account";
	}

	@GetMapping("/account/password")
	String form() {
		return "account/password";
	}

	@PostMapping("/account/password")
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeated,
			Model model, RedirectAttributes redirect) {
		try {
			passwordChange.change(currentPassword, newPassword, repeated);
		}
		catch (UserRuleViolation violation) {
			model.addAttribute("problems", violation.problems());
			return "account/password";
		}
		redirect.addFlashAttribute("message", "account.password.changed");
		return "redirect:/";
	}

}
