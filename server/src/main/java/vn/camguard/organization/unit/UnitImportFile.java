package vn.camguard.organization.unit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

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

	/**
	 * The import template: the header and two example rows, a district under the province and a
	 * commune under that district, with kinds named as an officer says them. CSV is UTF-8 with a
	 * BOM (so Excel shows Vietnamese); XLSX has the same rows as text cells.
	 */
	public static void writeTemplate(boolean xlsx, String provinceCode, OutputStream out) throws IOException {
		List<List<String>> rows = List.of(COLUMNS,
				List.of(provinceCode + "-DT", "Huyện Đại Từ", "Huyện", provinceCode),
				List.of(provinceCode + "-DT-HS", "Xã Hùng Sơn", "Xã", provinceCode + "-DT"));
		if (xlsx) {
			Workbook workbook = new Workbook(out, "CamGuard", "1.0");
			Worksheet sheet = workbook.newWorksheet("units");
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					sheet.inlineString(r, c, rows.get(r).get(c));
				}
			}
			workbook.finish();
			return;
		}
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
		for (List<String> row : rows) {
			printer.printRecord(row);
		}
		printer.flush();
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
