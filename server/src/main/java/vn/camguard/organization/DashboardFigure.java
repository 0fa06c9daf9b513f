package vn.camguard.organization;

import java.util.Optional;

/**
 * One number on the home page (e.g. "units in your scope"). Any module adds figures by declaring a
 * bean of this type; it lives here because every module already depends on {@code organization}.
 */
public interface DashboardFigure {

	/** Position on the page, lower first. */
	int order();

	/** The figure for the signed-in caller, or empty when the caller may not see it. */
	Optional<Figure> figure();

	/**
	 * @param labelKey message key of the label
	 * @param value the number
	 * @param link page that lists what is counted, or null
	 */
	record Figure(String labelKey, long value, String link) {
	}

}
