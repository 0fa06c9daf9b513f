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
	/** Register the address ranges one's organisation answers for, and run scan jobs on the approved ones. */
	MONITORING_SCAN,
	/** Approve or reject the address ranges organisations registered for scanning (the province's decision). */
	RANGES_APPROVE,
	/** See network monitoring findings of one's organisation subtree and export them. */
	FINDINGS_READ,
	/** Mark a finding a false positive, or confirm a fixed one verified (the finding's owner). */
	FINDINGS_TRIAGE,
	/** Accept the risk of a finding for a time (the head of the owning unit, or the province). */
	FINDINGS_ACCEPT_RISK,
	/** Import one's own (ISP) subscriber mapping, send subscriber notices, download the monthly report. */
	NOTICES_MANAGE,
	/**
	 * Warn against a camera model or firmware range (an authority's warning list); the warning reaches
	 * the devices of the whole province the grant lies in.
	 */
	WARNINGS_MANAGE,
	/**
	 * Read (never change) the procurement checks of every unit of the province the grant lies in: the market
	 * inspectors' oversight of purchases, beyond the subtree whose inventory they read.
	 */
	PROCUREMENT_READ,

}
