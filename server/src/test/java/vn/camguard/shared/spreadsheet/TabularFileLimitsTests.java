package vn.camguard.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

/**
 * Files built to exhaust the reader (bombs) are refused with the limit they pass, while the reader
 * holds no more than the limits: each file here expands to far more than the test's heap would
 * hold, and each is generated as a stream so the test itself needs no memory for it.
 */
class TabularFileLimitsTests {

	private static final long GIB = 1L << 30;

	@TempDir
	Path temp;

	@Test
	void refusesAnInlineStringCellOfTwoGibibytes() throws Exception {
		Path bomb = XlsxBombs.inlineStringCell(2 * GIB).writeTo(temp.resolve("bomb.xlsx"));
		assertThat(Files.size(bomb)).isLessThan(5L << 20);

		assertRefused(bomb, UploadLimits.DEFAULTS, "file-cell-too-long", "32767");
	}

	@Test
	void refusesASharedStringOfAGibibyte() throws Exception {
		Path bomb = XlsxBombs.withRows(xml -> xml.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))
			.part("xl/sharedStrings.xml", xml -> {
				xml.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
				XlsxBombs.repeat(xml, 'B', GIB);
				xml.write("</t></si></sst>");
			})
			.writeTo(temp.resolve("sst.xlsx"));

