package vn.camguard.inventory.domain;

import java.util.List;

/** The trimming and length rule every free-text inventory field follows. */
final class Texts {

	private Texts() {
	}

	static String clean(String field, String value, int maxLength, boolean required, List<InvalidValue> problems) {
		String clean = value == null || value.isBlank() ? null : value.strip();
		if (clean == null) {
			if (required) {
				problems.add(new InvalidValue(field, "required", null));
			}
			return null;
		}
		if (clean.length() > maxLength) {
			problems.add(new InvalidValue(field, "too-long", clean));
			return clean.substring(0, maxLength);
		}
		if (clean.chars().anyMatch(Character::isISOControl)) {
			problems.add(new InvalidValue(field, "control-chars", clean));
		}
		return clean;
	}

}
