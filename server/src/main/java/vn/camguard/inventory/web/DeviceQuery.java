package vn.camguard.inventory.web;

import java.util.Optional;

import vn.camguard.inventory.application.InventoryManagement;
import vn.camguard.inventory.domain.DeviceFilter;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceSort;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.shared.web.ListLinks;

/**
 * The device list's query parameters, shared by the list page, its htmx fragment, the exports and
 * the REST list, so that every one of them filters the same way.
 *
 * @param q search text
 * @param unit unit code (the unit and its subtree)
 * @param vendor exact vendor
 * @param system information system id
 * @param site site id
 * @param status status
 * @param kind camera or recorder
 * @param sort sort column (see {@link DeviceSort})
 * @param dir {@code asc} or {@code desc}
 * @param page zero-based page
 * @param size page size (10..100)
 */
public record DeviceQuery(String q, String unit, String vendor, Long system, Long site, DeviceStatus status,
		DeviceKind kind, String sort, String dir, Integer page, Integer size) {

	static final int DEFAULT_SIZE = 25;

	static final int MAX_PAGE = 100_000;

	public DeviceSort sortColumn() {
		return DeviceSort.fromParameter(sort);
	}

	public boolean ascending() {
		return !"desc".equalsIgnoreCase(dir);
	}

	public int pageNumber() {
		return page == null || page < 0 ? 0 : Math.min(page, MAX_PAGE);
	}

	public int pageSize() {
		return size == null ? DEFAULT_SIZE : Math.max(10, Math.min(size, 100));
	}

	/** The filter, or empty when the unit code names no unit the caller may read. */
	public Optional<DeviceFilter> filter(InventoryManagement inventory) {
		Long unitId = null;
		if (unit != null && !unit.isBlank()) {
			Optional<UnitRef> found = inventory.readableUnit(unit);
			if (found.isEmpty()) {
				return Optional.empty();
			}
			unitId = found.get().id();
		}
		return Optional.of(new DeviceFilter(q, unitId, vendor, system, site, status, kind));
	}

	/** The query string for a link to this list with one parameter changed (null removes it). */
	public String with(String name, Object value) {
		return parameters().with(name, value);
	}

	/** The link that sorts by this column, toggling the direction when it already sorts by it. */
	public String sortedBy(String column) {
		boolean same = sortColumn() == DeviceSort.fromParameter(column);
		return parameters().sortedBy(column, same && ascending() ? "desc" : "asc");
	}

	private ListLinks parameters() {
		return new ListLinks().put("q", q)
			.put("unit", unit)
			.put("vendor", vendor)
			.put("system", system)
			.put("site", site)
			.put("status", status)
			.put("kind", kind)
			.put("sort", sort)
			.put("dir", dir)
			.put("page", page)
			.put("size", size);
	}

}
