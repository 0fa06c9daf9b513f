package vn.camguard.shared.spreadsheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes an exported table, header row first, streaming rows of text cells (a null cell stays empty).
 * CSV is UTF-8 with a BOM (Excel then reads Vietnamese correctly) and its cells go through
 * {@link SpreadsheetCell#safe}; XLSX cells are inline strings, which spreadsheets never evaluate
 * ({@link SpreadsheetCell#asText}), and memory stays flat however many rows are streamed.
 */
public final class TableExport {

	/** The row limit of one XLSX sheet, header excluded. */
	public static final int XLSX_MAX_ROWS = 1_048_575;

	private TableExport() {
	}

	/** Writes a CSV file; returns the number of rows written, header excluded. */
	public static long csv(List<String> headers, Iterator<List<String>> rows, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
		printer.printRecord(headers);
		long count = 0;
		while (rows.hasNext()) {
			for (String cell : rows.next()) {
				printer.print(SpreadsheetCell.safe(cell));
			}
			printer.println();
			count++;
		}
		printer.flush();
		return count;
	}

	/**
	 * Writes an XLSX file of one sheet; rows past {@link #XLSX_MAX_ROWS} are not read. Returns the
	 * number of rows written, header excluded.
	 */
	public static long xlsx(String sheetName, List<String> headers, Iterator<List<String>> rows, OutputStream out)
			throws IOException {
		Workbook workbook = new Workbook(out, "CamGuard", "1.0");
		Worksheet sheet = workbook.newWorksheet(sheetName);
		for (int c = 0; c < headers.size(); c++) {
			sheet.inlineString(0, c, headers.get(c));
		}
		int r = 0;
		while (rows.hasNext() && r < XLSX_MAX_ROWS) {
			List<String> row = rows.next();
			r++;
			for (int c = 0; c < row.size(); c++) {
				if (row.get(c) != null) {
					sheet.inlineString(r, c, SpreadsheetCell.asText(row.get(c)));
				}
			}
			if (r % 1_000 == 0) {
				sheet.flush();
			}
		}
		workbook.finish();
		return r;
	}

}
