package vn.camguard.organization;

import java.util.List;
import java.util.Map;

/**
 * What a feature does when one unit is merged into another (the 2025 reorganisation: districts
 * abolished, communes merged). Each feature owns its tables, so each declares a bean of this type for
 * the rows its units own; the organization module calls every one of them inside the merge's single
 * transaction, after it re-hung the child units, so that a refusal or a failure in any feature leaves
 * nothing half-moved.
 */
public interface UnitTransfer {

	/** Position in the merge, lower first (and in the preview's list of counts). */
	int order();

	/**
	 * The rows the unit owns that a merge would move, per table, for the preview and the audit log.
	 *
	 * @return table name to row count, in the order to show them
	 */
	Map<String, Long> count(long unitId);

	/**
	 * What stops moving the rows of one unit to the other, e.g. a system name both units use, which
	 * must be unique per unit. Empty when nothing does.
	 */
	default List<UnitMergeConflict> conflicts(long fromUnitId, long toUnitId) {
		return List.of();
	}

	/**
	 * Moves every row the first unit owns to the second.
	 *
	 * @return table name to rows moved
	 * @throws UnitMergeConflict when a row cannot move (the whole merge is then rolled back)
	 */
	Map<String, Long> move(long fromUnitId, long toUnitId);

}
