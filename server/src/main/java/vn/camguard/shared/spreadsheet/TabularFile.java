package vn.camguard.shared.spreadsheet;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Reads an uploaded table, CSV (UTF-8, optional BOM, {@code ,} or {@code ;}) or XLSX (first sheet),
 * row by row, handing each non-empty row with its 1-based row number to a consumer. The format is
 * told by the content (XLSX is a ZIP); a file name can only refuse a non-XLSX ".xlsx". Cells are
 * cut at {@code maxCellChars} and rows at {@value #MAX_COLUMNS} cells. Rows are numbered as a
 * spreadsheet program shows them, except that in a CSV file blank lines count only if
 * {@code blankLines} says so. Holds no business rule: callers give the columns their meaning.
 *
 * @param maxCellChars the length a cell is cut at, more than any valid value of the caller needs
 * @param blankLines whether blank CSV lines take a row number
 */
public record TabularFile(int maxCellChars, BlankLines blankLines) {

	/** How blank lines of a CSV file count in the row numbers. */
	public enum BlankLines {

		/** Like a spreadsheet program: the row after a blank line has the line's number. */
		COUNTED,

		/** A blank line takes no number: rows are numbered as the records they are. */
		NOT_COUNTED

	}

	/** A row of cells and its number as a spreadsheet program would show it. */
	public record Row(int number, List<String> cells) {
	}

	/** The file is not readable as CSV or XLSX; the code says why. */
	public static final class Unreadable extends Exception {

		private final String code;

		Unreadable(String code, Throwable cause) {
			super(code, cause);
			this.code = code;
		}

		/** {@code file-xls} (old binary Excel), {@code file-encoding} (not UTF-8) or {@code file-unreadable}. */
		public String code() {
			return code;
		}

	}

	/** Thrown by a consumer that has had enough (e.g. too many rows) to stop reading quietly. */
	public static final class StopReading extends RuntimeException {

		public StopReading() {
			super(null, null, false, false);
		}

	}

	/** Carries an exception of the consumer past the parser's own error handling. */
	private static final class ConsumerFailed extends RuntimeException {

		ConsumerFailed(RuntimeException cause) {
			super(cause);
		}

	}

	/** Cells past this column are dropped: no table read here has nearly as many columns. */
	public static final int MAX_COLUMNS = 64;

	public TabularFile {
		if (maxCellChars < 1 || blankLines == null) {
			throw new IllegalArgumentException("a cell length of at least 1 and a blank-line rule are needed");
		}
	}

	/**
	 * Reads a file whose name may promise XLSX: a file named {@code .xlsx} that is no XLSX is
	 * unreadable rather than taken for CSV. Other names leave the choice to the content.
	 */
	public void read(String fileName, InputStream input, Consumer<Row> consumer) throws Unreadable {
		boolean xlsxPromised = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
		read(input, xlsxPromised, consumer);
	}

	/** Reads the rows, telling CSV from XLSX by the content. */
	public void read(InputStream input, Consumer<Row> consumer) throws Unreadable {
		read(input, false, consumer);
	}

	private void read(InputStream input, boolean xlsxPromised, Consumer<Row> consumer) throws Unreadable {
		Consumer<Row> rows = row -> {
			try {
				consumer.accept(row);
			}
			catch (StopReading stop) {
				throw stop;
			}
			catch (RuntimeException ex) {
				throw new ConsumerFailed(ex);
			}
		};
		BufferedInputStream in = new BufferedInputStream(input, 64 * 1024);
		try {
			in.mark(8);
			byte[] head = in.readNBytes(4);
			in.reset();
			if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
				readXlsx(in, rows);
			}
			else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
				throw new Unreadable("file-xls", null);
			}
			else if (xlsxPromised) {
				throw new Unreadable("file-unreadable", null);
			}
			else {
				readCsv(in, rows);
			}
		}
		catch (StopReading stop) {
			// the consumer has seen enough rows
		}
		catch (ConsumerFailed failed) {
			// not the file's fault: let the caller see its own exception
			throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			Throwable cause = ex instanceof UncheckedIOException unchecked ? unchecked.getCause() : ex.getCause();
			if (ex instanceof CharacterCodingException || cause instanceof CharacterCodingException) {
				throw new Unreadable("file-encoding", ex);
			}
			throw new Unreadable("file-unreadable", ex);
		}
		catch (RuntimeException ex) {
			// a malformed XLSX can fail deep inside the reader in many ways; all mean the same to the user
			throw new Unreadable("file-unreadable", ex);
		}
	}

	private void readCsv(InputStream in, Consumer<Row> rows) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				64 * 1024);
		reader.mark(8192);
		char[] start = new char[8192];
		int length = Math.max(0, reader.read(start));
		reader.reset();
		String firstChunk = new String(start, 0, length);
		int lineEnd = firstChunk.indexOf('\n');
		String firstLine = lineEnd < 0 ? firstChunk : firstChunk.substring(0, lineEnd);
		if (firstLine.startsWith("\uFEFF")) {
			reader.skip(1);
			firstLine = firstLine.substring(1);
		}
		char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			// a kept empty line is a record of one empty cell, numbered and then skipped as blank
			.setIgnoreEmptyLines(blankLines == BlankLines.NOT_COUNTED)
			.setTrim(false)
			.get();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			Iterator<CSVRecord> records = parser.iterator();
			int number = 0;
			while (records.hasNext()) {
				CSVRecord record = records.next();
				number++;
				List<String> cells = new ArrayList<>(Math.min(record.size(), MAX_COLUMNS));
				for (int i = 0; i < record.size() && i < MAX_COLUMNS; i++) {
					cells.add(bounded(record.get(i)));
				}
				if (!blank(cells)) {
					rows.accept(new Row(number, cells));
				}
			}
		}
	}

	private void readXlsx(InputStream in, Consumer<Row> rows) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(in); Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
			Iterator<org.dhatim.fastexcel.reader.Row> iterator = sheet.iterator();
			while (iterator.hasNext()) {
				org.dhatim.fastexcel.reader.Row row = iterator.next();
				int width = Math.min(row.getCellCount(), MAX_COLUMNS);
				List<String> cells = new ArrayList<>(width);
				for (int i = 0; i < width; i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? "" : bounded(text(cell)));
				}
				if (!blank(cells)) {
					rows.accept(new Row(row.getRowNum(), cells));
				}
			}
		}
	}

	private static String text(Cell cell) {
		if (cell.getRawValue() == null) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER) {
			// 554 is stored as "554" or "554.0" depending on the writer; a date as its day number
			return cell.asNumber().stripTrailingZeros().toPlainString();
		}
		return cell.getText();
	}

	private static boolean startsWith(byte[] head, int... signature) {
		if (head.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((head[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean blank(List<String> cells) {
		return cells.stream().allMatch(String::isBlank);
	}

	private String bounded(String value) {
		return value.length() > maxCellChars ? value.substring(0, maxCellChars) : value;
	}

	private static int count(String text, char c) {
		return (int) text.chars().filter(ch -> ch == c).count();
	}

}
