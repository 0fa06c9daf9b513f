package vn.camguard.notifications.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.camguard.notifications.application.Inbox;

/** The one notifications page: warnings of the caller's units and the caller's own deadline reminders. */
@Controller
class NotificationController {

	private final Inbox inbox;

	NotificationController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/notifications")
	String inbox(Model model) {
		model.addAttribute("notifications", inbox.newest());
		return "notifications/inbox";
	}

}
