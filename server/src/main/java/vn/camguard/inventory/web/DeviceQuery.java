package vn.camguard.inventory.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

import vn.camguard.inventory.application.InventoryManagement;
import vn.camguard.inventory.domain.DeviceFilter;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceSort;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.organization.UnitDirectory.UnitRef;

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
		Map<String, Object> params = parameters();
		if (!"page".equals(name)) {
			params.remove("page");
		}
		if (value == null || value.toString().isBlank()) {
			params.remove(name);
		}
		else {
			params.put(name, value);
		}
		return queryString(params);
	}

	/** The link that sorts by this column, toggling the direction when it already sorts by it. */
	public String sortedBy(String column) {
		boolean same = sortColumn() == DeviceSort.fromParameter(column);
		Map<String, Object> params = parameters();
		params.remove("page");
		params.put("sort", column);
		params.put("dir", same && ascending() ? "desc" : "asc");
		return queryString(params);
	}

	private static String queryString(Map<String, Object> params) {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		params.forEach(uri::queryParam);
		return uri.encode().build().toUriString();
	}

	private Map<String, Object> parameters() {
		Map<String, Object> params = new LinkedHashMap<>();
		put(params, "q", q);
		put(params, "unit", unit);
		put(params, "vendor", vendor);
		put(params, "system", system);
		put(params, "site", site);
		put(params, "status", status);
		put(params, "kind", kind);
		put(params, "sort", sort);
		put(params, "dir", dir);
		put(params, "page", page);
		put(params, "size", size);
		return params;
	}

	private static void put(Map<String, Object> params, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			params.put(name, value);
		}
	}

}
