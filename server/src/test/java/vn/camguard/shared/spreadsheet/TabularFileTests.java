package vn.camguard.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** Reading CSV (BOM, separators, encoding) and XLSX rows with their numbers, without Spring. */
class TabularFileTests {

	@Test
	void readsCsvWithBomSemicolonsQuotesAndBlankLines() throws Exception {
		String csv = "\uFEFFunit_code;serial\r\nTN;\"A;1\"\r\n\r\nTN;B2\r\n";
		List<TabularFile.Row> rows = read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(rows).containsExactly(new TabularFile.Row(1, List.of("unit_code", "serial")),
				new TabularFile.Row(2, List.of("TN", "A;1")), new TabularFile.Row(3, List.of("TN", "B2")));
	}

	@Test
	void refusesCsvThatIsNotUtf8() {
		byte[] latin1 = "unit_code,name\nTN,C\u00e1mera\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> read(latin1)).isInstanceOfSatisfying(TabularFile.Unreadable.class,
				unreadable -> assertThat(unreadable.code()).isEqualTo("file-encoding"));
	}

	@Test
	void readsXlsxNumbersAsPlainText() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(bytes, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("s");
		sheet.value(0, 0, "serial");
		sheet.value(0, 1, "open_ports");
		sheet.value(2, 0, "Ä-1");
		sheet.value(2, 1, 554);
		workbook.finish();
		assertThat(read(bytes.toByteArray())).containsExactly(new TabularFile.Row(1, List.of("serial", "open_ports")),
				new TabularFile.Row(3, List.of("Ä-1", "554")));
	}

	@Test
	void refusesGarbageThatLooksLikeAZip() {
		byte[] broken = { 'P', 'K', 3, 4, 1, 2, 3 };
		assertThatThrownBy(() -> read(broken)).isInstanceOf(TabularFile.Unreadable.class);
	}

	@Test
	void countsBlankCsvLinesLikeASpreadsheetWhenAsked() throws Exception {
		List<TabularFile.Row> rows = new ArrayList<>();
		new TabularFile(3, TabularFile.BlankLines.COUNTED)
			.read(new ByteArrayInputStream("code\n\nABCDE\n".getBytes(StandardCharsets.UTF_8)), rows::add);
		assertThat(rows).containsExactly(new TabularFile.Row(1, List.of("cod")), new TabularFile.Row(3, List.of("ABC")));
	}

	@Test
	void refusesAFileNamedXlsxThatIsNot() {
		TabularFile file = new TabularFile(2_000, TabularFile.BlankLines.COUNTED);
		assertThatThrownBy(() -> file.read("units.XLSX", new ByteArrayInputStream("code\nA\n".getBytes(StandardCharsets.UTF_8)),
				row -> {
				}))
			.isInstanceOfSatisfying(TabularFile.Unreadable.class,
					unreadable -> assertThat(unreadable.code()).isEqualTo("file-unreadable"));
	}

	private static List<TabularFile.Row> read(byte[] content) throws TabularFile.Unreadable {
		List<TabularFile.Row> rows = new ArrayList<>();
		new TabularFile(2_000, TabularFile.BlankLines.NOT_COUNTED).read(new ByteArrayInputStream(content), rows::add);
		return rows;
	}

}
