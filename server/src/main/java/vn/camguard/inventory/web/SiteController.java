package vn.camguard.inventory.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.inventory.application.InventoryManagement;
import vn.camguard.inventory.domain.InventoryRuleViolation;
import vn.camguard.inventory.domain.NameFilter;
import vn.camguard.inventory.domain.Site;
import vn.camguard.inventory.domain.SiteDraft;

/** The site pages: list, detail, create and edit. */
@Controller
@RequestMapping("/inventory/sites")
public class SiteController {

	private final InventoryManagement inventory;

	private final MessageSource messages;

	public SiteController(InventoryManagement inventory, MessageSource messages) {
		this.inventory = inventory;
		this.messages = messages;
	}

	@GetMapping
	public String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("page", inventory.sites(new NameFilter(q, null), Math.max(0, page), 25));
		model.addAttribute("canWrite", inventory.canWriteAnywhere());
		return "inventory/sites";
	}

	@GetMapping("/{id}")
	public String detail(@PathVariable long id, Model model) {
		Site site = inventory.site(id);
		model.addAttribute("site", site);
		model.addAttribute("unit", inventory.unit(site.unitId()).orElse(null));
		model.addAttribute("canWrite", inventory.canWrite(site.unitId()));
		return "inventory/site";
	}

	@GetMapping("/new")
	public String createForm(Model model) {
		inventory.requireWriteAnywhere();
		return form(model, new SiteDraft(null, null, null, null, null, null), null, Map.of());
	}

	@PostMapping
	public String create(@ModelAttribute("form") SiteDraft form, BindingResult binding, Model model, Locale locale) {
		if (binding.hasErrors()) {
			return form(model, form, null, FormProblems.binding(binding, "inventory.site.", messages, locale));
		}
		try {
			return "redirect:/inventory/sites/" + inventory.createSite(form).id();
		}
		catch (InventoryRuleViolation violation) {
			return form(model, form, null, FormProblems.messages(violation.problems(), "inventory.site.", messages, locale));
		}
	}

	@GetMapping("/{id}/edit")
	public String editForm(@PathVariable long id, Model model) {
		Site site = inventory.siteForEdit(id);
		return form(model, site.draft(), site, Map.of());
	}

	@PostMapping("/{id}")
	public String update(@PathVariable long id, @ModelAttribute("form") SiteDraft form, BindingResult binding,
			Model model, Locale locale) {
		Site site = inventory.site(id);
		if (binding.hasErrors()) {
			return form(model, form, site, FormProblems.binding(binding, "inventory.site.", messages, locale));
		}
		try {
			inventory.updateSite(id, form);
			return "redirect:/inventory/sites/" + id;
		}
		catch (InventoryRuleViolation violation) {
			return form(model, form, site, FormProblems.messages(violation.problems(), "inventory.site.", messages, locale));
		}
	}

	private String form(Model model, SiteDraft form, Site site, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("site", site);
		model.addAttribute("errors", errors);
		model.addAttribute("units", inventory.writableUnits());
		return "inventory/site-form";
	}

}
