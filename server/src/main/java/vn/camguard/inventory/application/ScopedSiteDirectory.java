package vn.camguard.inventory.application;

import java.util.List;
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
	public List<SiteRef> writable() {
		return inventory.writableSiteOptions().stream().map(s -> new SiteRef(s.id(), s.unitId(), s.name())).toList();
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
