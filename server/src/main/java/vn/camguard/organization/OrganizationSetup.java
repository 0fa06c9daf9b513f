package vn.camguard.organization;

import java.util.Optional;

/**
 * Creates units, users and grants without checking the caller: for the first start, the demo data
 * loaders and tests. Web and REST endpoints never use it; they go through the checked
 * administration services. Every change is still audited (actor {@code system}).
 */
public interface OrganizationSetup {

	/**
	 * The unit with this code, created under the parent when missing.
	 *
	 * @param kind one of PROVINCE, DEPARTMENT, DISTRICT, COMMUNE, ISP, VENDOR, POLICE, MARKET_MANAGEMENT
	 * @param parentCode null only for a province
	 */
	UnitDirectory.UnitRef ensureUnit(String code, String name, String kind, String parentCode);

	/**
	 * Creates a user homed in a unit with the given password (never logged), or returns the
	 * existing user's id unchanged when the username is taken.
	 *
	 * @param mustChangePassword whether the first sign-in forces a new password
	 */
	long ensureUser(String username, String displayName, long unitId, String password, boolean mustChangePassword);

	/** Grants a role on a unit and its subtree (no-op when already granted). */
	void grant(long userId, Role role, long unitId);

	/** The user id for a username. */
	Optional<Long> findUser(String username);

}
