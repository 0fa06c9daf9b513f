package vn.camguard.organization.unit;

/**
 * One broken rule, as a message key so that pages and the API answer in the caller's language.
 *
 * @param row row number in an import file (header = row 1), or 0 for a form or API call
 * @param field the field, e.g. {@code code}
 * @param code message key suffix under {@code unit.error.}
 * @param value the offending value, shortened, or null
 */
public record UnitProblem(int row, String field, String code, String value) {

	public UnitProblem {
		if (value != null && value.length() > 60) {
			value = value.substring(0, 60) + "…";
		}
	}

	public String messageKey() {
		return "unit.error." + code;
	}

}
