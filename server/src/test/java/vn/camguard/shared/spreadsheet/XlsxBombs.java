package vn.camguard.shared.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds XLSX files for tests part by part with {@link ZipOutputStream}, each part written by a
 * function into the compressing stream, so a part of gigabytes never sits in the test's memory.
 */
public final class XlsxBombs {

	/** Writes one part's XML into a stream. */
	@FunctionalInterface
	public interface PartWriter {

		void write(Writer xml) throws IOException;

	}

	static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

	static final String SHEET_END = "</sheetData></worksheet>";

	private final Map<String, PartWriter> parts = new LinkedHashMap<>();

	private XlsxBombs() {
	}

	/** A workbook with one sheet whose parts come in the usual order; the sheet is given. */
	public static XlsxBombs withSheet(PartWriter sheet) {
		XlsxBombs file = new XlsxBombs();
		file.part("[Content_Types].xml", xml -> xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"));
		file.part("_rels/.rels", xml -> xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
				+ "</Relationships>"));
		file.part("xl/workbook.xml", xml -> xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
				+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
				+ "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
		file.part("xl/_rels/workbook.xml.rels", xml -> xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
				+ "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
				+ "</Relationships>"));
		file.part("xl/worksheets/sheet1.xml", sheet);
		return file;
	}

	/** The sheet's rows between the usual start and end of a worksheet. */
	public static XlsxBombs withRows(PartWriter rows) {
		return withSheet(xml -> {
			xml.write(SHEET_START);
			rows.write(xml);
			xml.write(SHEET_END);
		});
	}

	/** A header row with the given columns, then one inline-string cell of {@code chars} times the letter A. */
	public static XlsxBombs inlineStringCell(long chars, String... header) {
		return withRows(xml -> {
			xml.write("<row r=\"1\">");
			for (String column : header.length == 0 ? new String[] { "code" } : header) {
				xml.write("<c t=\"inlineStr\"><is><t>" + column + "</t></is></c>");
			}
			xml.write("</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
			repeat(xml, 'A', chars);
			xml.write("</t></is></c></row>");
		});
	}

	/** Adds (after the sheet, as Excel orders them) a part. */
	public XlsxBombs part(String name, PartWriter writer) {
		parts.put(name, writer);
		return this;
	}

	/** Writes the file, every part compressed as hard as deflate can. */
	public Path writeTo(Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (Map.Entry<String, PartWriter> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				Writer xml = new OutputStreamWriter(new NotClosing(zip), StandardCharsets.UTF_8);
				part.getValue().write(xml);
				xml.flush();
				zip.closeEntry();
			}
		}
		return file;
	}

	/** Writes {@code count} times the character, a buffer at a time. */
	public static void repeat(Writer xml, char c, long count) throws IOException {
		char[] buffer = new char[64 * 1024];
		Arrays.fill(buffer, c);
		for (long left = count; left > 0; left -= buffer.length) {
			xml.write(buffer, 0, (int) Math.min(buffer.length, left));
		}
	}

	/** Writes the text {@code count} times. */
	public static void repeat(Writer xml, String text, long count) throws IOException {
		for (long i = 0; i < count; i++) {
			xml.write(text);
		}
	}

	/** Lets a part's writer be closed without closing the ZIP. */
	private static final class NotClosing extends java.io.FilterOutputStream {

		NotClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
