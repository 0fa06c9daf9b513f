package vn.camguard.products;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Which requirement groups of the catalogue in force a scanner check speaks to, for features that show scan results
 * against the regulation (network monitoring's findings). A check may test items of several groups.
 */
public interface RequirementGroups {

	/** The catalogue in force on the day (the latest to come into force, if two overlap); empty when none is. */
	CheckGroups inForceOn(LocalDate day);

	/**
	 * @param catalogueCode  the catalogue's code, e.g. {@code QCVN11_2026_BCA}; null when none is in force
	 * @param groupsByCheck  each scanner check id with the codes of the groups whose items it tests, in catalogue order
	 */
	record CheckGroups(String catalogueCode, Map<String, List<String>> groupsByCheck) {

		public CheckGroups {
			groupsByCheck = Map.copyOf(groupsByCheck);
		}

		public static CheckGroups none() {
			return new CheckGroups(null, Map.of());
		}

		/** e.g. {@code QCVN11_2026_BCA 5, 6}; null when the check tests no item of the catalogue. */
		public String label(String checkId) {
			List<String> groups = checkId == null ? null : groupsByCheck.get(checkId);
			return groups == null || groups.isEmpty() ? null : catalogueCode + " " + String.join(", ", groups);
		}

	}

}
