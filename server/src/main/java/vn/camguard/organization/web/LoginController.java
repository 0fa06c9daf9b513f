package vn.camguard.organization.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

	/** Longer than any configured delay; a hand-made link cannot make the page say more. */
	private static final long MAX_WAIT_SECONDS = 24 * 3600;

	@GetMapping("/login")
	String login(@RequestParam(required = false) String wait, Model model) {
		if (wait != null && wait.matches("\\d{1,6}")) {
			model.addAttribute("waitSeconds", Math.min(Math.max(1, Long.parseLong(wait)), MAX_WAIT_SECONDS));
		}
		return "login";
	}

}
