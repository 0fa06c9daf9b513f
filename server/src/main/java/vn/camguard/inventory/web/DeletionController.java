package vn.camguard.inventory.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.inventory.application.InventoryManagement;
import vn.camguard.inventory.domain.Device;
import vn.camguard.inventory.domain.InformationSystem;
import vn.camguard.inventory.domain.InventoryRuleViolation;
import vn.camguard.inventory.domain.Site;

/**
 * Deleting a camera, an information system or a site: a confirmation page that asks for the reason
 * (kept in the audit log with the deleted record), then the deletion. A system or site that devices
 * still point to is not deleted; the page says how many and links to them.
 */
@Controller
@RequestMapping("/inventory")
public class DeletionController {

	private final InventoryManagement inventory;

	private final MessageSource messages;

	public DeletionController(InventoryManagement inventory, MessageSource messages) {
		this.inventory = inventory;
		this.messages = messages;
	}

	@GetMapping("/cameras/{id}/delete")
	public String confirmDevice(@PathVariable long id, Model model) {
		Device device = inventory.deviceForEdit(id);
		return confirm(model, device(device), "", Map.of());
	}

	@PostMapping("/cameras/{id}/delete")
	public String deleteDevice(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			Locale locale, RedirectAttributes redirect) {
		Device device = inventory.deviceForEdit(id);
		return delete(device(device), device.serial(), () -> inventory.deleteDevice(id, reason), reason, model, locale,
				redirect);
	}

	@GetMapping("/systems/{id}/delete")
	public String confirmSystem(@PathVariable long id, Model model) {
		return confirm(model, system(inventory.systemForEdit(id)), "", Map.of());
	}

	@PostMapping("/systems/{id}/delete")
	public String deleteSystem(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			Locale locale, RedirectAttributes redirect) {
		InformationSystem system = inventory.systemForEdit(id);
		return delete(system(system), system.name(), () -> inventory.deleteSystem(id, reason), reason, model, locale,
				redirect);
	}

	@GetMapping("/sites/{id}/delete")
	public String confirmSite(@PathVariable long id, Model model) {
		return confirm(model, site(inventory.siteForEdit(id)), "", Map.of());
	}

	@PostMapping("/sites/{id}/delete")
	public String deleteSite(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			Locale locale, RedirectAttributes redirect) {
		Site site = inventory.siteForEdit(id);
		return delete(site(site), site.name(), () -> inventory.deleteSite(id, reason), reason, model, locale, redirect);
	}

	/**
	 * What the confirmation page shows of the record.
	 *
	 * @param kindKey message key of the kind of record
	 * @param devicesFilter the device list's parameter that lists the devices pointing to it, or null
	 */
	public record Target(String kindKey, String label, String base, long id, long deviceCount, String devicesFilter) {
	}

	private static Target device(Device device) {
		return new Target("inventory.delete.kind.device", device.vendor() + " " + device.serial(), "/inventory/cameras",
				device.id(), 0, null);
	}

	private static Target system(InformationSystem system) {
		return new Target("inventory.delete.kind.system", system.name(), "/inventory/systems", system.id(),
				system.deviceCount(), "system");
	}

	private static Target site(Site site) {
		return new Target("inventory.delete.kind.site", site.name(), "/inventory/sites", site.id(), site.deviceCount(),
				"site");
	}

	/**
	 * Runs the deletion; back to the record's list with its name flashed, or, when a rule refuses it,
	 * the confirmation page again with the reason kept and the problems named.
	 */
	private String delete(Target target, String deletedName, Runnable deletion, String reason, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			deletion.run();
		}
		catch (InventoryRuleViolation violation) {
			return confirm(model, target, reason, FormProblems.messages(violation.problems(), "inventory.delete.", messages, locale));
		}
		redirect.addFlashAttribute("deleted", deletedName);
		return "redirect:" + target.base();
	}

	private String confirm(Model model, Target target, String reason, Map<String, String> errors) {
		model.addAttribute("target", target);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "inventory/delete";
	}

}
