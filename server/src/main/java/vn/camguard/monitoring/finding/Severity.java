package vn.camguard.monitoring.finding;

import java.util.Locale;

/** The scanner's severities, worst first; a finding stores the name. */
public enum Severity {
	CRITICAL, HIGH, MEDIUM, LOW, INFO;

	public static Severity parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new FindingRuleViolation("severity", "unknown");
		}
	}

	/** The SARIF level a result of this severity gets. */
	public String sarifLevel() {
		return switch (this) {
			case CRITICAL, HIGH -> "error";
			case MEDIUM -> "warning";
			case LOW, INFO -> "note";
		};
	}
}
