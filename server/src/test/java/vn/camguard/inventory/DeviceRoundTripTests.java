package vn.camguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.shared.spreadsheet.TabularFile;

/**
 * Export, edit, import gives back the values exported, in CSV and in XLSX, for values a
 * spreadsheet could take for formulas as well as for plain ones; and the exported CSV still holds
 * no cell a spreadsheet would run. Also: a refused upload answers 422 on the import page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceRoundTripTests {

	/** Each value goes into every free-text column of one device. */
	static final List<String> VALUES = List.of("-", "+84 912 345 678", "=1+1", "@SUM(A1)", "'quoted'",
			"Camera cổng chính – Phường Quang Trung", "-12", "'=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+1+1");

	static final List<String> TEXT_COLUMNS = List.of("name", "model", "firmware", "supplier", "co_ref", "cq_ref",
			"qcvn135_certificate");

	/** What a spreadsheet may show as it is although it starts like a formula: dash, negative number, phone. */
	static final Pattern PLAIN = Pattern.compile("-|-\\d+(?:[.,]\\d+)?|\\+\\d(?:[\\d ]*\\d)?");

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	InventoryTestUnits units;

	@BeforeAll
	void createDevices() throws Exception {
		units = InventoryTestUnits.create(setup);
		for (int i = 0; i < VALUES.size(); i++) {
			String v = json(VALUES.get(i));
			String body = """
					{"unitId": %d, "kind": "CAMERA", "vendor": "Hikvision", "serial": "%s", "name": %s, "model": %s,
					 "firmware": %s, "supplier": %s, "coRef": %s, "cqRef": %s, "qcvn135Certificate": %s}"""
				.formatted(units.districtA().id(), units.serial("rt" + i), v, v, v, v, v, v, v);
			MvcResult created = mvc.perform(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(httpBasic(units.officerA(), units.password()))).andReturn();
			assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		}
	}

	@Test
	void csvExportEditedAndImportedKeepsEveryValueAndRunsNoFormula() throws Exception {
		String csv = new String(export("csv"), StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
		for (CSVRecord record : records) {
			for (String cell : record) {
				boolean startsFormula = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
				assertThat(!startsFormula || PLAIN.matcher(cell).matches()).as(cell).isTrue();
			}
		}
		// the officer's edit: the same devices again under new serials
		String edited = csv.replace(units.serial("rt"), units.serial("csv"));

		importFile("edited.csv", edited.getBytes(StandardCharsets.UTF_8));

		assertSameValues("csv");
	}

	@Test
	void xlsxExportSavedBySpreadsheetAndImportedKeepsEveryValue() throws Exception {
		List<TabularFile.Row> rows = new ArrayList<>();
		new TabularFile(2_000, TabularFile.BlankLines.COUNTED).read(new ByteArrayInputStream(export("xlsx")), rows::add);
		// saved again as a spreadsheet program does, with a shared-strings table
		ByteArrayOutputStream saved = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(saved, "edit", "1.0");
		Worksheet sheet = workbook.newWorksheet("devices");
		for (int r = 0; r < rows.size(); r++) {
			List<String> cells = rows.get(r).cells();
			for (int c = 0; c < cells.size(); c++) {
				sheet.value(r, c, cells.get(c).replace(units.serial("rt"), units.serial("xlsx")));
			}
		}
		workbook.finish();

		importFile("edited.xlsx", saved.toByteArray());

		assertSameValues("xlsx");
	}

	@Test
	void importPageRefusesAnOverlongCellWith422InTheUsersLanguage() throws Exception {
		String csv = DeviceImportIntegrationTests.HEADER + "\n" + units.districtA().code() + ",,,CAMERA,Hikvision,"
				+ "x".repeat(40_000) + "\n";
		MvcResult page = mvc.perform(multipart("/inventory/cameras/import")
			.file(new MockMultipartFile("file", "long.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic(units.officerA(), units.password()))
			.with(csrf())).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(422);
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Có ô dài hơn 32767 ký tự");
	}

	private byte[] export(String format) throws Exception {
		return mvc
			.perform(get("/api/v1/inventory/devices/export").param("format", format)
				.param("q", units.serial("rt"))
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private void importFile(String name, byte[] content) throws Exception {
		MvcResult result = mvc
			.perform(multipart("/api/v1/inventory/devices/import")
				.file(new MockMultipartFile("file", name, "application/octet-stream", content))
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("\"created\":" + VALUES.size());
	}

	private void assertSameValues(String serialTag) {
		for (int i = 0; i < VALUES.size(); i++) {
			Map<String, Object> row = jdbc
				.sql("SELECT " + String.join(", ", TEXT_COLUMNS) + " FROM inventory_device WHERE serial = :serial")
				.param("serial", units.serial(serialTag + i))
				.query()
				.singleRow();
			for (String column : TEXT_COLUMNS) {
				assertThat(row.get(column)).as(column + " of " + VALUES.get(i)).isEqualTo(VALUES.get(i));
			}
		}
	}

	private static String json(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
