package vn.camguard.products.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.products.application.ProductRegistry;
import vn.camguard.products.application.RequirementCatalogues;
import vn.camguard.products.domain.Certificate;
import vn.camguard.products.domain.Problem;
import vn.camguard.products.domain.Product;
import vn.camguard.products.domain.ProductDraft;
import vn.camguard.products.domain.ProductKind;
import vn.camguard.products.domain.ProductRuleViolation;

/**
 * The product registry pages: list with the vendors and their brand names, a product with its
 * firmware and certificates, register and edit forms. A refused form comes back with its problems
 * and everything typed.
 */
@Controller
@RequestMapping("/products")
public class ProductController {

	private final ProductRegistry registry;

	private final RequirementCatalogues catalogues;

	public ProductController(ProductRegistry registry, RequirementCatalogues catalogues) {
		this.registry = registry;
		this.catalogues = catalogues;
	}

	/** The firmware form as typed; an unticked box sends nothing, hence the nullable latest. */
	public record FirmwareForm(String version, String releaseDate, Boolean latest) {

		public boolean isLatest() {
			return Boolean.TRUE.equals(latest);
		}

	}

	/** The certificate form as typed. */
	public record CertificateForm(String catalogueCode, String number, String issuedBy, String issuedOn,
			String expiresOn) {
	}

	@GetMapping
	public String list(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("products", registry.list(q));
		model.addAttribute("q", q);
		model.addAttribute("vendors", registry.vendors());
		model.addAttribute("canRegister", registry.canManageAnywhere());
		return "products/products";
	}

	@GetMapping("/new")
	public String newForm(Model model) {
		if (!registry.canManageAnywhere()) {
			throw new org.springframework.security.access.AccessDeniedException("missing PRODUCTS_MANAGE");
		}
		List<vn.camguard.organization.UnitDirectory.UnitRef> units = registry.ownerUnits();
		model.addAttribute("form", new ProductDraft(units.size() == 1 ? units.getFirst().id() : null, null, null,
				ProductKind.CAMERA.name(), null, null, null, null));
		return productForm(null, model);
	}

	@PostMapping
	public String register(ProductDraft form, Model model) {
		try {
			return "redirect:/products/" + registry.register(form);
		}
		catch (ProductRuleViolation refused) {
			model.addAttribute("form", form);
			model.addAttribute("problems", refused.problems());
			return productForm(null, model);
		}
	}

	@GetMapping("/{id}")
	public String product(@PathVariable long id, Model model) {
		return productPage(registry.product(id), model);
	}

	@GetMapping("/{id}/edit")
	public String editForm(@PathVariable long id, Model model) {
		Product product = registry.productToManage(id);
		model.addAttribute("form", product.draft());
		return productForm(product, model);
	}

	@PostMapping("/{id}")
	public String update(@PathVariable long id, ProductDraft form, Model model) {
		Product product = registry.productToManage(id);
		try {
			registry.update(id, form);
			return "redirect:/products/" + id;
		}
		catch (ProductRuleViolation refused) {
			model.addAttribute("form", form);
			model.addAttribute("problems", refused.problems());
			return productForm(product, model);
		}
	}

	@PostMapping("/{id}/firmware")
	public String addFirmware(@PathVariable long id, FirmwareForm firmwareForm, Model model) {
		Product product = registry.productToManage(id);
		List<Problem> problems = new ArrayList<>();
		LocalDate released = date(firmwareForm.releaseDate(), "releaseDate", problems);
		try {
			if (problems.isEmpty()) {
				registry.addFirmware(id, firmwareForm.version(), released, firmwareForm.isLatest());
				return "redirect:/products/" + id + "#firmware";
			}
		}
		catch (ProductRuleViolation refused) {
			problems.addAll(refused.problems());
		}
		model.addAttribute("firmwareForm", firmwareForm);
		model.addAttribute("firmwareProblems", problems);
		return productPage(product, model);
	}

	@PostMapping("/{id}/certificates")
	public String addCertificate(@PathVariable long id, CertificateForm certificateForm, Model model) {
		Product product = registry.productToManage(id);
		List<Problem> problems = new ArrayList<>();
		LocalDate issued = date(certificateForm.issuedOn(), "issuedOn", problems);
		LocalDate expires = date(certificateForm.expiresOn(), "expiresOn", problems);
		try {
			if (problems.isEmpty()) {
				registry.addCertificate(id, new Certificate(0, certificateForm.catalogueCode(),
						strip(certificateForm.number()), strip(certificateForm.issuedBy()), issued, expires));
				return "redirect:/products/" + id + "#certificates";
			}
		}
		catch (ProductRuleViolation refused) {
			problems.addAll(refused.problems());
		}
		model.addAttribute("certificateForm", certificateForm);
		model.addAttribute("certificateProblems", problems);
		return productPage(product, model);
	}

	private String productPage(Product product, Model model) {
		model.addAttribute("product", product);
		model.addAttribute("canManage", registry.canManage(product));
		model.addAttribute("catalogues", catalogues.all());
		if (!model.containsAttribute("firmwareForm")) {
			model.addAttribute("firmwareForm", new FirmwareForm("", "", true));
		}
		if (!model.containsAttribute("certificateForm")) {
			model.addAttribute("certificateForm", new CertificateForm("QCVN11_2026_BCA", "", "", "", ""));
		}
		return "products/product";
	}

	private String productForm(Product product, Model model) {
		model.addAttribute("product", product);
		model.addAttribute("units", registry.ownerUnits());
		model.addAttribute("kinds", ProductKind.values());
		model.addAttribute("vendors", registry.vendors());
		return "products/product-form";
	}

	/** A date from an {@code input type=date} (yyyy-MM-dd) or as officers type it (dd/MM/yyyy); blank is none. */
	static LocalDate date(String text, String field, List<Problem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
				String[] parts = value.split("/");
				return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
			}
			return LocalDate.parse(value);
		}
		catch (java.time.DateTimeException ex) {
			problems.add(new Problem(field, "products.problem.date-format"));
			return null;
		}
	}

	private static String strip(String text) {
		return text == null ? null : text.strip();
	}

}
