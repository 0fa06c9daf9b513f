package vn.camguard.products.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.products.application.DeviceStandings;
import vn.camguard.products.application.RequirementCatalogues;
import vn.camguard.products.domain.DeviceStanding.CertificationStatus;
import vn.camguard.products.domain.DeviceStanding.FirmwareStatus;
import vn.camguard.products.domain.StandingFilter;

/**
 * The caller's devices filtered on their standing (certification and under which regulation,
 * warnings, firmware, known CVEs). It lives in products, not in the inventory list, so that inventory
 * knows nothing of products: the inventory only lends its scoped device list through its public API.
 */
@Controller
public class StandingController {

	/** Rows shown; the count says when there are more. */
	static final int SHOWN = 500;

	private final DeviceStandings standings;

	private final RequirementCatalogues catalogues;

	public StandingController(DeviceStandings standings, RequirementCatalogues catalogues) {
		this.standings = standings;
		this.catalogues = catalogues;
	}

	@GetMapping("/products/devices")
	public String devices(@RequestParam(required = false) String certification,
			@RequestParam(required = false) String catalogue, @RequestParam(required = false) String warned,
			@RequestParam(required = false) String firmware, @RequestParam(required = false) String cves, Model model) {
		StandingFilter filter = StandingFilter.parse(certification, catalogue, warned, firmware, cves);
		List<DeviceStandings.Row> rows = standings.devices(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("total", rows.size());
		model.addAttribute("rows", rows.subList(0, Math.min(SHOWN, rows.size())));
		model.addAttribute("certifications", CertificationStatus.values());
		model.addAttribute("firmwareStates", FirmwareStatus.values());
		model.addAttribute("catalogues", catalogues.all());
		return "products/devices";
	}

}
