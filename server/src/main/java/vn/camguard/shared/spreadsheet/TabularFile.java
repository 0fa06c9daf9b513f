package vn.camguard.shared.spreadsheet;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.stream.XMLStreamException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded table, CSV (UTF-8, optional BOM, {@code ,} or {@code ;}) or XLSX (first sheet),
 * row by row, handing each non-empty row with its 1-based row number to a consumer. The format is
 * told by the content (XLSX is a ZIP); a file name can only refuse a non-XLSX ".xlsx". Cells are
 * cut at {@code maxCellChars} and rows at {@value #MAX_COLUMNS} cells. Rows are numbered as a
 * spreadsheet program shows them, except that in a CSV file blank lines count only if
 * {@code blankLines} says so. A file past one of the {@code limits} (size, inflated size, cell,
 * shared strings, rows, columns, CSV record length) is refused while it is read, before the reader
 * holds what is past the limit. Holds no business rule: callers give the columns their meaning.
 *
 * @param maxCellChars the length a cell is cut at, more than any valid value of the caller needs
 * @param blankLines whether blank CSV lines take a row number
 * @param limits what an upload may hold at most
 */
public record TabularFile(int maxCellChars, BlankLines blankLines, UploadLimits limits) {

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

	/** The file is not readable as CSV or XLSX, or is past a limit; the code says why. */
	public static final class Unreadable extends Exception {

		private final String code;

		private final String limit;

		Unreadable(String code, String limit, Throwable cause) {
			super(code, cause);
			this.code = code;
			this.limit = limit;
		}

		/**
		 * {@code file-xls} (old binary Excel), {@code file-encoding} (not UTF-8), {@code file-unreadable},
		 * or a limit passed: {@code file-too-large}, {@code file-expanded-too-large},
		 * {@code file-compression-ratio}, {@code file-cell-too-long}, {@code file-shared-strings},
		 * {@code file-shared-text}, {@code file-too-many-rows}, {@code file-too-many-columns},
		 * {@code file-line-too-long}, {@code file-xml-limit}.
		 */
		public String code() {
			return code;
		}

		/** The limit passed, as shown to the user (e.g. {@code 32767} or {@code 300 MB}); null if no limit was. */
		public String limit() {
			return limit;
		}

		/** Whether a limit refused the file (rather than its format). */
		public boolean limitExceeded() {
			return limit != null;
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
		if (maxCellChars < 1 || blankLines == null || limits == null) {
			throw new IllegalArgumentException("a cell length of at least 1, a blank-line rule and limits are needed");
		}
	}

	/** A reader with the default limits. */
	public TabularFile(int maxCellChars, BlankLines blankLines) {
		this(maxCellChars, blankLines, UploadLimits.DEFAULTS);
	}

	/** The same reader with other limits. */
	public TabularFile withLimits(UploadLimits other) {
		return new TabularFile(maxCellChars, blankLines, other);
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
			if (blank(row.cells())) {
				return;
			}
			List<String> cells = new ArrayList<>(row.cells().size());
			for (String cell : row.cells()) {
				cells.add(bounded(cell));
			}
			try {
				consumer.accept(new Row(row.number(), cells));
			}
			catch (StopReading stop) {
				throw stop;
			}
			catch (RuntimeException ex) {
				throw new ConsumerFailed(ex);
			}
		};
		BufferedInputStream in = new BufferedInputStream(new CountedUpload(input), 64 * 1024);
		try {
			in.mark(8);
			byte[] head = in.readNBytes(4);
			in.reset();
			if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
				readXlsx(in, rows);
			}
			else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
				throw new Unreadable("file-xls", null, null);
			}
			else if (xlsxPromised) {
				throw new Unreadable("file-unreadable", null, null);
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
		catch (IOException | XMLStreamException | RuntimeException ex) {
			throw unreadable(ex);
		}
	}

	/** What a parser's failure means to the user; a malformed XLSX fails deep inside in many ways. */
	private static Unreadable unreadable(Exception ex) {
		LimitExceeded limit = LimitExceeded.in(ex);
		if (limit != null) {
			return new Unreadable(limit.code(), limit.limit(), ex);
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CharacterCodingException) {
				return new Unreadable("file-encoding", null, ex);
			}
			// the XML parser's own bounds (attribute length, text length, nesting) say "limit"
			if ((t instanceof XMLStreamException || t.getClass().getName().startsWith("com.ctc.wstx."))
					&& t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("limit")) {
				return new Unreadable("file-xml-limit", "", ex);
			}
		}
		return new Unreadable("file-unreadable", null, ex);
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
		BoundedRecords bounded = new BoundedRecords(reader);
		try (CSVParser parser = CSVParser.parse(bounded, format)) {
			Iterator<CSVRecord> records = parser.iterator();
			int number = 0;
			while (records.hasNext()) {
				CSVRecord record = records.next();
				bounded.recordRead();
				if (++number > limits.maxRows()) {
					throw new LimitExceeded("file-too-many-rows", limits.maxRows());
				}
				if (record.size() > limits.maxColumns()) {
					throw new LimitExceeded("file-too-many-columns", limits.maxColumns());
				}
				List<String> cells = new ArrayList<>(Math.min(record.size(), MAX_COLUMNS));
				for (int i = 0; i < record.size(); i++) {
					String cell = record.get(i);
					if (cell.length() > limits.maxCellChars()) {
						throw new LimitExceeded("file-cell-too-long", limits.maxCellChars());
					}
					if (i < MAX_COLUMNS) {
						cells.add(cell);
					}
				}
				rows.accept(new Row(number, cells));
			}
		}
	}

	/**
	 * An XLSX is read from a copy on disk: its parts can be in any order in the ZIP (Excel writes the
	 * shared strings after the sheets), so they are opened by name rather than streamed in order.
	 */
	private void readXlsx(InputStream in, Consumer<Row> rows) throws IOException, XMLStreamException {
		Path copy = Files.createTempFile("camguard-upload-", ".xlsx");
		try {
			try (OutputStream out = Files.newOutputStream(copy)) {
				in.transferTo(out);
			}
			try (XlsxFile xlsx = new XlsxFile(copy, limits)) {
				xlsx.readFirstSheet(MAX_COLUMNS, rows);
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	/** The upload itself, refused past its size limit. */
	private final class CountedUpload extends FilterInputStream {

		private long count;

		CountedUpload(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) {
			count += n;
			if (count > limits.maxFileSize().toBytes()) {
				throw new LimitExceeded("file-too-large", XlsxFile.megabytes(limits.maxFileSize().toBytes()));
			}
		}

	}

	/**
	 * The characters of one CSV record, counted as the parser takes them and refused past the limit:
	 * the parser would otherwise build a field of any length in memory. The count starts anew after
	 * each record and may include the parser's read-ahead, so it errs on the safe side by a buffer.
	 */
	private final class BoundedRecords extends FilterReader {

		private long count;

		BoundedRecords(Reader in) {
			super(in);
		}

		void recordRead() {
			count = 0;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c >= 0) {
				counted(1);
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, Math.min(length, 8192));
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) {
			count += n;
			if (count > limits.maxLineChars() + 16_384L) {
				throw new LimitExceeded("file-line-too-long", limits.maxLineChars());
			}
		}

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
