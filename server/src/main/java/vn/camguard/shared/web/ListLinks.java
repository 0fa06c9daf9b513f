package vn.camguard.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The query strings of the links on a filtered, sorted and paged list: the list's current parameters,
 * in the order they are put, and the same with one of them changed. Blank values are left out.
 */
public final class ListLinks {

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** Adds a current parameter, unless its value is null or blank. */
	public ListLinks put(String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			params.put(name, value);
		}
		return this;
	}

	/**
	 * The query string with one parameter changed (null or blank removes it); any change but the page
	 * goes back to the first page.
	 */
	public String with(String name, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(params);
		if (!"page".equals(name)) {
			changed.remove("page");
		}
		if (value == null || value.toString().isBlank()) {
			changed.remove(name);
		}
		else {
			changed.put(name, value);
		}
		return queryString(changed);
	}

	/** The query string that sorts by a column in a direction, from the first page. */
	public String sortedBy(String column, String dir) {
		Map<String, Object> changed = new LinkedHashMap<>(params);
		changed.remove("page");
		changed.put("sort", column);
		changed.put("dir", dir);
		return queryString(changed);
	}

	private static String queryString(Map<String, Object> params) {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		params.forEach(uri::queryParam);
		return uri.encode().build().toUriString();
	}

}
