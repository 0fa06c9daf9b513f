package vn.camguard.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Read access to information systems for other modules (e.g. levels, which determines a system's
 * security level). Answers only what the signed-in caller may read, so a module that asks cannot
 * leak a system of another unit.
 */
public interface SystemDirectory {

	/** The system if it exists and the caller holds inventory read permission on its unit. */
	Optional<SystemRef> readable(long systemId);

	/** Every system the caller holds inventory read permission on, by name. */
	List<SystemRef> allReadable();

	/**
	 * The systems of the units the caller may change (inventory write permission), by name, cut like the inventory's
	 * own drop-downs: what a device the caller adds may belong to.
	 */
	List<SystemRef> writable();

	/**
	 * An information system as other modules see it.
	 *
	 * @param id database id
	 * @param unitId owning unit
	 * @param name name, unique inside its unit
	 */
	record SystemRef(long id, long unitId, String name) {
	}

}
