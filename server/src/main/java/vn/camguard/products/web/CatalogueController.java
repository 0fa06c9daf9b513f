package vn.camguard.products.web;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.products.application.RequirementCatalogues;
import vn.camguard.products.domain.Catalogue;
import vn.camguard.products.domain.CatalogueItem;
import vn.camguard.products.domain.ItemCorrection;
import vn.camguard.products.domain.ProductRuleViolation;

/** Requirement catalogues: the list, one catalogue with its items, an item's correction, the mapping of two. */
@Controller
@RequestMapping("/products/catalogues")
public class CatalogueController {

	private final RequirementCatalogues catalogues;

	private final Clock clock;

	public CatalogueController(RequirementCatalogues catalogues, Clock clock) {
		this.catalogues = catalogues;
		this.clock = clock;
	}

	/** The correction form as typed; an unticked box sends nothing, hence the nullable verified. */
	public record ItemForm(String textVi, String textEn, String etsiProvisions, String scannerChecks, Boolean verified,
			String source) {

		ItemCorrection correction() {
			return new ItemCorrection(textVi, textEn, etsiProvisions, scannerChecks, Boolean.TRUE.equals(verified), source);
		}

	}

	@GetMapping
	public String list(Model model) {
		List<Catalogue> all = catalogues.all();
		model.addAttribute("catalogues", all);
		model.addAttribute("today", java.time.LocalDate.now(clock));
		return "products/catalogues";
	}

	@GetMapping("/{code}")
	public String catalogue(@PathVariable String code, Model model) {
		model.addAttribute("catalogue", catalogues.catalogue(code));
		model.addAttribute("canCorrect", catalogues.canCorrect());
		return "products/catalogue";
	}

	@GetMapping("/mapping")
	public String mapping(@RequestParam(defaultValue = "QCVN135_2024") String from,
			@RequestParam(defaultValue = "QCVN11_2026_BCA") String to, Model model) {
		model.addAttribute("mapping", catalogues.mapping(from, to));
		model.addAttribute("catalogues", catalogues.all());
		return "products/mapping";
	}

	@GetMapping("/{code}/items/{itemId}/edit")
	public String editItem(@PathVariable String code, @PathVariable long itemId, Model model) {
		CatalogueItem item = catalogues.itemToCorrect(code, itemId);
		model.addAttribute("form", new ItemCorrection(item.textVi(), item.textEn(), String.join(", ", item.etsiProvisions()),
				String.join(", ", item.scannerChecks()), item.verified(), item.source()));
		return itemForm(code, item, model);
	}

	@PostMapping("/{code}/items/{itemId}")
	public String correctItem(@PathVariable String code, @PathVariable long itemId, ItemForm typed, Model model) {
		CatalogueItem item = catalogues.itemToCorrect(code, itemId);
		ItemCorrection form = typed.correction();
		try {
			catalogues.correct(code, itemId, form);
		}
		catch (ProductRuleViolation refused) {
			model.addAttribute("form", form);
			model.addAttribute("problems", refused.problems());
			return itemForm(code, item, model);
		}
		return "redirect:/products/catalogues/" + code + "#item-" + itemId;
	}

	private String itemForm(String code, CatalogueItem item, Model model) {
		model.addAttribute("catalogue", catalogues.catalogue(code));
		model.addAttribute("item", item);
		model.addAttribute("knownChecks", ItemCorrection.SCANNER_CHECKS.stream().sorted().toList());
		return "products/item-form";
	}

}
