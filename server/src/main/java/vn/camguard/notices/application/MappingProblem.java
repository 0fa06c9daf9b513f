package vn.camguard.notices.application;

/**
 * One reason a mapping file was refused.
 *
 * @param row file row (header is row 1; 0 for the whole file)
 * @param column the column's header, or null
 * @param code what is wrong, the last part of message key {@code notices.import.problem.<code>}
 * @param value the offending value as the file had it (shortened), or null
 * @param otherRow the row it clashes with, or null
 */
public record MappingProblem(int row, String column, String code, String value, Integer otherRow) {

	public String messageKey() {
		return "notices.import.problem." + code;
	}

}
