package vn.camguard.shared.spreadsheet;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A column of an import file, implemented by the enum that lists a file's columns: its header is the
 * constant's name in lower case, matched case-insensitively and with spaces taken as underscores, so
 * the columns may come in any order.
 */
public interface HeaderColumn {

	/** The enum constant's name. */
	String name();

	/** Whether a file without this column is refused. */
	boolean required();

	/** The header text, e.g. {@code unit_code}. */
	default String header() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The column of {@code type} a header cell names, if any. */
	static <C extends Enum<C> & HeaderColumn> Optional<C> fromHeader(Class<C> type, String header) {
		String wanted = header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
		for (C column : type.getEnumConstants()) {
			if (column.header().equals(wanted)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

	/**
	 * The columns a file's header row names, by cell index. An unknown header, a column named twice
	 * and a missing required column are each reported; blank header cells are skipped.
	 */
	static <C extends Enum<C> & HeaderColumn> Map<Integer, C> read(Class<C> type, TabularFile.Row header,
			Problems problems) {
		Map<Integer, C> columns = new HashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			String text = header.cells().get(i);
			if (text.isBlank()) {
				continue;
			}
			Optional<C> column = fromHeader(type, text);
			if (column.isEmpty()) {
				problems.report(header.number(), text.strip(), "column-unknown", text.strip());
			}
			else if (columns.containsValue(column.get())) {
				problems.report(header.number(), column.get().header(), "column-twice", text.strip());
			}
			else {
				columns.put(i, column.get());
			}
		}
		for (C column : type.getEnumConstants()) {
			if (column.required() && !columns.containsValue(column)) {
				problems.report(header.number(), column.header(), "column-missing", column.header());
			}
		}
		return columns;
	}

	/**
	 * A data row's cells by the columns {@link #read} found, an absent cell as empty text; a value
	 * the export kept from running as a formula comes back without its apostrophe.
	 */
	static <C extends Enum<C> & HeaderColumn> Map<C, String> cells(Class<C> type, Map<Integer, C> columns,
			TabularFile.Row row) {
		Map<C, String> values = new EnumMap<>(type);
		columns.forEach((index, column) -> values.put(column,
				index < row.cells().size() ? SpreadsheetCell.imported(row.cells().get(index)) : ""));
		return values;
	}

	/** Where {@link #read} reports what is wrong with a header row. */
	@FunctionalInterface
	interface Problems {

		void report(int row, String column, String code, String value);

	}

}
