package vn.camguard.monitoring.device;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.SiteDirectory;
import vn.camguard.inventory.SiteDirectory.SiteRef;
import vn.camguard.inventory.SystemDirectory;
import vn.camguard.inventory.SystemDirectory.SystemRef;

/**
 * The information systems and sites an adopted device may be put in: those of the units the caller may change in the
 * inventory, as the inventory's public directories list them. The adopt form offers them by name; an adoption naming
 * any other id (typed or forged) is refused here, before the inventory applies its own rules.
 */
@Component
public class AdoptionChoices {

	private final SystemDirectory systems;

	private final SiteDirectory sites;

	AdoptionChoices(SystemDirectory systems, SiteDirectory sites) {
		this.systems = systems;
		this.sites = sites;
	}

	public List<SystemRef> systems() {
		return systems.writable();
	}

	public List<SiteRef> sites() {
		return sites.writable();
	}

	/** Refuses a system or site outside the caller's writable units, as the inventory words an unknown one. */
	void refuseOutsideScope(Adoption adoption) {
		List<InventoryDevices.Refused.Problem> problems = new ArrayList<>();
		if (adoption.systemId() != null
				&& systems().stream().noneMatch(system -> system.id() == adoption.systemId())) {
			problems.add(new InventoryDevices.Refused.Problem("system_name", "system-unknown"));
		}
		if (adoption.siteId() != null && sites().stream().noneMatch(site -> site.id() == adoption.siteId())) {
			problems.add(new InventoryDevices.Refused.Problem("site_name", "site-unknown"));
		}
		if (!problems.isEmpty()) {
			throw new InventoryDevices.Refused(problems);
		}
	}

}
