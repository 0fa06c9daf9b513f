package vn.camguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
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

/**
 * The device import, list, export and edit through the REST API with HTTP Basic, on the whole
 * application (H2, or PostgreSQL when the CI sets SPRING_DATASOURCE_URL): all-or-nothing with every
 * bad row reported, duplicates inside the file and against the inventory, unit scope on import,
 * reads and writes, XLSX as well as CSV, and an export that imports again.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceImportIntegrationTests {

	static final String HEADER = "unit_code,system_name,site_name,kind,vendor,model,firmware,serial,mac,address,"
			+ "open_ports,procurement_date,supplier,co_ref,cq_ref,qcvn135_certificate,status";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	InventoryTestUnits units;

	@BeforeAll
	void createUnits() {
		units = InventoryTestUnits.create(setup);
	}

	@Test
	void fileWithBadRowsSavesNothingAndNamesEveryBadRow() throws Exception {
		String csv = HEADER + "\n" + row(units.districtA().code(), "CAMERA", "Hikvision", units.serial("bad1"), units.mac(1),
				"10.1.1.1", "15/03/2024") + "\n"
				+ row(units.districtA().code(), "CAMERA", "Hikvision", units.serial("bad2"), "not-a-mac", "10.1.1.2",
						"31/02/2024")
				+ "\n" + row(units.districtB().code(), "CAMERA", "Dahua", units.serial("bad3"), units.mac(3), "10.1.1.3", "")
				+ "\n" + row(units.districtA().code(), "TOASTER", "Dahua", units.serial("bad1"), units.mac(1), "999.1.1.1", "")
				+ "\n";

		MvcResult result = mvc
			.perform(multipart("/api/v1/inventory/devices/import").file(csvFile("bad.csv", csv))
				.with(httpBasic(units.officerA(), units.password()))
				.header("Accept-Language", "en"))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<Integer> rows = JsonPath.read(body, "$.problems[*].row");
		List<String> codes = JsonPath.read(body, "$.problems[*].code");
		assertThat(rows).as(body).containsExactly(3, 3, 4, 5, 5, 5);
		assertThat(codes).containsExactly("date", "mac", "unit-unknown", "kind", "address", "duplicate-mac-in-file");
		assertThat(JsonPath.<String>read(body, "$.problems[2].message")).contains(units.districtB().code());
		assertThat(savedSerialsLike("bad")).isZero();
	}

	@Test
	void goodFileIsSavedAndDuplicatesAgainstTheInventoryAreReported() throws Exception {
		String csv = "\uFEFF" + HEADER.replace(',', ';') + "\n"
				+ row(units.districtA().code(), "CAMERA", "Hikvision", units.serial("ok1"), units.mac(11).toLowerCase(),
						"10.2.0.1", "01/02/2024").replace(',', ';')
				+ "\n" + row(units.districtA().code(), "NVR", "Hikvision", units.serial("ok2"), "", "nvr-" + units.tag().toLowerCase()
						+ ".example.vn", "").replace(',', ';')
				+ "\n";

		MvcResult first = mvc
			.perform(multipart("/api/v1/inventory/devices/import").file(csvFile("ok.csv", csv))
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn();
		assertThat(first.getResponse().getStatus()).as(first.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(first.getResponse().getContentAsString(), "$.created")).isEqualTo(2);
		assertThat(savedSerialsLike("ok")).isEqualTo(2);
		assertThat(jdbc.sql("SELECT mac FROM inventory_device WHERE serial = :s").param("s", units.serial("ok1"))
			.query(String.class).single()).isEqualTo(units.mac(11));

		String byMac = mvc
			.perform(get("/api/v1/inventory/devices").param("q", units.mac(11).toLowerCase().replace(':', '-'))
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(byMac, "$.items[*].serial")).containsExactly(units.serial("ok1"));

		MvcResult again = mvc
			.perform(multipart("/api/v1/inventory/devices/import").file(csvFile("ok.csv", csv))
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(422);
		List<String> codes = JsonPath.read(again.getResponse().getContentAsString(), "$.problems[*].code");
		assertThat(codes).containsExactly("duplicate-serial", "duplicate-mac", "duplicate-serial");
		assertThat(savedSerialsLike("ok")).isEqualTo(2);
	}

	@Test
	void xlsxFileIsImportedWithDateCells() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(bytes, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("devices");
		String[] header = HEADER.split(",");
		for (int c = 0; c < header.length; c++) {
			sheet.value(0, c, header[c]);
		}
		sheet.value(1, 0, units.districtA().code());
		sheet.value(1, 3, "CAMERA");
		sheet.value(1, 4, "Axis");
		sheet.value(1, 7, units.serial("xlsx1"));
		sheet.value(1, 10, 554);
		sheet.value(1, 11, java.time.LocalDate.of(2023, 12, 24));
		sheet.style(1, 11).format("dd/mm/yyyy").set();
		workbook.finish();

		MvcResult result = mvc
			.perform(multipart("/api/v1/inventory/devices/import")
				.file(new MockMultipartFile("file", "devices.xlsx", "application/octet-stream", bytes.toByteArray()))
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn();

		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT procurement_date FROM inventory_device WHERE serial = :s")
			.param("s", units.serial("xlsx1"))
			.query(java.time.LocalDate.class)
			.single()).isEqualTo(java.time.LocalDate.of(2023, 12, 24));
	}

	@Test
	void listIsScopedAndFilteredAndOtherUnitsDevicesAreNotFound() throws Exception {
		String csvA = HEADER + "\n" + row(units.districtA().code(), "CAMERA", "Dahua", units.serial("listA1"), "", "10.3.0.1", "")
				+ "\n" + row(units.districtA().code(), "RECORDER", "Dahua", units.serial("listA2"), "", "10.3.0.2", "") + "\n";
		String csvB = HEADER + "\n" + row(units.districtB().code(), "CAMERA", "Dahua", units.serial("listB1"), "", "10.3.1.1", "")
				+ "\n";
		mvc.perform(multipart("/api/v1/inventory/devices/import").file(csvFile("a.csv", csvA))
			.with(httpBasic(units.officerA(), units.password())));
		mvc.perform(multipart("/api/v1/inventory/devices/import").file(csvFile("b.csv", csvB))
			.with(httpBasic(units.officerB(), units.password())));

		String listA = mvc
			.perform(get("/api/v1/inventory/devices").param("q", units.serial("list").toLowerCase())
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(listA, "$.items[*].serial")).containsExactly(units.serial("listA1"),
				units.serial("listA2"));

		String recorders = mvc
			.perform(get("/api/v1/inventory/devices").param("q", units.serial("list"))
				.param("kind", "RECORDER")
				.with(httpBasic(units.admin(), units.password())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(recorders, "$.items[*].serial")).containsExactly(units.serial("listA2"));

		String byUnit = mvc
			.perform(get("/api/v1/inventory/devices").param("unit", units.districtB().code())
				.param("sort", "serial")
				.param("dir", "desc")
				.with(httpBasic(units.admin(), units.password())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(byUnit, "$.items[*].serial")).contains(units.serial("listB1"))
			.doesNotContain(units.serial("listA1"));

		long idB = jdbc.sql("SELECT id FROM inventory_device WHERE serial = :s")
			.param("s", units.serial("listB1"))
			.query(Long.class)
			.single();
		assertThat(mvc.perform(get("/api/v1/inventory/devices/" + idB).with(httpBasic(units.officerA(), units.password())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/inventory/devices/" + idB).with(httpBasic(units.officerB(), units.password())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void createAndUpdateCheckBothUnitsAndAreAudited() throws Exception {
		String json = """
				{"unitId": %d, "kind": "CAMERA", "vendor": "Uniview", "serial": "%s", "mac": "%s",
				 "address": "192.168.10.20", "openPorts": "554, 80", "procurementDate": "2024-05-06"}"""
			.formatted(units.districtA().id(), units.serial("rest1"), units.mac(40).replace(':', '-'));
		MvcResult created = mvc
			.perform(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
				.content(json)
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		String body = created.getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		assertThat(JsonPath.<String>read(body, "$.openPorts")).isEqualTo("80,554");
		assertThat(JsonPath.<String>read(body, "$.mac")).isEqualTo(units.mac(40));

		String moveToB = json.replace("\"unitId\": " + units.districtA().id(), "\"unitId\": " + units.districtB().id());
		assertThat(mvc
			.perform(put("/api/v1/inventory/devices/" + id).contentType(MediaType.APPLICATION_JSON)
				.content(moveToB)
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc
			.perform(put("/api/v1/inventory/devices/" + id).contentType(MediaType.APPLICATION_JSON)
				.content(moveToB)
				.with(httpBasic(units.admin(), units.password())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);

		String duplicate = json.replace(units.serial("rest1"), units.serial("rest2"));
		MvcResult refused = mvc
			.perform(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
				.content(duplicate)
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(refused.getResponse().getContentAsString(), "$.problems[*].code"))
			.containsExactly("duplicate-mac");

		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'device' AND entity_id = :id ORDER BY seq")
			.param("id", Long.toString(id))
			.query(String.class)
			.list()).containsExactly("device.create", "device.update");
	}

	@Test
	void exportOfTheFilteredListImportsAgainAsDuplicates() throws Exception {
		String csv = HEADER + "\n" + row(units.districtA().code(), "CAMERA", "Bosch", units.serial("exp1"), units.mac(60),
				"10.4.0.1", "05/06/2022") + "\n";
		mvc.perform(multipart("/api/v1/inventory/devices/import").file(csvFile("e.csv", csv))
			.with(httpBasic(units.officerA(), units.password())));

		MvcResult export = mvc
			.perform(get("/api/v1/inventory/devices/export").param("q", units.serial("exp"))
				.param("format", "csv")
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn();
		byte[] exported = export.getResponse().getContentAsByteArray();
		String text = new String(exported, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF" + "unit_code,system_name,site_name,name,kind")
			.contains(units.serial("exp1"))
			.contains("05/06/2022");

		MvcResult reimport = mvc
			.perform(multipart("/api/v1/inventory/devices/import")
				.file(new MockMultipartFile("file", "export.csv", "text/csv", exported))
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn();
		assertThat(reimport.getResponse().getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(reimport.getResponse().getContentAsString(), "$.problems[*].code"))
			.containsExactly("duplicate-serial", "duplicate-mac");

		MvcResult xlsx = mvc
			.perform(get("/api/v1/inventory/devices/export").param("q", units.serial("exp"))
				.param("format", "xlsx")
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn();
		assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
	}

	private long savedSerialsLike(String marker) {
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE serial LIKE :p")
			.param("p", "SN-" + units.tag() + "-" + marker + "%")
			.query(Long.class)
			.single();
	}

	static String row(String unit, String kind, String vendor, String serial, String mac, String address, String date) {
		return String.join(",", unit, "", "", kind, vendor, "M1", "V1.0", serial, mac, address, "80,554".replace(",", " "),
				date, "Nhà cung cấp A", "", "", "", "");
	}

	static MockMultipartFile csvFile(String name, String content) {
		return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

}
