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
 * The information system and site pages, which share their table code and page fragments: a form
 * without a name is shown again with its problems and saves nothing, a good form saves and
 * redirects, an edit changes the row (both audited), and the list finds it by name with working links.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemAndSitePagesTests {

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

	private MockHttpServletRequestBuilder asOfficer(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(units.officerA(), units.password())).with(csrf());
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
