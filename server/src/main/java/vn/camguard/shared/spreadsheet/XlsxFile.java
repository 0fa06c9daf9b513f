package vn.camguard.shared.spreadsheet;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * The first sheet of an XLSX file (a ZIP of XML parts), read part by part with a streaming XML
 * parser over streams that count what they inflate, so that no limit of {@link UploadLimits} is
 * passed before the file is refused: a cell, the shared-strings table, rows, columns, the inflated
 * size of a part and of the whole, and the compression ratio of each part. Only the parts that lead
 * to the first sheet are read: the package relationships, the workbook, its relationships, the
 * shared strings and the sheet.
 */
final class XlsxFile implements Closeable {

	/** Below this many inflated bytes a part is too small to matter, whatever its ratio. */
	private static final long RATIO_CHECKED_FROM = 1L << 20;

	/** Nesting of elements: sheets, rich text and relationships need about eight levels. */
	private static final int MAX_DEPTH = 64;

	private static final String OFFICE_DOCUMENT = "/officeDocument";

	private static final String SHARED_STRINGS = "/sharedStrings";

	private final ZipFile zip;

	private final long fileSize;

	private final UploadLimits limits;

	private final XMLInputFactory factory;

	/** The longest run of bytes without a delimiter of XML that a part may hold (a cell of 3-byte characters fits). */
	private final long maxRunBytes;

	private long inflated;