		assertRefused(bomb, UploadLimits.DEFAULTS, "file-cell-too-long", "32767");
	}

	@Test
	void refusesASharedStringsTableOfTooManyEntriesOrTooMuchText() throws Exception {
		Path many = XlsxBombs.withRows(xml -> xml.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))
			.part("xl/sharedStrings.xml", xml -> {
				xml.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
				XlsxBombs.repeat(xml, "<si><t>x</t></si>", 3_000_000);
				xml.write("</sst>");
			})
			.writeTo(temp.resolve("many.xlsx"));
		UploadLimits ratioAside = limits(1_000_000, 0, 0, 0);
		assertRefused(many, ratioAside, "file-shared-strings", "2000000");
		// with the default ratio, the same table is already refused as a suspicious compression
		assertRefused(many, UploadLimits.DEFAULTS, "file-compression-ratio", "100");

		Path long_ = XlsxBombs.withRows(xml -> xml.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))
			.part("xl/sharedStrings.xml", xml -> {
				xml.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
				for (int i = 0; i < 2_000; i++) {
					xml.write("<si><t>");
					XlsxBombs.repeat(xml, (char) ('a' + i % 26), 30_000);
					xml.write("</t></si>");
				}
				xml.write("</sst>");
			})
			.writeTo(temp.resolve("long.xlsx"));
		assertRefused(long_, new UploadLimits(null, null, null, 1_000_000, 0, 0, 10_000_000, 0, 0, 0),
				"file-shared-text", "10000000");
	}

	@Test
	void refusesMoreRowsOrColumnsThanTheLimits() throws Exception {
		Path rows = XlsxBombs.withRows(xml -> XlsxBombs.repeat(xml, "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>", 2_000_000))
			.writeTo(temp.resolve("rows.xlsx"));
		assertRefused(rows, limits(1_000_000, 0, 1_048_576, 0), "file-too-many-rows", "1048576");

		Path farRow = XlsxBombs.withRows(xml -> xml.write("<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>"))
			.writeTo(temp.resolve("far-row.xlsx"));
		assertRefused(farRow, UploadLimits.DEFAULTS, "file-too-many-rows", "1048576");

		Path farColumn = XlsxBombs.withRows(xml -> xml.write("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"))
			.writeTo(temp.resolve("far-column.xlsx"));
		assertRefused(farColumn, UploadLimits.DEFAULTS, "file-too-many-columns", "16384");

		Path wide = XlsxBombs.withRows(xml -> {
			xml.write("<row r=\"1\">");
			XlsxBombs.repeat(xml, "<c/>", 20_000);
			xml.write("</row>");
		}).writeTo(temp.resolve("wide.xlsx"));
		assertRefused(wide, UploadLimits.DEFAULTS, "file-too-many-columns", "16384");
	}

	@Test
	void refusesDeepNestingHugeAttributesAndHugeNames() throws Exception {
		Path deep = XlsxBombs.withRows(xml -> {
			XlsxBombs.repeat(xml, "<x>", 100_000);
			XlsxBombs.repeat(xml, "</x>", 100_000);
		}).writeTo(temp.resolve("deep.xlsx"));
		assertRefused(deep, UploadLimits.DEFAULTS, "file-xml-limit", "64");

		Path attribute = XlsxBombs.withRows(xml -> {
			xml.write("<row r=\"1\" x=\"");
			XlsxBombs.repeat(xml, 'C', GIB / 4);
			xml.write("\"/>");
		}).writeTo(temp.resolve("attribute.xlsx"));
		assertThat(readRefusal(attribute, UploadLimits.DEFAULTS).code()).isEqualTo("file-xml-limit");

		Path name = XlsxBombs.withRows(xml -> {
			xml.write("<row r=\"1\"><c");
			XlsxBombs.repeat(xml, 'D', GIB / 4);
			xml.write("/></row>");
		}).writeTo(temp.resolve("name.xlsx"));
		assertThat(readRefusal(name, UploadLimits.DEFAULTS).code()).isEqualTo("file-xml-limit");
	}

	@Test
	void refusesPartsThatExpandBeyondTheLimitOrByASuspiciousRatio() throws Exception {
		Path blankRows = XlsxBombs.withRows(xml -> XlsxBombs.repeat(xml, "<row/>", 20_000_000))
			.writeTo(temp.resolve("blank-rows.xlsx"));
		// 120 MB of XML deflate to some 120 kB: a ratio no sheet of real data reaches
		assertRefused(blankRows, limits(0, 0, 100_000_000, 0), "file-compression-ratio", "100");
		// and with the default row limit, the blank rows are too many already
		assertRefused(blankRows, UploadLimits.DEFAULTS, "file-too-many-rows", "1048576");
		assertRefused(blankRows,
				new UploadLimits(null, null, DataSize.ofMegabytes(50), 1_000_000, 0, 0, 0, 100_000_000, 0, 0),
				"file-expanded-too-large", "50 MB");
		assertRefused(blankRows,
				new UploadLimits(null, DataSize.ofMegabytes(20), null, 1_000_000, 0, 0, 0, 100_000_000, 0, 0),
				"file-expanded-too-large", "20 MB");
	}

	@Test
	void refusesAFileLargerThanTheUploadLimit() throws Exception {
		byte[] csv = ("code,name\n" + "A,B\n".repeat(1_000)).getBytes(StandardCharsets.UTF_8);
		UploadLimits small = new UploadLimits(DataSize.ofBytes(1_000), null, null, 0, 0, 0, 0, 0, 0, 0);
		assertThat(refusal(new ByteArrayInputStream(csv), small).code()).isEqualTo("file-too-large");
	}

	@Test
	void readsSharedStringsThatComeAfterTheSheetInTheZip() throws Exception {
		Path file = XlsxBombs.withRows(xml -> xml.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c>"
				+ "<c r=\"C1\" t=\"s\"><v>0</v></c></row><row r=\"3\"><c r=\"B3\"><v>554.0</v></c></row>"))
			.part("xl/sharedStrings.xml", xml -> xml.write(
					"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\">"
							+ "<si><t>Cổng chính</t></si><si><r><t>mã </t></r><r><t>đơn vị</t></r>"
							+ "<rPh><t>ignored</t></rPh></si></sst>"))
			.writeTo(temp.resolve("ordered.xlsx"));
		List<TabularFile.Row> rows = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file)) {
			new TabularFile(2_000, TabularFile.BlankLines.COUNTED).read(in, rows::add);
		}
		assertThat(rows).containsExactly(new TabularFile.Row(1, List.of("mã đơn vị", "", "Cổng chính")),
				new TabularFile.Row(3, List.of("", "554")));
	}

	@Test
	void refusesACsvRecordOrCellBeyondTheLimitsWithoutReadingItWhole() throws Exception {
		InputStream hugeField = new SequenceInputStream(
				new ByteArrayInputStream("code,name\nA,\"".getBytes(StandardCharsets.UTF_8)),
				new RepeatedBytes((byte) 'x', 2 * GIB));
		assertThat(refusal(hugeField, UploadLimits.DEFAULTS).code()).isEqualTo("file-line-too-long");

		InputStream quotedLines = new SequenceInputStream(
				new ByteArrayInputStream("code,name\nA,\"".getBytes(StandardCharsets.UTF_8)),
				new RepeatedBytes((byte) '\n', 2 * GIB));
		assertThat(refusal(quotedLines, UploadLimits.DEFAULTS).code()).isEqualTo("file-line-too-long");

		byte[] longCell = ("code,name\nA," + "y".repeat(40_000) + "\n").getBytes(StandardCharsets.UTF_8);
		TabularFile.Unreadable refused = refusal(new ByteArrayInputStream(longCell), UploadLimits.DEFAULTS);
		assertThat(refused.code()).isEqualTo("file-cell-too-long");
		assertThat(refused.limit()).isEqualTo("32767");
	}

	private static UploadLimits limits(int ratio, int sharedStrings, int rows, int columns) {
		return new UploadLimits(null, null, null, ratio, 0, sharedStrings, 0, rows, columns, 0);
	}

	private static void assertRefused(Path file, UploadLimits limits, String code, String limit) throws IOException {
		TabularFile.Unreadable refused = readRefusal(file, limits);
		assertThat(refused.code()).as(() -> String.valueOf(refused.getCause())).isEqualTo(code);
		assertThat(refused.limit()).isEqualTo(limit);
		assertThat(refused.limitExceeded()).isTrue();
	}

	private static TabularFile.Unreadable readRefusal(Path file, UploadLimits limits) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return refusal(in, limits);
		}
	}

	private static TabularFile.Unreadable refusal(InputStream in, UploadLimits limits) {
		TabularFile reader = new TabularFile(2_000, TabularFile.BlankLines.COUNTED, limits);
		// rows before the refusal are dropped: a bomb of a million rows is not kept by the test either
		Throwable thrown = catchThrowable(() -> reader.read(in, row -> {
		}));
		assertThat(thrown).isInstanceOf(TabularFile.Unreadable.class);
		return (TabularFile.Unreadable) thrown;
	}

	/** {@code count} times one byte, made as it is read. */
	private static final class RepeatedBytes extends InputStream {

		private final byte value;

		private long left;

		RepeatedBytes(byte value, long count) {
			this.value = value;
			this.left = count;
		}

		@Override
		public int read() {
			if (left <= 0) {
				return -1;
			}
			left--;
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (left <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, left);
			java.util.Arrays.fill(buffer, offset, offset + n, value);
			left -= n;
			return n;
		}

	}

}
