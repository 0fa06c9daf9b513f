package vn.camguard.levels.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.levels.application.FrameworkCatalogue;
import vn.camguard.levels.application.LevelsNotFound;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.ItemCorrection;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.domain.LevelRuleViolation;

/** The level framework pages: list of versions, one version, correcting an item, copying a version. */
@Controller
@RequestMapping("/levels/frameworks")
public class FrameworkController {

	private final FrameworkCatalogue catalogue;

	private final MessageSource messages;

	public FrameworkController(FrameworkCatalogue catalogue, MessageSource messages) {
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@GetMapping
	public String list(Model model) {
		model.addAttribute("versions", catalogue.versions());
		model.addAttribute("uses", catalogue.uses());
		model.addAttribute("canManage", catalogue.canManage());
		return "levels/frameworks";
	}

	@GetMapping("/{id}")
	public String detail(@PathVariable long id, Model model) {
		return detail(catalogue.framework(id), model, List.of(), null);
	}

	@PostMapping("/{id}/copy")
	public String copy(@PathVariable long id, @RequestParam(required = false) String nameVi,
			@RequestParam(required = false) String nameEn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate transitionUntil,
			@RequestParam(required = false) String note, Model model, Locale locale) {
		catalogue.requireManage();
		FrameworkCatalogue.VersionCopy copy = new FrameworkCatalogue.VersionCopy(nameVi, nameEn, validFrom, validUntil,
				transitionUntil, note);
		try {
			return "redirect:/levels/frameworks/" + catalogue.copy(id, copy).id();
		}
		catch (LevelRuleViolation violation) {
			Framework framework = catalogue.framework(id);
			return detail(framework, model, ProblemTexts.of(violation.problems(), messages, locale, framework), copy);
		}
	}

	@GetMapping("/{id}/items/{key}/edit")
	public String editItem(@PathVariable long id, @PathVariable String key, Model model) {
		catalogue.requireManage();
		Framework framework = catalogue.framework(id);
		FrameworkItem item = item(framework, key);
		return itemForm(model, framework, item, new ItemCorrection(item.text().vi(), item.text().en(), item.amount(),
				item.verified(), item.source(), null), item.amount() == null ? null : item.amount().toString(), List.of());
	}

	@PostMapping("/{id}/items/{key}")
	public String correctItem(@PathVariable long id, @PathVariable String key,
			@RequestParam(required = false) String textVi, @RequestParam(required = false) String textEn,
			@RequestParam(required = false) String amount, @RequestParam(defaultValue = "false") boolean verified,
			@RequestParam(required = false) String source, @RequestParam(required = false) String note, Model model,
			Locale locale) {
		catalogue.requireManage();
		Integer parsedAmount = parse(amount);
		ItemCorrection correction = new ItemCorrection(textVi, textEn, parsedAmount, verified, source, note);
		try {
			if (amount != null && !amount.isBlank() && parsedAmount == null) {
				throw new LevelRuleViolation(List.of("levels.problem.amount"));
			}
			return "redirect:/levels/frameworks/" + catalogue.correctItem(id, key, correction).id();
		}
		catch (LevelRuleViolation violation) {
			Framework framework = catalogue.framework(id);
			return itemForm(model, framework, item(framework, key), correction, amount,
					ProblemTexts.of(violation.problems(), messages, locale, framework));
		}
	}

	private String detail(Framework framework, Model model, List<String> problems, FrameworkCatalogue.VersionCopy copy) {
		model.addAttribute("framework", framework);
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("canManage", catalogue.canManage());
		model.addAttribute("problems", problems);
		model.addAttribute("copy", copy != null ? copy
				: new FrameworkCatalogue.VersionCopy(framework.version().name().vi(), framework.version().name().en(),
						framework.version().validFrom(), framework.version().validUntil(),
						framework.version().transitionUntil(), null));
		return "levels/framework";
	}

	/** The form; the amount is shown as typed, so a wrong number is there to be fixed. */
	private String itemForm(Model model, Framework framework, FrameworkItem item, ItemCorrection form,
			String amountText, List<String> problems) {
		model.addAttribute("amountText", amountText);
		model.addAttribute("framework", framework);
		model.addAttribute("item", item);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "levels/item-form";
	}

	private static FrameworkItem item(Framework framework, String key) {
		return framework.item(key).orElseThrow(() -> new LevelsNotFound("item " + key + " of framework",
				framework.version().id()));
	}

	private static Integer parse(String number) {
		if (number == null || number.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(number.strip());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

}
