package vn.camguard.monitoring.finding;

import java.util.Locale;

/** The columns the findings list sorts by; each ends with the id so pages never overlap. */
public enum FindingSort {
	LAST_SEEN("f.last_seen"), FIRST_SEEN("f.first_seen"), ADDRESS("f.address"), CHECK("f.check_id"),
	SEVERITY("CASE f.severity WHEN 'CRITICAL' THEN 5 WHEN 'HIGH' THEN 4 WHEN 'MEDIUM' THEN 3 WHEN 'LOW' THEN 2 ELSE 1 END"),
	STATUS("f.status"), TIMES_SEEN("f.times_seen");

	private final String expression;

	FindingSort(String expression) {
		this.expression = expression;
	}

	String expression() {
		return expression;
	}

	public String parameter() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static FindingSort fromParameter(String text) {
		if (text != null) {
			for (FindingSort sort : values()) {
				if (sort.parameter().equalsIgnoreCase(text.strip())) {
					return sort;
				}
			}
		}
		return LAST_SEEN;
	}
}
