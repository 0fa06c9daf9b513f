package vn.camguard.organization.unit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * A unit of the tree: a department, district, commune or outside organisation, or the province.
 *
 * @param parentId null for the province
 * @param mergedIntoId the unit this one was merged into (then it is closed), or null
 * @param mergedOn the date of that merge, or null
 */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId, boolean active,
		OffsetDateTime createdAt, Long mergedIntoId, LocalDate mergedOn) {

	public Unit(long id, String code, String name, UnitKind kind, Long parentId, boolean active,
			OffsetDateTime createdAt) {
		this(id, code, name, kind, parentId, active, createdAt, null, null);
	}

	/** Closed for good by a merge: kept for history, never selectable for new data. */
	public boolean merged() {
		return mergedIntoId != null;
	}

	public UnitRef ref() {
		return new UnitRef(id, code, name, kind.name(), parentId, active);
	}

	/** What the audit log keeps about a unit. */
	public UnitRef audited() {
		return ref();
	}

}
