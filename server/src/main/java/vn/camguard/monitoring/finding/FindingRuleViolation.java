package vn.camguard.monitoring.finding;

/** A request the findings rules refuse (bad filter, action not allowed from the finding's status, missing reason);
 * {@code field} names what was wrong and {@code code} why, for a message key {@code findings.error.<code>}. */
public class FindingRuleViolation extends RuntimeException {

	private final String field;

	private final String code;

	public FindingRuleViolation(String field, String code) {
		super(field + ": " + code);
		this.field = field;
		this.code = code;
	}

	public String field() {
		return field;
	}

	public String code() {
		return code;
	}

}
