package vn.camguard.organization.unit;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import vn.camguard.shared.spreadsheet.TabularFile;
import vn.camguard.shared.spreadsheet.UploadLimits;

/**
 * Reads a unit tree file (CSV or XLSX, first sheet) with the columns {@code code, name, kind,
 * parent_code} named in a header row. Rows are numbered as a spreadsheet shows them (header = 1).
 */
public final class UnitImportFile {

	/** More rows than a province has units; a bigger file is refused rather than read. */
	public static final int MAX_ROWS = 5000;

	static final List<String> COLUMNS = List.of("code", "name", "kind", "parent_code");

	/**
	 * Cells are cut to a length no valid value reaches, so a huge cell cannot bloat error reports;
	 * blank CSV lines keep their numbers so that rows are the lines a spreadsheet shows.
	 */
	private static final TabularFile FILE = new TabularFile(1000, TabularFile.BlankLines.COUNTED);

	private UnitImportFile() {
	}

	/** A data row of the file. */
	public record UnitRow(int row, UnitDraft draft) {
	}

	/** Reads the file with the default upload limits. */
	public static List<UnitRow> read(String filename, InputStream in) {
		return read(filename, in, UploadLimits.DEFAULTS);
	}

	/** Reads the file; one past the limits is refused with the limit it passed as the problem's value. */
	public static List<UnitRow> read(String filename, InputStream in, UploadLimits limits) {
		Rows rows = new Rows();
		try {
			FILE.withLimits(limits).read(filename, in, rows);
		}
		catch (TabularFile.Unreadable unreadable) {
			throw new UnitRuleViolation(unreadable.limitExceeded()
					? new UnitProblem(0, "file", unreadable.code(), unreadable.limit())
					: new UnitProblem(0, "file", "unreadable", null));
		}
		if (rows.header == null) {
			throw new UnitRuleViolation(new UnitProblem(1, "file", "missing-header", null));
		}
		return rows.read;
	}

	/** The header row, then the data rows of one file. */
	private static final class Rows implements Consumer<TabularFile.Row> {

		private Map<String, Integer> header;

		private final List<UnitRow> read = new ArrayList<>();

		@Override
		public void accept(TabularFile.Row row) {
			if (header == null) {
				header = new HashMap<>();
				for (int i = 0; i < row.cells().size(); i++) {
					header.put(row.cells().get(i).strip().toLowerCase(Locale.ROOT), i);
				}
				for (String column : COLUMNS) {
					if (!header.containsKey(column)) {
						throw new UnitRuleViolation(new UnitProblem(1, column, "missing-column", null));
					}
				}
				return;
			}
			if (read.size() >= MAX_ROWS) {
				throw new UnitRuleViolation(new UnitProblem(row.number(), "file", "too-many-rows", null));
			}
			read.add(new UnitRow(row.number(), new UnitDraft(value(row, "code"), value(row, "name"),
					value(row, "kind"), value(row, "parent_code"))));
		}

		private String value(TabularFile.Row row, String column) {
			int index = header.get(column);
			return index < row.cells().size() ? row.cells().get(index).strip() : null;
		}

	}

}
