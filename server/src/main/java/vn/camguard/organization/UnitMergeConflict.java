package vn.camguard.organization;

/**
 * A row that cannot move from a merged unit to its target, e.g. two systems of the same name. Thrown
 * inside the merge's transaction, it rolls the whole merge back.
 *
 * @see UnitTransfer
 */
public class UnitMergeConflict extends RuntimeException {

	private final String table;

	private final String value;

	/**
	 * @param table the table of the row, e.g. {@code inventory_system}
	 * @param value what clashes, as users know it (e.g. the system's name)
	 */
	public UnitMergeConflict(String table, String value) {
		super("cannot move " + table + " row: " + value);
		this.table = table;
		this.value = value;
	}

	public String table() {
		return table;
	}

	public String value() {
		return value;
	}

}
