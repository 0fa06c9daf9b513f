package vn.camguard.inventory.application;

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
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded table, CSV (UTF-8, optional BOM, {@code ,} or {@code ;}) or XLSX (first sheet),
 * row by row, handing each non-empty row with its 1-based row number to a consumer. The format is
 * told by the content (XLSX is a ZIP), not by the file name. Cells are cut at a bounded length.
 */
final class DeviceFile {

	/** A row of cells and its number as a spreadsheet program would show it. */
	record RawRow(int number, List<String> cells) {
	}

	/** The file is not readable as CSV or XLSX; the message key says why. */
	static final class Unreadable extends Exception {

		private final String code;

		Unreadable(String code, Throwable cause) {
			super(code, cause);
			this.code = code;
		}

		String code() {
			return code;
		}

	}

	/** Stops reading once the consumer has had enough (e.g. too many rows). */
	static final class StopReading extends RuntimeException {

		StopReading() {
			super(null, null, false, false);
		}

	}

	/** Carries an exception of the consumer past the parser's own error handling. */
	private static final class ConsumerFailed extends RuntimeException {

		ConsumerFailed(RuntimeException cause) {
			super(cause);
		}

	}

	private static final int MAX_CELL_CHARS = 2_000;

	private static final int MAX_COLUMNS = 64;

	private DeviceFile() {
	}

	static void read(InputStream input, Consumer<RawRow> consumer) throws Unreadable {
		Consumer<RawRow> rows = row -> {
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

	private static void readCsv(InputStream in, Consumer<RawRow> rows) throws IOException {
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
			.setIgnoreEmptyLines(true)
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
					rows.accept(new RawRow(number, cells));
				}
			}
		}
	}

	private static void readXlsx(InputStream in, Consumer<RawRow> rows) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(in); Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
			Iterator<Row> iterator = sheet.iterator();
			while (iterator.hasNext()) {
				Row row = iterator.next();
				int width = Math.min(row.getCellCount(), MAX_COLUMNS);
				List<String> cells = new ArrayList<>(width);
				for (int i = 0; i < width; i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? "" : bounded(text(cell)));
				}
				if (!blank(cells)) {
					rows.accept(new RawRow(row.getRowNum(), cells));
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

	private static String bounded(String value) {
		return value.length() > MAX_CELL_CHARS ? value.substring(0, MAX_CELL_CHARS) : value;
	}

	private static int count(String text, char c) {
		return (int) text.chars().filter(ch -> ch == c).count();
	}

}
