package vn.camguard.monitoring.device.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.inventory.InventoryDevices;
import vn.camguard.monitoring.device.Adoption;
import vn.camguard.monitoring.device.AdoptionChoices;
import vn.camguard.monitoring.device.DiscoveredDevices;
import vn.camguard.monitoring.range.MonitoringRefusal;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Discovered device pages: the list (per organisation, per job) and one device with its adopt form (system and site
 * chosen by name among the caller's units', grouped by unit) and the inventory entries that may be it. A refused adoption comes back with the reasons and everything typed.
 */
@Controller
@RequestMapping("/monitoring/devices")
class DiscoveredDeviceController {

	private final DiscoveredDevices devices;

	private final MessageSource messages;

	private final AdoptionChoices choices;

	DiscoveredDeviceController(DiscoveredDevices devices, MessageSource messages, AdoptionChoices choices) {
		this.devices = devices;
		this.messages = messages;
		this.choices = choices;
	}

	/** Options of one unit in a select (an optgroup). */
	record OptionGroup(String unit, List<Option> options) {
	}

	record Option(long id, String name) {
	}

	@GetMapping
	String list(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) Long jobId,
			@RequestParam(defaultValue = "0") int page, Model model) {
		if (!devices.canSee()) {
			throw new AccessDeniedException("discovered devices need MONITORING_SCAN");
		}
		model.addAttribute("devices", devices.list(organizationId, jobId, page));
		model.addAttribute("organizations", devices.organizations());
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("jobId", jobId);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("pageSize", DiscoveredDevices.PAGE_SIZE);
		return "monitoring/devices";
	}

	@GetMapping("/{id}")
	String device(@PathVariable long id, Model model) {
		return page(id, new Adoption(null, null, null, "", "", "", null), List.of(), model);
	}

	@PostMapping("/{id}/adopt")
	String adopt(@PathVariable long id, Adoption form, Model model, Locale locale) {
		try {
			devices.adopt(id, form);
			return "redirect:/monitoring/devices/" + id;
		}
		catch (InventoryDevices.Refused refused) {
			List<String> problems = refused.problems().stream()
				.map(p -> messages.getMessage("inventory.error." + p.code(), new Object[] { p.field(), "" },
						p.field() + ": " + p.code(), locale))
				.toList();
			return page(id, form, problems, model);
		}
		catch (MonitoringRefusal refusal) {
			return page(id, form, List.of(refusal.text(messages, locale)), model);
		}
	}

	@PostMapping("/{id}/match")
	String match(@PathVariable long id, @RequestParam long inventoryDeviceId, Model model, Locale locale) {
		try {
			devices.match(id, inventoryDeviceId);
			return "redirect:/monitoring/devices/" + id;
		}
		catch (MonitoringRefusal refusal) {
			return page(id, new Adoption(null, null, null, "", "", "", null), List.of(refusal.text(messages, locale)),
					model);
		}
	}

	private String page(long id, Adoption form, List<String> problems, Model model) {
		model.addAttribute("device", devices.device(id));
		model.addAttribute("suggestions", devices.suggestions(id));
		List<UnitRef> units = devices.adoptionUnits();
		model.addAttribute("units", units);
		model.addAttribute("systemGroups", byUnit(units, choices.systems().stream()
			.map(s -> Map.entry(s.unitId(), new Option(s.id(), s.name())))
			.toList()));
		model.addAttribute("siteGroups", byUnit(units, choices.sites().stream()
			.map(s -> Map.entry(s.unitId(), new Option(s.id(), s.name())))
			.toList()));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "monitoring/device";
	}

	/** The options grouped under their unit, units in the order of the unit select, options by name within each. */
	private static List<OptionGroup> byUnit(List<UnitRef> units, List<Map.Entry<Long, Option>> options) {
		Map<Long, List<Option>> grouped = new LinkedHashMap<>();
		for (Map.Entry<Long, Option> option : options) {
			grouped.computeIfAbsent(option.getKey(), unit -> new ArrayList<>()).add(option.getValue());
		}
		List<OptionGroup> groups = new ArrayList<>();
		for (UnitRef unit : units) {
			List<Option> own = grouped.get(unit.id());
			if (own != null) {
				groups.add(new OptionGroup(unit.name(), own));
			}
		}
		return groups;
	}

}
