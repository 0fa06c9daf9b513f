package vn.camguard.organization.unit;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A new unit as a form, API call or import row states it, before it is checked.
 *
 * @param parentCode code of the parent unit
 */
public record UnitDraft(String code, String name, String kind, String parentCode) {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,49}");

	/** The code in its stored form (trimmed, upper case), or null when it is not a valid code. */
	public static String cleanCode(String code) {
		if (code == null) {
			return null;
		}
		String clean = code.strip().toUpperCase(Locale.ROOT);
		return CODE.matcher(clean).matches() ? clean : null;
	}

	/** A unit name trimmed, or null (with a problem added) when it is empty, too long or has control characters. */
	public static String cleanName(String name, int row, List<UnitProblem> problems) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			problems.add(new UnitProblem(row, "name", "required", null));
			return null;
		}
		if (clean.length() > 200) {
			problems.add(new UnitProblem(row, "name", "too-long", clean));
			return null;
		}
		if (clean.chars().anyMatch(Character::isISOControl)) {
			problems.add(new UnitProblem(row, "name", "control-chars", clean));
			return null;
		}
		return clean;
	}

}
