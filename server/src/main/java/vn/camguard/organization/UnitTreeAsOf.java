package vn.camguard.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The unit tree as it stood at a past moment, for reports that must show the tree of their date
 * (before the 2025 reorganisation a commune hung under its district; after the merge it hangs under
 * the unit it was merged into, closed). Unchecked like {@link UnitDirectory}: callers pass the scope
 * they checked. Names are today's names.
 */
public interface UnitTreeAsOf {

	/** Dates mean the end of that day in the province's time zone. */
	ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/**
	 * The units of the scope that existed at the instant, in tree order (parents before children,
	 * siblings by code), each with the parent and depth it had then. The scope is today's: a unit
	 * merged into a unit of the scope is inside it, also for dates before the merge.
	 */
	List<UnitAsOf> within(UnitScope scope, Instant at);

	/** As {@link #within(UnitScope, Instant)} at the end of the day. */
	default List<UnitAsOf> within(UnitScope scope, LocalDate on) {
		return within(scope, endOf(on));
	}

	/** The unit and every unit under it at the instant (the unit included), e.g. to sum a report per unit. */
	Set<Long> subtree(long unitId, Instant at);

	/** The last moment of the day (a microsecond before midnight, the databases' precision). */
	static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(PROVINCE_ZONE).toInstant().minusNanos(1_000);
	}

	/**
	 * One unit of a past tree.
	 *
	 * @param parentId its parent at that moment, null for a root
	 * @param depth below the top of the returned tree
	 * @param mergedIntoId the unit it was merged into if that merge had happened by then, else null
	 * @param mergedOn the date of that merge, else null
	 */
	record UnitAsOf(long id, String code, String name, String kind, Long parentId, int depth, Long mergedIntoId,
			LocalDate mergedOn) {
	}

}
