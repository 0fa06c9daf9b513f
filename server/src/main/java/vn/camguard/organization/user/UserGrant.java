package vn.camguard.organization.user;

import vn.camguard.organization.Role;

/** A role held by a user on a unit and its subtree. */
public record UserGrant(long id, long userId, Role role, long unitId, String unitCode, String unitName) {

	public Audited audited() {
		return new Audited(id, userId, role, unitId);
	}

	public record Audited(long id, long userId, Role role, long unitId) {
	}

}
