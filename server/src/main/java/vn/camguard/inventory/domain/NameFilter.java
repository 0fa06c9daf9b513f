package vn.camguard.inventory.domain;

/** What the system or site list is narrowed to: a name part and/or a unit subtree. */
public record NameFilter(String search, Long unitId) {

	public NameFilter {
		search = search == null || search.isBlank() ? null : search.strip();
		if (search != null && search.length() > 100) {
			search = search.substring(0, 100);
		}
	}

}
