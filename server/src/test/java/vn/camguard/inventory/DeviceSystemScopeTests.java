package vn.camguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * A device hangs only on systems and sites of units the caller may change. A caller who changes district A and
 * only reads district B (its auditor) cannot put A's devices on B's system or site, by the form, the REST API or an
 * import; the form does not offer them. A caller who changes both districts still can, and a device already on
 * such a system or site keeps it when an officer of its own unit edits it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceSystemScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	InventoryTestUnits units;

	String readerOfB;

	long systemA;

	long systemB;

	long siteB;

	@BeforeAll
	void createUnits() throws Exception {
		units = InventoryTestUnits.create(setup);
		readerOfB = "officer-a-reads-b-" + units.tag().toLowerCase(Locale.ROOT);
		long user = setup.ensureUser(readerOfB, "Cán bộ A, kiểm tra B", units.districtA().id(), units.password(), false);
		setup.grant(user, Role.UNIT_OFFICER, units.districtA().id());
		setup.grant(user, Role.AUDITOR, units.districtB().id());
		systemA = created("/api/v1/inventory/systems", units.officerA(),
				"{\"unitId\":%d,\"name\":\"Hệ thống huyện A %s\",\"status\":\"OPERATING\"}"
					.formatted(units.districtA().id(), units.tag()));
		systemB = created("/api/v1/inventory/systems", units.officerB(),
				"{\"unitId\":%d,\"name\":\"Hệ thống huyện B %s\",\"status\":\"OPERATING\"}"
					.formatted(units.districtB().id(), units.tag()));
		siteB = created("/api/v1/inventory/sites", units.officerB(),
				"{\"unitId\":%d,\"name\":\"Kho huyện B %s\"}".formatted(units.districtB().id(), units.tag()));
	}

	@Test
	void restRefusesAnotherUnitsSystemOrSiteTheCallerOnlyReads() throws Exception {
		MockHttpServletResponse bySystem = mvc.perform(json(post("/api/v1/inventory/devices"), readerOfB,
				device("rest1", 11, systemB, null))).andReturn().getResponse();
		assertThat(bySystem.getStatus()).isEqualTo(422);
		assertThat(bySystem.getContentAsString(StandardCharsets.UTF_8)).contains("system_name");
		MockHttpServletResponse bySite = mvc.perform(json(post("/api/v1/inventory/devices"), readerOfB,
				device("rest1", 11, null, siteB))).andReturn().getResponse();
		assertThat(bySite.getStatus()).isEqualTo(422);
		assertThat(bySite.getContentAsString(StandardCharsets.UTF_8)).contains("site_name");
		assertThat(count(units.serial("rest1"))).isZero();

		long own = created("/api/v1/inventory/devices", readerOfB, device("rest2", 12, systemA, null));
		MockHttpServletResponse moved = mvc.perform(json(put("/api/v1/inventory/devices/" + own), readerOfB,
				device("rest2", 12, systemB, siteB))).andReturn().getResponse();
		assertThat(moved.getStatus()).isEqualTo(422);
		assertThat(jdbc.sql("SELECT system_id FROM inventory_device WHERE id = :id").param("id", own)
			.query(Long.class).single()).isEqualTo(systemA);
		assertThat(devicesOf(systemB) + devicesOfSite(siteB)).isZero();
	}

	@Test
	void formRefusesAndDoesNotOfferAnotherUnitsSystemOrSite() throws Exception {
		String form = mvc.perform(get("/inventory/cameras/new").with(httpBasic(readerOfB, units.password())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("Hệ thống huyện A " + units.tag())
			.doesNotContain("Hệ thống huyện B " + units.tag())
			.doesNotContain("Kho huyện B " + units.tag());

		MockHttpServletResponse refused = mvc.perform(post("/inventory/cameras")
			.with(httpBasic(readerOfB, units.password())).with(csrf())
			.param("unitId", Long.toString(units.districtA().id()))
			.param("systemId", Long.toString(systemB))
			.param("siteId", Long.toString(siteB))
			.param("kind", "CAMERA").param("status", "ACTIVE").param("vendor", "Hikvision")
			.param("serial", units.serial("form1"))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-errors\"")
			.contains(units.serial("form1"));
		assertThat(count(units.serial("form1"))).isZero();
	}

	@Test
	void importRefusesARowNamingAnotherUnitsSystemAndSavesNothing() throws Exception {
		String header = DeviceImportIntegrationTests.HEADER;
		String good = "%s,,,CAMERA,Hikvision,,,%s,,,,,,,,,".formatted(units.districtA().code(), units.serial("imp1"));
		String bad = "%s,Hệ thống huyện B %s,Kho huyện B %s,CAMERA,Hikvision,,,%s,,,,,,,,,"
			.formatted(units.districtA().code(), units.tag(), units.tag(), units.serial("imp2"));
		MockHttpServletResponse response = mvc.perform(multipart("/api/v1/inventory/devices/import")
			.file(new MockMultipartFile("file", "b.csv", "text/csv",
					(header + "\n" + good + "\n" + bad + "\n").getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic(readerOfB, units.password())).with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("system_name").contains("site_name");
		assertThat(count(units.serial("imp1")) + count(units.serial("imp2"))).isZero();
	}

	@Test
	void aCallerWhoChangesBothUnitsStillCan() throws Exception {
		long device = created("/api/v1/inventory/devices", units.admin(), device("both1", 21, systemB, siteB));
		assertThat(jdbc.sql("SELECT system_id FROM inventory_device WHERE id = :id").param("id", device)
			.query(Long.class).single()).isEqualTo(systemB);
		// a system or site the device already hangs on may stay when an officer of its own unit edits it
		assertThat(mvc.perform(json(put("/api/v1/inventory/devices/" + device), readerOfB,
				device("both1", 21, systemB, siteB))).andReturn().getResponse().getStatus()).isEqualTo(200);
		String editForm = mvc.perform(get("/inventory/cameras/" + device + "/edit")
			.with(httpBasic(readerOfB, units.password()))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(editForm).as("its edit form offers them, so that saving does not drop them")
			.contains("Hệ thống huyện B " + units.tag()).contains("Kho huyện B " + units.tag());
		MockHttpServletResponse saved = mvc.perform(post("/inventory/cameras/" + device)
			.with(httpBasic(readerOfB, units.password())).with(csrf())
			.param("unitId", Long.toString(units.districtA().id()))
			.param("systemId", Long.toString(systemB))
			.param("siteId", Long.toString(siteB))
			.param("kind", "CAMERA").param("status", "ACTIVE").param("vendor", "Hikvision").param("name", "Đổi tên")
			.param("serial", units.serial("both1")).param("mac", units.mac(21))).andReturn().getResponse();
		assertThat(saved.getStatus()).as(saved.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
		assertThat(jdbc.sql("SELECT site_id FROM inventory_device WHERE id = :id").param("id", device)
			.query(Long.class).single()).isEqualTo(siteB);
		String form = mvc.perform(get("/inventory/cameras/new").with(httpBasic(units.admin(), units.password())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("Hệ thống huyện A " + units.tag()).contains("Hệ thống huyện B " + units.tag())
			.contains("Kho huyện B " + units.tag());
	}

	private String device(String serial, int mac, Long system, Long site) {
		return "{\"unitId\":%d,\"systemId\":%s,\"siteId\":%s,\"kind\":\"CAMERA\",\"status\":\"ACTIVE\",\"vendor\":\"Hikvision\",\"serial\":\"%s\",\"mac\":\"%s\"}"
			.formatted(units.districtA().id(), system, site, units.serial(serial), units.mac(mac));
	}

	private long created(String path, String user, String body) throws Exception {
		MockHttpServletResponse response = mvc.perform(json(post(path), user, body)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(text);
		assertThat(id.find()).isTrue();
		return Long.parseLong(id.group(1));
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user, String body) {
		return request.with(httpBasic(user, units.password())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private long count(String serial) {
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE serial = :s").param("s", serial)
			.query(Long.class).single();
	}

	private long devicesOf(long system) {
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE system_id = :id").param("id", system)
			.query(Long.class).single();
	}

	private long devicesOfSite(long site) {
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE site_id = :id").param("id", site)
			.query(Long.class).single();
	}

}
