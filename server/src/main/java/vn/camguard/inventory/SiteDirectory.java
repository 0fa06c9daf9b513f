package vn.camguard.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Read access to sites for other modules (products assesses a site's devices). Answers only what the signed-in
 * caller may read, so a module that asks cannot leak a site of another unit.
 */
public interface SiteDirectory {

	/** The site if it exists and the caller holds inventory read permission on its unit. */
	Optional<SiteRef> readable(long siteId);

	/**
	 * The sites of the units the caller may change (inventory write permission), by name, cut like the inventory's
	 * own drop-downs: where a device the caller adds may be installed.
	 */
	List<SiteRef> writable();

	/**
	 * A site as other modules see it.
	 *
	 * @param id database id
	 * @param unitId owning unit
	 * @param name name, unique inside its unit
	 */
	record SiteRef(long id, long unitId, String name) {
	}

}
