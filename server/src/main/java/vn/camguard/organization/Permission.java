package vn.camguard.organization;

/**
 * What a caller wants to do. Which roles carry which permission is decided in one place inside
 * the organization module; other modules only ask {@link AccessControl}.
 */
public enum Permission {

	/** See information systems, sites, cameras and recorders. */
	INVENTORY_READ,
	/** Create, change, import inventory. */
	INVENTORY_WRITE,
	/** See the unit tree. */
	UNITS_READ,
	/** Create, rename, move, deactivate, import units. */
	UNITS_MANAGE,
	/** Create users and grant roles. */
	USERS_MANAGE,
	/** Read and export the audit log. */
	AUDIT_READ,
	/**
	 * Correct and add versions of the security-level frameworks (province-wide reference data, so
	 * the levels module also requires the grant to sit on a province, a root of the unit tree).
	 */
	FRAMEWORKS_MANAGE,
	/** Register and change the products of one's own (vendor) unit: models, firmware, certificates. */
	PRODUCTS_MANAGE,
	/** Correct requirement catalogues (QCVN 135, QCVN 11, ...); province-wide data. */
	CATALOGUES_MANAGE,
	/**
	 * Warn against a camera model or firmware range (an authority's warning list); the warning reaches
	 * the devices of the whole province the grant lies in.
	 */
	WARNINGS_MANAGE

}
