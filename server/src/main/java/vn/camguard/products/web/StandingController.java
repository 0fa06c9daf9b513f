package vn.camguard.products.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.products.application.DeviceStandings;
import vn.camguard.products.application.RequirementCatalogues;
import vn.camguard.products.application.StandingUpkeep;
import vn.camguard.products.domain.DeviceStanding.CertificationStatus;
import vn.camguard.products.domain.DeviceStanding.FirmwareStatus;
import vn.camguard.products.domain.StandingFilter;

/**
 * The caller's devices filtered on their standing (certification and under which regulation,
 * warnings, firmware, known CVEs). It lives in products, not in the inventory list, so that inventory
 * knows nothing of products: the inventory only lends its scoped device reads through its public API. The
 * standings are the stored ones, filtered in the database a page at a time.
 */
@Controller
public class StandingController {

	private final DeviceStandings standings;

	private final RequirementCatalogues catalogues;

	private final StandingUpkeep upkeep;

	public StandingController(DeviceStandings standings, RequirementCatalogues catalogues, StandingUpkeep upkeep) {
		this.standings = standings;
		this.catalogues = catalogues;
		this.upkeep = upkeep;
	}

	@GetMapping("/products/devices")
	public String devices(@RequestParam(required = false) String certification,
			@RequestParam(required = false) String catalogue, @RequestParam(required = false) String warned,
			@RequestParam(required = false) String firmware, @RequestParam(required = false) String cves,
			@RequestParam(defaultValue = "0") int page, Model model) {
		StandingFilter filter = StandingFilter.parse(certification, catalogue, warned, firmware, cves);
		DeviceStandings.Listing listing = standings.devices(filter, page);
		model.addAttribute("filter", filter);
		model.addAttribute("listing", listing);
		model.addAttribute("total", listing.total());
		model.addAttribute("rows", listing.rows());
		model.addAttribute("certifications", CertificationStatus.values());
		model.addAttribute("firmwareStates", FirmwareStatus.values());
		model.addAttribute("catalogues", catalogues.all());
		model.addAttribute("reconciling", upkeep.reconcilePending());
		return "products/devices";
	}

}
