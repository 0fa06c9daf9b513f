package vn.camguard.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plain part of a {@link UnitTransfer}: tables whose rows belong to a unit through one column and
 * simply change owner. Table and column names come from the feature's code, never from input.
 *
 * @param columns each owned table with its owning column, in the order to count and move them
 */
public record UnitOwnedRows(JdbcClient jdbc, List<Column> columns) {

	public UnitOwnedRows {
		columns = List.copyOf(columns);
	}

	public static UnitOwnedRows of(JdbcClient jdbc, Column... columns) {
		return new UnitOwnedRows(jdbc, List.of(columns));
	}

	public Map<String, Long> count(long unitId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Column c : columns) {
			counts.put(c.table(), jdbc.sql("SELECT COUNT(*) FROM " + c.table() + " WHERE " + c.column() + " = :unit")
				.param("unit", unitId)
				.query(Long.class)
				.single());
		}
		return counts;
	}

	public Map<String, Long> move(long fromUnitId, long toUnitId) {
		Map<String, Long> moved = new LinkedHashMap<>();
		for (Column c : columns) {
			moved.put(c.table(), (long) jdbc
				.sql("UPDATE " + c.table() + " SET " + c.column() + " = :to WHERE " + c.column() + " = :from")
				.param("to", toUnitId)
				.param("from", fromUnitId)
				.update());
		}
		return moved;
	}

	/** A table and the column naming the unit that owns each row. */
	public record Column(String table, String column) {
	}

}
