package vn.camguard.shared.spreadsheet;

import java.util.regex.Pattern;

/**
 * The rule that keeps a text cell of an exported table from running as a spreadsheet formula, and
 * its inverse for a file that comes back: export, edit, import gives the values exported.
 */
public final class SpreadsheetCell {

	/**
	 * Values that start like a formula but are data a spreadsheet cannot run: a lone dash, a negative
	 * number, a phone number of a plus, digits and spaces. Without letters no function can be called.
	 */
	private static final Pattern PLAIN_DATA = Pattern.compile("-|-\\d+(?:[.,]\\d+)?|\\+\\d(?:[\\d ]*\\d)?");

	private SpreadsheetCell() {
	}

	/**
	 * The value a spreadsheet will show as text (CSV injection): one starting with {@code = + - @},
	 * a tab or a carriage return would be run as a formula, so it gets a leading apostrophe, unless it
	 * is plain data (see {@link #PLAIN_DATA}). A value whose apostrophes come before such a start gets
	 * one more, so that {@link #imported} gives every value back unchanged.
	 */
	public static String safe(String value) {
		return value != null && (runsAsFormula(value) || apostrophesBeforeFormulaStart(value)) ? "'" + value : value;
	}

	/**
	 * The value for a cell a spreadsheet keeps as text whatever it holds (an XLSX string cell): as
	 * it is, except that an apostrophe {@link #imported} would take away is doubled.
	 */
	public static String asText(String value) {
		return apostrophesBeforeFormulaStart(value) ? "'" + value : value;
	}

	/**
	 * A cell of an imported file without the one apostrophe that {@link #safe} or {@link #asText}
	 * put before it (or that earlier exports put before a dash or a phone number); any other value,
	 * apostrophes included, stays as it is.
	 */
	public static String imported(String value) {
		return apostrophesBeforeFormulaStart(value) ? value.substring(1) : value;
	}

	private static boolean runsAsFormula(String value) {
		return !value.isEmpty() && formulaStart(value.charAt(0)) && !PLAIN_DATA.matcher(value).matches();
	}

	private static boolean apostrophesBeforeFormulaStart(String value) {
		if (value == null || !value.startsWith("'")) {
			return false;
		}
		int start = 1;
		while (start < value.length() && value.charAt(start) == '\'') {
			start++;
		}
		return start < value.length() && formulaStart(value.charAt(start));
	}

	private static boolean formulaStart(char c) {
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

}
