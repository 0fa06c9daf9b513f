package vn.camguard.organization.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads a unit tree file (CSV or XLSX, first sheet) with the columns {@code code, name, kind,
 * parent_code} named in a header row. Rows are numbered as a spreadsheet shows them (header = 1).
 */
public final class UnitImportFile {

	/** More rows than a province has units; a bigger file is refused rather than read. */
	public static final int MAX_ROWS = 5000;

	static final List<String> COLUMNS = List.of("code", "name", "kind", "parent_code");

	private UnitImportFile() {
	}

	/** A data row of the file. */
	public record UnitRow(int row, UnitDraft draft) {
	}

	public static List<UnitRow> read(String filename, InputStream in) throws IOException {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		return name.endsWith(".xlsx") ? readXlsx(in) : readCsv(in);
	}

	static List<UnitRow> readCsv(InputStream in) throws IOException {
		Reader reader = withoutBom(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setTrim(true)
			// empty lines are kept (and skipped below) so that record numbers stay line numbers
			.setIgnoreEmptyLines(false)
			.setAllowMissingColumnNames(true)
			.get();
		List<UnitRow> rows = new ArrayList<>();
		try (CSVParser parser = format.parse(reader)) {
			Map<String, Integer> header = new HashMap<>();
			parser.getHeaderMap().forEach((k, v) -> header.put(k == null ? "" : k.strip().toLowerCase(Locale.ROOT), v));
			requireColumns(header);
			for (CSVRecord record : parser) {
				if (record.stream().allMatch(value -> value == null || value.isBlank())) {
					continue;
				}
				if (rows.size() >= MAX_ROWS) {
					throw new UnitRuleViolation(new UnitProblem(rows.size() + 2, "file", "too-many-rows", null));
				}
				int row = (int) record.getRecordNumber() + 1;
				rows.add(new UnitRow(row, new UnitDraft(value(record, header, "code"), value(record, header, "name"),
						value(record, header, "kind"), value(record, header, "parent_code"))));
			}
		}
		catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException ex) {
			throw new UnitRuleViolation(new UnitProblem(0, "file", "unreadable", null));
		}
		return rows;
	}

	static List<UnitRow> readXlsx(InputStream in) throws IOException {
		List<UnitRow> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
			Sheet sheet = workbook.getFirstSheet();
			Map<String, Integer> header = null;
			try (Stream<Row> stream = sheet.openStream()) {
				for (Row row : (Iterable<Row>) stream::iterator) {
					if (header == null) {
						header = new HashMap<>();
						for (int i = 0; i < row.getCellCount(); i++) {
							header.put(text(row, i).toLowerCase(Locale.ROOT), i);
						}
						requireColumns(header);
						continue;
					}
					if (isBlank(row)) {
						continue;
					}
					if (rows.size() >= MAX_ROWS) {
						throw new UnitRuleViolation(new UnitProblem(row.getRowNum(), "file", "too-many-rows", null));
					}
					rows.add(new UnitRow(row.getRowNum(), new UnitDraft(cell(row, header, "code"),
							cell(row, header, "name"), cell(row, header, "kind"), cell(row, header, "parent_code"))));
				}
			}
			if (header == null) {
				throw new UnitRuleViolation(new UnitProblem(1, "file", "missing-header", null));
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof UnitRuleViolation violation) {
				throw violation;
			}
			throw new UnitRuleViolation(new UnitProblem(0, "file", "unreadable", null));
		}
		return rows;
	}

	private static void requireColumns(Map<String, Integer> header) {
		for (String column : COLUMNS) {
			if (!header.containsKey(column)) {
				throw new UnitRuleViolation(new UnitProblem(1, column, "missing-column", null));
			}
		}
	}

	private static String value(CSVRecord record, Map<String, Integer> header, String column) {
		int index = header.get(column);
		return index < record.size() ? bounded(record.get(index)) : null;
	}

	private static String cell(Row row, Map<String, Integer> header, String column) {
		int index = header.get(column);
		return index < row.getCellCount() ? bounded(text(row, index)) : null;
	}

	private static String text(Row row, int index) {
		String text = row.getCellText(index);
		return text == null ? "" : text.strip();
	}

	private static boolean isBlank(Row row) {
		for (int i = 0; i < row.getCellCount(); i++) {
			if (!text(row, i).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/** Cells are cut to a length no valid value reaches, so a huge cell cannot bloat error reports. */
	private static String bounded(String value) {
		return value != null && value.length() > 1000 ? value.substring(0, 1000) : value;
	}

	private static Reader withoutBom(Reader reader) throws IOException {
		PushbackReader pushback = new PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

}