	XlsxFile(Path file, UploadLimits limits) throws IOException {
		this.zip = new ZipFile(file.toFile());
		this.fileSize = Files.size(file);
		this.limits = limits;
		this.maxRunBytes = 4L * limits.maxCellChars() + 4096;
		WstxInputFactory xml = new WstxInputFactory();
		xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		// text arrives in segments, so a long cell is counted while it is read, not after
		xml.setProperty(XMLInputFactory.IS_COALESCING, false);
		xml.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 65_536);
		xml.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 256);
		xml.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH + 1);
		xml.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, (int) Math.min(Integer.MAX_VALUE, maxRunBytes));
		this.factory = xml;
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}

	/** Hands each row of the first sheet (blank ones too) with its cells up to {@code keptColumns}. */
	void readFirstSheet(int keptColumns, Consumer<TabularFile.Row> rows) throws IOException, XMLStreamException {
		String workbook = relationshipTarget("_rels/.rels", "", null, OFFICE_DOCUMENT);
		if (workbook == null) {
			workbook = "xl/workbook.xml";
		}
		String sheetId = firstSheetId(workbook);
		String folder = folderOf(workbook);
		String relationships = folder + "_rels/" + workbook.substring(folder.length()) + ".rels";
		String sheet = relationshipTarget(relationships, folder, sheetId, null);
		if (sheet == null) {
			throw new IOException("the workbook names no first sheet");
		}
		String sharedStringsPart = relationshipTarget(relationships, folder, null, SHARED_STRINGS);
		SharedStrings strings = sharedStringsPart == null ? new SharedStrings(limits) : sharedStrings(sharedStringsPart);
		readSheet(sheet, strings, keptColumns, rows);
	}

	/** The target of the relationship with the id, or else of the first of the type; null if none. */
	private String relationshipTarget(String part, String folder, String id, String typeEnding)
			throws IOException, XMLStreamException {
		XMLStreamReader xml = open(part, false);
		if (xml == null) {
			return null;
		}
		try {
			Depth depth = new Depth();
			while (xml.hasNext()) {
				int event = depth.next(xml);
				if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")
						&& !"External".equals(xml.getAttributeValue(null, "TargetMode"))) {
					String type = xml.getAttributeValue(null, "Type");
					boolean wanted = id != null ? id.equals(xml.getAttributeValue(null, "Id"))
							: type != null && type.endsWith(typeEnding);
					String target = xml.getAttributeValue(null, "Target");
					if (wanted && target != null) {
						return resolve(folder, target);
					}
				}
			}
			return null;
		}
		finally {
			xml.close();
		}
	}

	private String firstSheetId(String workbook) throws IOException, XMLStreamException {
		XMLStreamReader xml = open(workbook, true);
		try {
			Depth depth = new Depth();
			while (xml.hasNext()) {
				if (depth.next(xml) == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheet")) {
					for (int i = 0; i < xml.getAttributeCount(); i++) {
						// r:id, in the transitional or the strict relationships namespace
						if (xml.getAttributeLocalName(i).equals("id") && xml.getAttributeNamespace(i) != null
								&& !xml.getAttributeNamespace(i).isEmpty()) {
							return xml.getAttributeValue(i);
						}
					}
					throw new IOException("a sheet without a relationship id");
				}
			}
			throw new IOException("a workbook without sheets");
		}
		finally {
			xml.close();
		}
	}

	private SharedStrings sharedStrings(String part) throws IOException, XMLStreamException {
		SharedStrings strings = new SharedStrings(limits);
		XMLStreamReader xml = open(part, false);
		if (xml == null) {
			// named but missing: a sheet that uses it fails on its first shared-string cell
			return strings;
		}
		try {
			Depth depth = new Depth();
			StringBuilder text = new StringBuilder();
			boolean inItem = false;
			boolean inText = false;
			int phonetic = 0;
			while (xml.hasNext()) {
				int event = depth.next(xml);
				if (event == XMLStreamConstants.START_ELEMENT) {
					switch (xml.getLocalName()) {
						case "si" -> {
							inItem = true;
							text.setLength(0);
						}
						case "rPh" -> phonetic++;
						case "t" -> inText = inItem && phonetic == 0;
						default -> {
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					switch (xml.getLocalName()) {
						case "si" -> {
							strings.add(text);
							inItem = false;
						}
						case "rPh" -> phonetic--;
						case "t" -> inText = false;
						default -> {
						}
					}
				}
				else if (inText && isText(event)) {
					append(text, xml);
				}
			}
			return strings;
		}
		finally {
			xml.close();
		}
	}

	private void readSheet(String part, SharedStrings strings, int keptColumns, Consumer<TabularFile.Row> rows)
			throws IOException, XMLStreamException {
		XMLStreamReader xml = open(part, true);
		try {
			Depth depth = new Depth();
			StringBuilder value = new StringBuilder();
			List<String> cells = null;
			int rowCount = 0;
			int rowNumber = 0;
			int cellCount = 0;
			int column = -1;
			String type = null;
			boolean inCell = false;
			boolean inInline = false;
			boolean collecting = false;
			int phonetic = 0;
			while (xml.hasNext()) {
				int event = depth.next(xml);
				if (event == XMLStreamConstants.START_ELEMENT) {
					switch (xml.getLocalName()) {
						case "row" -> {
							if (++rowCount > limits.maxRows()) {
								throw new LimitExceeded("file-too-many-rows", limits.maxRows());
							}
							String reference = xml.getAttributeValue(null, "r");
							rowNumber = reference == null ? rowNumber + 1 : rowNumber(reference);
							cells = new ArrayList<>();
							cellCount = 0;
							column = -1;
						}
						case "c" -> {
							if (cells != null) {
								if (++cellCount > limits.maxColumns()) {
									throw new LimitExceeded("file-too-many-columns", limits.maxColumns());
								}
								String reference = xml.getAttributeValue(null, "r");
								column = reference == null ? column + 1 : columnIndex(reference);
								type = xml.getAttributeValue(null, "t");
								value.setLength(0);
								inCell = true;
							}
						}
						case "v" -> collecting = inCell;
						case "is" -> inInline = inCell;
						case "rPh" -> phonetic++;
						case "t" -> collecting = inInline && phonetic == 0;
						default -> {
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					switch (xml.getLocalName()) {
						case "v", "t" -> collecting = false;
						case "is" -> inInline = false;
						case "rPh" -> phonetic--;
						case "c" -> {
							if (inCell && column < keptColumns) {
								while (cells.size() < column) {
									cells.add("");
								}
								String text = text(type, value, strings);
								if (column < cells.size()) {
									cells.set(column, text);
								}
								else {
									cells.add(text);
								}
							}
							inCell = false;
						}
						case "row" -> {
							if (cells != null) {
								rows.accept(new TabularFile.Row(rowNumber, cells));
							}
							cells = null;
						}
						default -> {
						}
					}
				}
				else if (collecting && isText(event)) {
					append(value, xml);
				}
			}
		}
		finally {
			xml.close();
		}
	}

	private static String text(String type, StringBuilder value, SharedStrings strings) throws IOException {
		if (type == null || type.equals("n")) {
			return number(value.toString());
		}
		if (type.equals("s")) {
			try {
				return strings.get(Integer.parseInt(value.toString().strip()));
			}
			catch (NumberFormatException ex) {
				throw new IOException("a shared-string cell without an index", ex);
			}
		}
		return value.toString();
	}

	/** 554 is stored as "554" or "554.0" depending on the writer; a date as its day number. */
	private static String number(String raw) {
		if (raw.isBlank()) {
			return "";
		}
		try {
			BigDecimal number = new BigDecimal(raw.strip());
			// 1E+999999999 is a short cell whose plain form would fill the memory
			if (Math.abs((long) number.scale()) > 1_000) {
				return raw;
			}
			return number.stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException ex) {
			return raw;
		}
	}

	private void append(StringBuilder text, XMLStreamReader xml) {
		int length = xml.getTextLength();
		if ((long) text.length() + length > limits.maxCellChars()) {
			throw new LimitExceeded("file-cell-too-long", limits.maxCellChars());
		}
		text.append(xml.getTextCharacters(), xml.getTextStart(), length);
	}

	private static boolean isText(int event) {
		return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
				|| event == XMLStreamConstants.SPACE;
	}

	/** {@code B12} gives 12; a row past the limit is refused like too many rows. */
	private int rowNumber(String reference) throws IOException {
		long number = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = reference.charAt(i);
			if (c < '0' || c > '9') {
				throw new IOException("a row reference that is no number");
			}
			number = number * 10 + (c - '0');
			if (number > limits.maxRows()) {
				throw new LimitExceeded("file-too-many-rows", limits.maxRows());
			}
		}
		if (number < 1) {
			throw new IOException("row 0");
		}
		return (int) number;
	}

	/** {@code AB12} gives 27 (0-based); a column past the limit is refused. */
	private int columnIndex(String reference) throws IOException {
		long column = 0;
		int i = 0;
		for (; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
			char c = Character.toUpperCase(reference.charAt(i));
			if (c < 'A' || c > 'Z') {
				throw new IOException("a cell reference with a letter that is no column");
			}
			column = column * 26 + (c - 'A' + 1);
			if (column > limits.maxColumns()) {
				throw new LimitExceeded("file-too-many-columns", limits.maxColumns());
			}
		}
		if (i == 0) {
			throw new IOException("a cell reference without a column");
		}
		return (int) column - 1;
	}

	private XMLStreamReader open(String part, boolean required) throws IOException, XMLStreamException {
		ZipEntry entry = zip.getEntry(part);
		if (entry == null || entry.isDirectory()) {
			if (required) {
				throw new IOException("no part " + part);
			}
			return null;
		}
		long compressed = entry.getCompressedSize() < 0 ? fileSize : Math.min(entry.getCompressedSize(), fileSize);
		return factory.createXMLStreamReader(new CountedPart(zip.getInputStream(entry), Math.max(compressed, 1)));
	}

	private static String folderOf(String part) {
		return part.substring(0, part.lastIndexOf('/') + 1);
	}

	/** A relationship target relative to the folder of its source part, or absolute from the package root. */
	static String resolve(String folder, String target) {
		String path = target.startsWith("/") ? target.substring(1) : folder + target;
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				segments.pollLast();
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				segments.addLast(segment);
			}
		}
		return String.join("/", segments);
	}

	/** Follows the element depth, refusing deep nesting and DTDs. */
	private static final class Depth {

		private int depth;

		int next(XMLStreamReader xml) throws XMLStreamException {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
				throw new LimitExceeded("file-xml-limit", MAX_DEPTH);
			}
			if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
			if (event == XMLStreamConstants.DTD) {
				throw new XMLStreamException("a DTD in a spreadsheet part");
			}
			return event;
		}

	}

	/**
	 * One inflating part, counted byte by byte against the limits: its own size, the whole file's,
	 * its ratio to the compressed size, and the longest run of bytes that could be one XML name (the
	 * parser bounds text and attribute values itself, but not names).
	 */
	private final class CountedPart extends FilterInputStream {

		private final long compressed;

		private long count;

		private long run;

		CountedPart(InputStream in, long compressed) {
			super(in);
			this.compressed = compressed;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(buffer, offset, n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			// skipped bytes would escape the count: read them instead
			byte[] buffer = new byte[(int) Math.min(n, 8192)];
			int read = read(buffer, 0, buffer.length);
			return Math.max(read, 0);
		}

		private void counted(byte[] buffer, int offset, int n) {
			count += n;
			inflated += n;
			if (count > limits.maxPartSize().toBytes()) {
				throw new LimitExceeded("file-expanded-too-large", megabytes(limits.maxPartSize().toBytes()));
			}
			if (inflated > limits.maxExpandedSize().toBytes()) {
				throw new LimitExceeded("file-expanded-too-large", megabytes(limits.maxExpandedSize().toBytes()));
			}
			if (count > RATIO_CHECKED_FROM && count / compressed > limits.maxCompressionRatio()) {
				throw new LimitExceeded("file-compression-ratio", limits.maxCompressionRatio());
			}
			for (int i = offset; i < offset + n; i++) {
				byte b = buffer[i];
				if (b == '<' || b == '>' || b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '=' || b == '"'
						|| b == '\'' || b == '/') {
					run = 0;
				}
				else if (++run > maxRunBytes) {
					throw new LimitExceeded("file-xml-limit", maxRunBytes);
				}
			}
		}

	}

	static String megabytes(long bytes) {
		return (bytes + (1L << 20) - 1) / (1L << 20) + " MB";
	}

	/**
	 * The shared-strings table, kept as characters in large blocks with an offset and a length per
	 * entry rather than as a String each (which would cost some 50 bytes more per entry).
	 */
	private static final class SharedStrings {

		private static final int BLOCK = 1 << 20;

		private final UploadLimits limits;

		private final List<char[]> blocks = new ArrayList<>();

		private int used = BLOCK;

		private int count;

		private long chars;

		private int[] block = new int[1024];

		private int[] start = new int[1024];

		private int[] length = new int[1024];

		SharedStrings(UploadLimits limits) {
			this.limits = limits;
		}

		void add(StringBuilder text) {
			if (count >= limits.maxSharedStrings()) {
				throw new LimitExceeded("file-shared-strings", limits.maxSharedStrings());
			}
			chars += text.length();
			if (chars > limits.maxSharedStringChars()) {
				throw new LimitExceeded("file-shared-text", limits.maxSharedStringChars());
			}
			if (count == block.length) {
				int grown = (int) Math.min((long) count * 2, limits.maxSharedStrings());
				block = Arrays.copyOf(block, grown);
				start = Arrays.copyOf(start, grown);
				length = Arrays.copyOf(length, grown);
			}
			if (blocks.isEmpty() || BLOCK - used < text.length()) {
				blocks.add(new char[Math.max(BLOCK, text.length())]);
				used = 0;
			}
			char[] current = blocks.getLast();
			text.getChars(0, text.length(), current, used);
			block[count] = blocks.size() - 1;
			start[count] = used;
			length[count] = text.length();
			used += text.length();
			count++;
		}

		String get(int index) throws IOException {
			if (index < 0 || index >= count) {
				throw new IOException("a shared-string index out of the table");
			}
			return new String(blocks.get(block[index]), start[index], length[index]);
		}

	}

}
