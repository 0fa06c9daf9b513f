package vn.camguard.products.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.camguard.products.application.DeviceStandings;

/**
 * The device-at-a-glance panel, an HTML fragment the inventory's device page loads with htmx, so
 * that inventory knows nothing of products. A device the caller may not read answers 404.
 */
@Controller
public class DevicePanelController {

	private final DeviceStandings standings;

	public DevicePanelController(DeviceStandings standings) {
		this.standings = standings;
	}

	@GetMapping("/products/device-panel/{deviceId}")
	public String panel(@PathVariable long deviceId, Model model) {
		model.addAttribute("panel", standings.panel(deviceId));
		return "products/device-panel :: panel";
	}

}
