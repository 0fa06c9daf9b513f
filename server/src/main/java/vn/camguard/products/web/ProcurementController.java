package vn.camguard.products.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.products.application.ProcurementChecks;
import vn.camguard.products.application.ProductRegistry;
import vn.camguard.products.domain.ProcurementCheck;
import vn.camguard.products.domain.Problem;
import vn.camguard.products.domain.ProductRuleViolation;

/**
 * Procurement checks: the form (a product picked from the registry, or a vendor and model typed as the seller
 * wrote them, a firmware and the purchase date) with the checks of the caller's units below it, a check with
 * its answers and their sources, and its PDF record for the purchase file. A refused form comes back with its
 * problems and everything typed.
 */
@Controller
@RequestMapping("/products/procurement")
public class ProcurementController {

	private final ProcurementChecks checks;

	private final ProductRegistry registry;

	public ProcurementController(ProcurementChecks checks, ProductRegistry registry) {
		this.checks = checks;
		this.registry = registry;
	}

	/** The form as typed. */
	public record CheckForm(Long unitId, Long productId, String vendor, String model, String firmware,
			String purchaseDate) {
	}

	@GetMapping
	public String list(Model model) {
		model.addAttribute("checks", checks.list());
		model.addAttribute("canCheck", checks.canCheck());
		if (checks.canCheck()) {
			var units = checks.units();
			model.addAttribute("units", units);
			model.addAttribute("products", registry.list(null));
			if (!model.containsAttribute("form")) {
				model.addAttribute("form",
						new CheckForm(units.size() == 1 ? units.getFirst().id() : null, null, null, null, null, null));
			}
		}
		return "products/procurement";
	}

	@PostMapping
	public String check(CheckForm form, Model model) {
		List<Problem> problems = new ArrayList<>();
		LocalDate purchase = ProductController.date(form.purchaseDate(), "purchaseDate", problems);
		try {
			long id = checks.check(new ProcurementChecks.Question(form.unitId(), form.productId(), form.vendor(),
					form.model(), form.firmware(), purchase));
			if (problems.isEmpty()) {
				return "redirect:/products/procurement/" + id;
			}
		}
		catch (ProductRuleViolation refused) {
			// a date that could not be read is already reported as such, not again as missing
			boolean dateUnread = !problems.isEmpty();
			refused.problems()
				.stream()
				.filter(p -> !(dateUnread && p.field().equals("purchaseDate")))
				.forEach(problems::add);
		}
		model.addAttribute("problems", problems);
		model.addAttribute("form", form);
		return list(model);
	}

	@GetMapping("/{id}")
	public String check(@PathVariable long id, Model model, Locale locale) {
		ProcurementCheck check = checks.find(id);
		model.addAttribute("check", check);
		model.addAttribute("productText", checks.productText(check.answers(), locale));
		model.addAttribute("certificationText", checks.certificationText(check.answers(), locale, locale.getLanguage()));
		model.addAttribute("firmwareText", checks.firmwareText(check.answers(), locale));
		return "products/procurement-check";
	}

	@GetMapping("/{id}/pdf")
	public ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		byte[] pdf = checks.pdf(id, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("kiem-tra-mua-sam-" + id + ".pdf").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(pdf);
	}

}
