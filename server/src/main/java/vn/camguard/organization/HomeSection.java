package vn.camguard.organization;

import java.util.Optional;

/**
 * A section of the home page rendered by a template fragment of another module (e.g. the province
 * dashboard): the home page depends on no module but {@code organization}, so a module declares a bean
 * of this type.
 */
public interface HomeSection {

	/** Position on the page, lower first. */
	int order();

	/** The section for the signed-in caller, or empty when the caller may not see it. */
	Optional<Section> section();

	/**
	 * @param template the template holding the fragment, e.g. {@code levels/dashboard}
	 * @param fragment the fragment's name; it reads its data as {@code ${section.value}}
	 * @param value what the fragment shows
	 */
	record Section(String template, String fragment, Object value) {
	}

}
