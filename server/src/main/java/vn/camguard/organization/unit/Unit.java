package vn.camguard.organization.unit;

import java.time.OffsetDateTime;

import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * A unit of the tree: a department, district, commune or outside organisation, or the province.
 *
 * @param parentId null for the province
 */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId, boolean active,
		OffsetDateTime createdAt) {

	public UnitRef ref() {
		return new UnitRef(id, code, name, kind.name(), parentId, active);
	}

	/** What the audit log keeps about a unit. */
	public UnitRef audited() {
		return ref();
	}

}
