package vn.camguard.inventory.application;

/**
 * One reason an import file was refused, tied to its row (the header is row 1).
 *
 * @param row row number in the file
 * @param column the column concerned, or null for the whole row/file
 * @param code message key suffix under {@code inventory.error.}
 * @param value the offending value (shortened), or null
 * @param otherRow for duplicates inside the file, the row that first used the value; else null
 */
public record ImportProblem(int row, String column, String code, String value, Integer otherRow) {

	public String messageKey() {
		return "inventory.error." + code;
	}

	/** Message arguments: {0} column, {1} value, {2} other row. */
	public Object[] messageArguments() {
		return new Object[] { column == null ? "" : column, value == null ? "" : value,
				otherRow == null ? "" : otherRow.toString() };
	}

}
