package vn.camguard.organization;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of the unit tree a caller reaches for one permission: the units it was granted on,
 * each standing for its whole subtree. Queries expand the roots through the closure table
 * {@code organization_unit_closure(ancestor_id, descendant_id, depth)}, for example
 * {@code unit_id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (:roots))}
 * (or with {@link #sqlIdList()} spliced in place of {@code :roots}),
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

	/**
	 * The root ids as a comma-separated SQL list, e.g. {@code 3,17}, safe to splice into SQL because
	 * they are numbers. Splicing beats binding here: PostgreSQL's generic plan for a bound IN list
	 * misjudges its size and scans every unit. Only call on a non-empty scope.
	 */
	public String sqlIdList() {
		return sqlIdList(rootUnitIds);
	}

	/** As {@link #sqlIdList()} for any set of unit ids. */
	public static String sqlIdList(Collection<Long> ids) {
		if (ids.isEmpty()) {
			throw new IllegalArgumentException("an empty IN list is not valid SQL");
		}
		return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

}
