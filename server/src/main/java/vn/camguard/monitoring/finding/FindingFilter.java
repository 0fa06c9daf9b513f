package vn.camguard.monitoring.finding;

/**
 * What a findings list is narrowed to, on top of the caller's scope; every part optional.
 *
 * @param unitId       an organisation and its subtree
 * @param range        an address range
 * @param address      one device address, exactly
 * @param checkId      one scanner check
 * @param severity     one severity
 * @param state        where the findings stand ({@link FindingState#OPEN} includes expired accepted risks)
 * @param minAgeDays   first seen at least this many days ago
 * @param maxAgeDays   first seen at most this many days ago
 * @param overdueOnly  only open findings past their severity's days to fix
 */
public record FindingFilter(Long unitId, AddressRange range, String address, String checkId, Severity severity,
		FindingState state, Integer minAgeDays, Integer maxAgeDays, boolean overdueOnly) {

	public static FindingFilter none() {
		return new FindingFilter(null, null, null, null, null, null, null, null, false);
	}

}
