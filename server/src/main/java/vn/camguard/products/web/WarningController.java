package vn.camguard.products.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.products.application.ProductRegistry;
import vn.camguard.products.application.ProductWarnings;
import vn.camguard.products.domain.Problem;
import vn.camguard.products.domain.ProductRuleViolation;
import vn.camguard.products.domain.Severity;
import vn.camguard.products.domain.WarningDraft;

/**
 * The warning list with the form to add one (province admin, market inspectors), the devices of the
 * caller's units that a warning reaches.
 */
@Controller
@RequestMapping("/products")
public class WarningController {

	private final ProductWarnings warnings;

	private final ProductRegistry registry;

	public WarningController(ProductWarnings warnings, ProductRegistry registry) {
		this.warnings = warnings;
		this.registry = registry;
	}

	/** The warning form as typed. */
	public record WarningForm(String vendor, String model, String firmwareFrom, String firmwareTo, String authority,
			String issuedOn, String reference, String reason, String severity) {
	}

	@GetMapping("/warnings")
	public String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new WarningForm("", "", "", "", "", "", "", "", Severity.HIGH.name()));
		}
		model.addAttribute("warnings", warnings.all());
		model.addAttribute("canWarn", warnings.canWarn());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("vendors", registry.vendors());
		return "products/warnings";
	}

	@PostMapping("/warnings")
	public String warn(WarningForm form, Model model, RedirectAttributes redirect) {
		List<Problem> problems = new ArrayList<>();
		LocalDate issuedOn = ProductController.date(form.issuedOn(), "issuedOn", problems);
		try {
			if (problems.isEmpty()) {
				ProductWarnings.Issued issued = warnings.warn(new WarningDraft(form.vendor(), form.model(),
						form.firmwareFrom(), form.firmwareTo(), form.authority(), issuedOn, form.reference(), form.reason(),
						form.severity()));
				redirect.addFlashAttribute("issued", issued);
				return "redirect:/products/warnings#warning-" + issued.warningId();
			}
		}
		catch (ProductRuleViolation refused) {
			problems.addAll(refused.problems());
		}
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return list(model);
	}

	@GetMapping("/warnings/devices")
	public String warnedDevices(Model model) {
		model.addAttribute("warned", warnings.warnedDevices());
		return "products/warned-devices";
	}

	/** Warnings notify units in the platform's one notifications page (former address kept for bookmarks). */
	@GetMapping("/notifications")
	public String notifications() {
		return "redirect:/notifications";
	}

}
