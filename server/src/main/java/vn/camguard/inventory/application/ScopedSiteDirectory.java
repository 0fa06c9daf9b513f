package vn.camguard.inventory.application;

import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.camguard.inventory.SiteDirectory;
import vn.camguard.inventory.domain.Site;

/** {@link SiteDirectory} through the same scoped lookup the inventory pages use. */
@Service
class ScopedSiteDirectory implements SiteDirectory {

	private final InventoryManagement inventory;

	ScopedSiteDirectory(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public Optional<SiteRef> readable(long siteId) {
		try {
			Site site = inventory.site(siteId);
			return Optional.of(new SiteRef(site.id(), site.unitId(), site.name()));
		}
		catch (NotFoundInScope notFound) {
			return Optional.empty();
		}
	}

}
