package vn.camguard.organization;

import java.util.List;

/**
 * A signed-in person and the roles granted to it.
 *
 * @param userId database id of the user
 * @param username login name
 * @param grants each role with the unit it was granted on
 */
public record Caller(long userId, String username, List<Grant> grants) {

	public Caller {
		grants = List.copyOf(grants);
	}

	/** A role held on a unit and its subtree. */
	public record Grant(Role role, long unitId) {
	}

}
