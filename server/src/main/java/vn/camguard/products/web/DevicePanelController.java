package vn.camguard.products.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.products.application.DeviceStandings;
import vn.camguard.products.application.MatchConfirmations;
import vn.camguard.products.application.ProductRegistry;

/**
 * The device-at-a-glance panel, an HTML fragment the inventory's device page loads with htmx, so
 * that inventory knows nothing of products. A device the caller may not read answers 404. An
 * officer who may change the device confirms or corrects its product from the panel.
 */
@Controller
public class DevicePanelController {

	private final DeviceStandings standings;

	private final MatchConfirmations confirmations;

	private final ProductRegistry registry;

	public DevicePanelController(DeviceStandings standings, MatchConfirmations confirmations,
			ProductRegistry registry) {
		this.standings = standings;
		this.confirmations = confirmations;
		this.registry = registry;
	}

	@GetMapping("/products/device-panel/{deviceId}")
	public String panel(@PathVariable long deviceId, Model model) {
		DeviceStandings.Panel panel = standings.panel(deviceId);
		model.addAttribute("panel", panel);
		boolean canDecide = confirmations.canDecide(panel.device());
		model.addAttribute("canDecide", canDecide);
		if (canDecide) {
			model.addAttribute("productOptions", registry.list(null));
		}
		return "products/device-panel :: panel";
	}

	/** Blank {@code productId}: the device is none of the registered products. */
	@PostMapping("/products/device-panel/{deviceId}/match")
	public String decide(@PathVariable long deviceId, @RequestParam(required = false) Long productId, Model model) {
		confirmations.decide(deviceId, productId);
		return panel(deviceId, model);
	}

}
