package vn.camguard.organization;

import java.util.List;
import java.util.Optional;

/** Read access to the unit tree for other modules (names for lists, codes for imports). */
public interface UnitDirectory {

	Optional<UnitRef> find(long unitId);

	/** A unit by its short code (e.g. "TN", "TN-SYT"), as import files name units. */
	Optional<UnitRef> findByCode(String code);

	/** Every active unit inside the scope, ordered by tree path, for filter drop-downs. */
	List<UnitRef> within(UnitScope scope);

	/**
	 * A unit as other modules see it.
	 *
	 * @param id database id
	 * @param code short unique code
	 * @param name display name (Vietnamese)
	 * @param kind PROVINCE, DEPARTMENT, DISTRICT, COMMUNE, ISP, VENDOR, POLICE, MARKET_MANAGEMENT
	 * @param parentId parent unit, null for the root
	 * @param active false once deactivated
	 */
	record UnitRef(long id, String code, String name, String kind, Long parentId, boolean active) {
	}

}
