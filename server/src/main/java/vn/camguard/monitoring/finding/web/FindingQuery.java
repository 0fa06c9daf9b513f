package vn.camguard.monitoring.finding.web;

import java.util.Optional;

import vn.camguard.monitoring.finding.AddressRange;
import vn.camguard.monitoring.finding.FindingFilter;
import vn.camguard.monitoring.finding.FindingReview;
import vn.camguard.monitoring.finding.FindingRuleViolation;
import vn.camguard.monitoring.finding.FindingSort;
import vn.camguard.monitoring.finding.FindingState;
import vn.camguard.monitoring.finding.Severity;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.shared.web.ListLinks;

/**
 * The findings list's query parameters, shared by the page, its htmx fragment, the exports and the REST list, so
 * that all of them filter the same way. Values stay text until {@link #filter} so that a bad one is reported and
 * the form keeps what was typed.
 *
 * @param unit     organisation code (with its subtree)
 * @param range    address range: CIDR, first-last, or one address
 * @param address  one device address
 * @param check    scanner check id
 * @param severity CRITICAL, HIGH, MEDIUM, LOW, INFO
 * @param state    OPEN, NEW, NOTIFIED, RISK_EXPIRED, FIXED, VERIFIED, ACCEPTED_RISK, FALSE_POSITIVE
 * @param minAge   first seen at least this many days ago
 * @param maxAge   first seen at most this many days ago
 * @param overdue  {@code true}: only open findings past their days to fix
 * @param sort     last-seen (default), first-seen, address, check, severity, status, times-seen
 * @param dir      asc or desc (default desc)
 * @param page     zero-based page
 * @param size     page size (10..200)
 */
public record FindingQuery(String unit, String range, String address, String check, String severity, String state,
		Integer minAge, Integer maxAge, Boolean overdue, String sort, String dir, Integer page, Integer size) {

	static final int DEFAULT_SIZE = 25;

	static final int MAX_PAGE = 100_000;

	public FindingSort sortColumn() {
		return FindingSort.fromParameter(sort);
	}

	public boolean ascending() {
		return "asc".equalsIgnoreCase(dir);
	}

	public int pageNumber() {
		return page == null || page < 0 ? 0 : Math.min(page, MAX_PAGE);
	}

	public int pageSize() {
		return size == null ? DEFAULT_SIZE : Math.max(10, Math.min(size, 200));
	}

	public boolean overdueOnly() {
		return Boolean.TRUE.equals(overdue);
	}

	/**
	 * The filter, or empty when the organisation code names none the caller may read.
	 * @throws FindingRuleViolation for a malformed value
	 */
	public Optional<FindingFilter> filter(FindingReview review) {
		Long unitId = null;
		if (unit != null && !unit.isBlank()) {
			Optional<UnitRef> found = review.readableUnit(unit);
			if (found.isEmpty()) {
				return Optional.empty();
			}
			unitId = found.get().id();
		}
		if (minAge != null && minAge < 0 || maxAge != null && maxAge < 0) {
			throw new FindingRuleViolation("age", "negative-age");
		}
		return Optional.of(new FindingFilter(unitId, AddressRange.parse(range), address, check, Severity.parse(severity),
				FindingState.parse(state), minAge, maxAge, overdueOnly()));
	}

	/** The query string for a link to this list with one parameter changed (null removes it). */
	public String with(String name, Object value) {
		return parameters().with(name, value);
	}

	/** The link that sorts by this column, toggling the direction when it already sorts by it. */
	public String sortedBy(String column) {
		boolean same = sortColumn() == FindingSort.fromParameter(column);
		return parameters().sortedBy(column, same && !ascending() ? "asc" : "desc");
	}

	private ListLinks parameters() {
		return new ListLinks().put("unit", unit)
			.put("range", range)
			.put("address", address)
			.put("check", check)
			.put("severity", severity)
			.put("state", state)
			.put("minAge", minAge)
			.put("maxAge", maxAge)
			.put("overdue", overdueOnly() ? Boolean.TRUE : null)
			.put("sort", sort)
			.put("dir", dir)
			.put("page", page)
			.put("size", size);
	}

}
