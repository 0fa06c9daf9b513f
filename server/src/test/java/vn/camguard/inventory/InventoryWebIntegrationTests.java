package vn.camguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.camguard.organization.OrganizationSetup;

/**
 * The inventory pages on the whole application. Cameras: the create form shows broken rules next to
 * the form and saves nothing, a good form redirects to the detail page (dates dd/MM/yyyy, untrusted
 * text escaped), the list answers htmx with only its results, exports defuse formulas, the English
 * switch works, and the OpenAPI description lists the inventory API. Information systems and sites,
 * which share their table code and page fragments: a form without a name is shown again with its
 * problems and saves nothing, a good form saves and redirects, an edit changes the row (both
 * audited), and the list finds it by name with working links.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryWebIntegrationTests {

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
	void createFormShowsProblemsAndSavesNothingThenSavesAGoodDevice() throws Exception {
		MvcResult refused = mvc.perform(asOfficer(post("/inventory/cameras").param("unitId", id(units.districtA()))
			.param("kind", "CAMERA")
			.param("status", "ACTIVE")
			.param("vendor", "Hikvision")
			.param("serial", units.serial("form1"))
			.param("mac", "zz:zz")
			.param("procurementDate", "2024-01-31")
			.param("lang", "en"))).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		String page = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"form-errors\"").contains("zz:zz").contains("2024-01-31");
		assertThat(count(units.serial("form1"))).isZero();

		MvcResult saved = mvc.perform(asOfficer(post("/inventory/cameras").param("unitId", id(units.districtA()))
			.param("kind", "CAMERA")
			.param("status", "ACTIVE")
			.param("name", "<script>alert(1)</script>")
			.param("vendor", "Hikvision")
			.param("serial", units.serial("form1"))
			.param("mac", units.mac(99).toLowerCase().replace(':', '-'))
			.param("procurementDate", "31/01/2024"))).andReturn();
		assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(302);
		String location = saved.getResponse().getRedirectedUrl();
		assertThat(location).matches("/inventory/cameras/\\d+");

		String detail = mvc.perform(asOfficer(get(location))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains("31/01/2024")
			.contains(units.mac(99))
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void listAnswersHtmxWithTheResultsOnlyAndSpeaksEnglishOnRequest() throws Exception {
		createDevice(units.serial("list1"), "Axis");
		String fragment = mvc.perform(asOfficer(get("/inventory/cameras").param("q", units.serial("list1")))
			.header("HX-Request", "true")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).contains("id=\"results\"").contains(units.serial("list1")).doesNotContain("navbar");

		String hexSerial = units.tag() + "ABCD";
		createDevice(hexSerial, "Axis");
		String bySerial = mvc.perform(asOfficer(get("/inventory/cameras").param("q", hexSerial)).header("HX-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(bySerial).as("twelve hex digits are tried as a serial too").contains(hexSerial);

		String english = mvc.perform(asOfficer(get("/inventory/cameras").param("q", units.serial("list1")).param("lang", "en")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("navbar").contains("Cameras and recorders").contains("1 results");
	}

	@Test
	void csvExportDefusesFormulasAndListsOnlyTheFilter() throws Exception {
		createDevice(units.serial("csv1"), "=HYPERLINK(\"http://x\")");
		String csv = mvc.perform(asOfficer(get("/inventory/cameras/export").param("q", units.serial("csv1")).param("format", "csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines()).hasSize(2);
		assertThat(csv).contains("'=HYPERLINK").contains(units.serial("csv1"));
	}

	@Test
	void homePageShowsTheDashboardOfTheCallersUnitsInsteadOfTheCounts() throws Exception {
		// the device count card gave way to the province dashboard (issue 17); it starts at the caller's unit
		String home = mvc.perform(asOfficer(get("/").param("lang", "en")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(home).contains("id=\"dashboard\"").contains("Dashboard: " + units.districtA().name())
			.doesNotContain("Cameras and recorders in your units");
	}

	@Test
	void openApiDescribesTheInventoryApi() throws Exception {
		String docs = mvc.perform(asOfficer(get("/api-docs"))).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/inventory/devices/import").contains("/api/v1/inventory/systems/{id}");
	}

	@Test
	void systemIsRefusedWithoutANameThenCreatedEditedAndListed() throws Exception {
		roundTrip("systems", "inventory_system", Map.of("status", "OPERATING", "operator", "VNPT"),
				Map.of("operator", "Viettel"), "operator", "Viettel");
	}

	@Test
	void siteIsRefusedWithoutANameThenCreatedEditedAndListed() throws Exception {
		roundTrip("sites", "inventory_site", Map.of("address", "Ngã tư Đồng Quang", "latitude", "21.59"),
				Map.of("address", "Cầu Gia Bảy", "latitude", "21.6"), "address", "Cầu Gia Bảy");
	}

	private void roundTrip(String path, String table, Map<String, String> created, Map<String, String> edited,
			String column, String editedValue) throws Exception {
		String base = "/inventory/" + path;
		String name = "Tên " + units.tag() + " " + path;

		MvcResult refused = mvc.perform(form(post(base), "", created).param("lang", "en")).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(refused)).contains("id=\"form-errors\"").contains("id=\"unitId\"").contains("href=\"" + base + "\"");

		MvcResult saved = mvc.perform(form(post(base), name, created)).andReturn();
		assertThat(saved.getResponse().getStatus()).as(body(saved)).isEqualTo(302);
		String location = saved.getResponse().getRedirectedUrl();
		assertThat(location).matches(base + "/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT name FROM " + table + " WHERE id = :id AND unit_id = :unit")
			.param("id", id)
			.param("unit", units.districtA().id())
			.query(String.class)
			.single()).isEqualTo(name);

		String editForm = body(mvc.perform(asOfficer(get(location + "/edit"))).andReturn());
		assertThat(editForm).contains("value=\"" + name + "\"").contains("action=\"" + location + "\"");
		MvcResult updated = mvc.perform(form(post(location), name, edited)).andReturn();
		assertThat(updated.getResponse().getStatus()).as(body(updated)).isEqualTo(302);
		assertThat(jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo(editedValue);
		String entity = path.substring(0, path.length() - 1);
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = :type AND entity_id = :id ORDER BY seq")
			.param("type", entity)
			.param("id", Long.toString(id))
			.query(String.class)
			.list()).containsExactly(entity + ".create", entity + ".update");

		String list = body(mvc.perform(asOfficer(get(base).param("q", units.tag() + " " + path).param("page", "1"))).andReturn());
		assertThat(list).contains("href=\"" + base + "/new\"")
			.contains("action=\"" + base + "\"")
			.contains("page=0")
			.doesNotContain(location + "\"");
		String firstPage = body(mvc.perform(asOfficer(get(base).param("q", units.tag() + " " + path))).andReturn());
		assertThat(firstPage).contains("href=\"" + location + "\"").contains(name);
	}

	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String name, Map<String, String> values) {
		request.param("unitId", Long.toString(units.districtA().id())).param("name", name);
		values.forEach(request::param);
		return asOfficer(request);
	}

	private void createDevice(String serial, String vendor) throws Exception {
		MvcResult result = mvc.perform(asOfficer(post("/inventory/cameras").param("unitId", id(units.districtA()))
			.param("kind", "CAMERA")
			.param("status", "ACTIVE")
			.param("vendor", vendor)
			.param("serial", serial))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
	}

	private MockHttpServletRequestBuilder asOfficer(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(units.officerA(), units.password())).with(csrf());
	}

	private long count(String serial) {
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE serial = :s").param("s", serial).query(Long.class).single();
	}

	private static String id(vn.camguard.organization.UnitDirectory.UnitRef unit) {
		return Long.toString(unit.id());
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
