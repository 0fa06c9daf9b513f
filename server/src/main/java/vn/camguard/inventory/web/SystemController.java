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
import vn.camguard.inventory.domain.InformationSystem;
import vn.camguard.inventory.domain.InventoryRuleViolation;
import vn.camguard.inventory.domain.NameFilter;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;

/** The information system pages: list, detail, create and edit. */
@Controller
@RequestMapping("/inventory/systems")
public class SystemController {

	private final InventoryManagement inventory;

	private final MessageSource messages;

	public SystemController(InventoryManagement inventory, MessageSource messages) {
		this.inventory = inventory;
		this.messages = messages;
	}

	@GetMapping
	public String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("page", inventory.systems(new NameFilter(q, null), Math.max(0, page), 25));
		model.addAttribute("canWrite", inventory.canWriteAnywhere());
		return "inventory/systems";
	}

	@GetMapping("/{id}")
	public String detail(@PathVariable long id, Model model) {
		InformationSystem system = inventory.system(id);
		model.addAttribute("system", system);
		model.addAttribute("unit", inventory.unit(system.unitId()).orElse(null));
		model.addAttribute("canWrite", inventory.canWrite(system.unitId()));
		return "inventory/system";
	}

	@GetMapping("/new")
	public String createForm(Model model) {
		inventory.requireWriteAnywhere();
		return form(model, new SystemDraft(null, null, null, null, null, SystemStatus.OPERATING), null, Map.of());
	}

	@PostMapping
	public String create(@ModelAttribute("form") SystemDraft form, BindingResult binding, Model model, Locale locale) {
		if (binding.hasErrors()) {
			return form(model, form, null, FormProblems.binding(binding, "inventory.system.", messages, locale));
		}
		try {
			return "redirect:/inventory/systems/" + inventory.createSystem(form).id();
		}
		catch (InventoryRuleViolation violation) {
			return form(model, form, null, FormProblems.messages(violation.problems(), "inventory.system.", messages, locale));
		}
	}

	@GetMapping("/{id}/edit")
	public String editForm(@PathVariable long id, Model model) {
		InformationSystem system = inventory.systemForEdit(id);
		return form(model, system.draft(), system, Map.of());
	}

	@PostMapping("/{id}")
	public String update(@PathVariable long id, @ModelAttribute("form") SystemDraft form, BindingResult binding,
			Model model, Locale locale) {
		InformationSystem system = inventory.system(id);
		if (binding.hasErrors()) {
			return form(model, form, system, FormProblems.binding(binding, "inventory.system.", messages, locale));
		}
		try {
			inventory.updateSystem(id, form);
			return "redirect:/inventory/systems/" + id;
		}
		catch (InventoryRuleViolation violation) {
			return form(model, form, system, FormProblems.messages(violation.problems(), "inventory.system.", messages, locale));
		}
	}

	private String form(Model model, SystemDraft form, InformationSystem system, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("system", system);
		model.addAttribute("errors", errors);
		model.addAttribute("units", inventory.writableUnits());
		model.addAttribute("statuses", SystemStatus.values());
		return "inventory/system-form";
	}

}
