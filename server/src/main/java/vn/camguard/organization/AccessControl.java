package vn.camguard.organization;

/**
 * The one place other modules ask what the signed-in caller may do. Every web and REST endpoint
 * that touches unit-owned data checks through it; a denied check throws Spring Security's
 * {@code AccessDeniedException}, which the web layer turns into 403.
 */
public interface AccessControl {

	/** The signed-in caller; throws if nobody is signed in. */
	Caller caller();

	/** The units the caller reaches with this permission (possibly none). */
	UnitScope scope(Permission permission);

	/** Whether the caller holds the permission on this unit (through a grant on it or an ancestor). */
	boolean allows(Permission permission, long unitId);

	/** As {@link #allows}, but throws {@code AccessDeniedException} when not allowed. */
	void require(Permission permission, long unitId);

	/** Whether the caller holds the permission anywhere at all (for menus and list pages). */
	boolean allowsAnywhere(Permission permission);

}
