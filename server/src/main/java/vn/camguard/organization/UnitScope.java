package vn.camguard.organization;

import java.util.Set;

/**
 * The part of the unit tree a caller reaches for one permission: the units it was granted on,
 * each standing for its whole subtree. Queries expand the roots through the closure table
 * {@code organization_unit_closure(ancestor_id, descendant_id, depth)}, for example
 * {@code unit_id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (:roots))},
 * so a scope of a whole province stays one small list however many units it covers.
 *
 * @param rootUnitIds the granted units; empty means the caller reaches nothing
 */
public record UnitScope(Set<Long> rootUnitIds) {

	public UnitScope {
		rootUnitIds = Set.copyOf(rootUnitIds);
	}

	public static UnitScope none() {
		return new UnitScope(Set.of());
	}

	public boolean isEmpty() {
		return rootUnitIds.isEmpty();
	}

}
