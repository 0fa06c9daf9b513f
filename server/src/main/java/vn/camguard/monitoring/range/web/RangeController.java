package vn.camguard.monitoring.range.web;

import vn.camguard.monitoring.range.MonitoringRefusal;
import vn.camguard.monitoring.range.RangeRegistry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;

/**
 * The address ranges page: the caller's organisations' ranges, the register form, and for the province the
 * approve and reject forms. A refused form comes back with its reason and what was typed.
 */
@Controller
@RequestMapping("/monitoring/ranges")
class RangeController {

	private final RangeRegistry registry;

	private final AccessControl access;

	private final MessageSource messages;

	RangeController(RangeRegistry registry, AccessControl access, MessageSource messages) {
		this.registry = registry;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		requireAnyRangeWork(access);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new RangeRegistry.RangeRequest(null, "", ""));
		}
		return page(model);
	}

	@PostMapping
	String register(RangeRegistry.RangeRequest form, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			registry.register(form);
		}
		catch (MonitoringRefusal refusal) {
			model.addAttribute("form", form);
			model.addAttribute("problem", refusal.text(messages, locale));
			return page(model);
		}
		redirect.addFlashAttribute("notice", messages.getMessage("monitoring.range.registered", null, locale));
		return "redirect:/monitoring/ranges";
	}

	@PostMapping("/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(defaultValue = "false") boolean approve,
			@RequestParam(required = false) String validUntil, @RequestParam(required = false) String reason,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			registry.decide(id, new RangeRegistry.RangeDecision(approve, date(validUntil), reason));
		}
		catch (MonitoringRefusal refusal) {
			model.addAttribute("form", new RangeRegistry.RangeRequest(null, "", ""));
			model.addAttribute("problem", refusal.text(messages, locale));
			return page(model);
		}
		redirect.addFlashAttribute("notice", messages.getMessage("monitoring.range.decided", null, locale));
		return "redirect:/monitoring/ranges";
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		registry.withdraw(id);
		redirect.addFlashAttribute("notice", messages.getMessage("monitoring.range.withdrawn", null, locale));
		return "redirect:/monitoring/ranges";
	}

	private String page(Model model) {
		model.addAttribute("ranges", registry.visible());
		model.addAttribute("organizations", registry.registeringOrganizations());
		model.addAttribute("canRegister", registry.canRegister());
		return "monitoring/ranges";
	}

	static void requireAnyRangeWork(AccessControl access) {
		if (!access.allowsAnywhere(Permission.MONITORING_SCAN) && !access.allowsAnywhere(Permission.RANGES_APPROVE)) {
			throw new AccessDeniedException("network monitoring needs MONITORING_SCAN or RANGES_APPROVE");
		}
	}

	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new MonitoringRefusal("monitoring.range.untilMissing");
		}
	}

}
