package vn.camguard.shared.spreadsheet;

/** The rule that keeps a text cell of an exported CSV from running as a spreadsheet formula. */
public final class SpreadsheetCell {

	private SpreadsheetCell() {
	}

	/**
	 * The value a spreadsheet will show as text (CSV injection): one starting with {@code = + - @},
	 * a tab or a carriage return would be run as a formula, so it gets a leading apostrophe.
	 */
	public static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
