package vn.camguard.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.camguard.TestTree;
import vn.camguard.TestTree.TestUser;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * The adopt form of a discovered device offers the information systems and sites of the caller's own units by name,
 * grouped by unit, and nothing of another unit; an id of another unit's system or site, forged into the form or the
 * API, is refused and adds nothing to the inventory, even for a caller who may read that unit's inventory.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdoptionChoiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestUser officerA;

	TestUser officerB;

	long systemA;

	long systemA1;

	long siteA;

	long systemB;

	long siteB;

	@BeforeAll
	void inventory() throws Exception {
		tree = TestTree.create(setup);
		officerA = tree.user("officer-a", Role.UNIT_OFFICER, tree.districtA());
		officerB = tree.user("officer-b", Role.UNIT_OFFICER, tree.districtB());
		systemA = created(officerA, "systems", tree.districtA().id(), "Hệ thống camera huyện A");
		systemA1 = created(officerA, "systems", tree.communeA().id(), "Hệ thống camera xã A1");
		siteA = created(officerA, "sites", tree.districtA().id(), "Trụ sở huyện A");
		systemB = created(officerB, "systems", tree.districtB().id(), "Hệ thống bí mật huyện B");
		siteB = created(officerB, "sites", tree.districtB().id(), "Kho huyện B");
	}

	@Test
	void theFormListsOnlyTheCallersSystemsAndSitesByNameGroupedByUnit() throws Exception {
		long device = discovered("127.86.5.1");
		String page = as(officerA, get("/monitoring/devices/" + device)).getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<select class=\"form-select\" id=\"systemId\" name=\"systemId\">")
			.contains("<select class=\"form-select\" id=\"siteId\" name=\"siteId\">")
			.contains("<optgroup label=\"" + tree.districtA().name() + "\">")
			.contains("<optgroup label=\"" + tree.communeA().name() + "\">")
			.contains("<option value=\"" + systemA + "\">Hệ thống camera huyện A</option>")
			.contains("<option value=\"" + systemA1 + "\">Hệ thống camera xã A1</option>")
			.contains("<option value=\"" + siteA + "\">Trụ sở huyện A</option>")
			.doesNotContain("Hệ thống bí mật huyện B").doesNotContain("Kho huyện B")
			.doesNotContain(tree.districtB().name())
			.doesNotContain("type=\"number\" min=\"1\" id=\"systemId\"");
	}

	@Test
	void aForgedSystemOrSiteOfAnotherUnitIsRefusedAndNothingIsAdded() throws Exception {
		// changes district A, and only reads district B (as its auditor): B's systems are readable, not choosable
		TestUser officerA = tree.user("officer-a-auditor-b", Role.UNIT_OFFICER, tree.districtA());
		setup.grant(officerA.id(), Role.AUDITOR, tree.districtB().id());
		long device = discovered("127.86.5.2");
		long before = inventoryDevices();

		String refused = as(officerA, post("/monitoring/devices/" + device + "/adopt")
			.param("unitId", Long.toString(tree.districtA().id()))
			.param("systemId", Long.toString(systemB))
			.param("serial", "SN-FORGED-" + device)
			.param("lang", "en")).getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("id=\"adopt-form\"").contains("SN-FORGED-" + device)
			.doesNotContain("Hệ thống bí mật huyện B");
		MockHttpServletResponse api = as(officerA, post("/api/v1/monitoring/devices/" + device + "/adopt")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":%d,\"siteId\":%d,\"serial\":\"SN-FORGED2-%d\"}".formatted(tree.districtA().id(),
					siteB, device)));
		assertThat(api.getStatus()).isEqualTo(422);
		assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("site_name");
		assertThat(inventoryDevices()).isEqualTo(before);
		assertThat(as(officerA, get("/monitoring/devices/" + device)).getContentAsString(StandardCharsets.UTF_8))
			.contains("Hệ thống camera huyện A").doesNotContain("Hệ thống bí mật huyện B").doesNotContain("Kho huyện B");
		assertThat(jdbc.sql("SELECT linked_as FROM monitoring_device WHERE id = :id").param("id", device)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single()).isEmpty();

		// the caller's own system and site, chosen by name, are taken
		MockHttpServletResponse adopted = as(officerA, post("/monitoring/devices/" + device + "/adopt")
			.param("unitId", Long.toString(tree.districtA().id()))
			.param("systemId", Long.toString(systemA))
			.param("siteId", Long.toString(siteA))
			.param("serial", "SN-OWN-" + device));
		assertThat(adopted.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT system_id, site_id FROM inventory_device WHERE serial = :serial")
			.param("serial", "SN-OWN-" + device)
			.query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2))
			.single()).isEqualTo(systemA + "/" + siteA);
	}

	/** A device a scan of district A left, written as the scan side writes it. */
	private long discovered(String address) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO monitoring_device (organization_id, address, open_ports, vendor, model, firmware, kind,
				  first_seen, last_seen, times_seen, first_job_id, last_job_id)
				VALUES (:org, :address, '80,554', 'Hikvision', 'DS-2CD2143G2-I', 'V5.7.3', 'CAMERA', :at, :at, 1, 0, 0)""")
			.param("org", tree.districtA().id())
			.param("address", address)
			.param("at", now)
			.update();
		return jdbc.sql("SELECT id FROM monitoring_device WHERE organization_id = :org AND address = :address")
			.param("org", tree.districtA().id())
			.param("address", address)
			.query(Long.class)
			.single();
	}

	private long created(TestUser officer, String kind, long unitId, String name) throws Exception {
		MockHttpServletResponse created = as(officer, post("/api/v1/inventory/" + kind)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":%d,\"name\":\"%s\"}".formatted(unitId, name)));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return Long.parseLong(created.getHeader("Location").replaceAll(".*/", ""));
	}

	private long inventoryDevices() {
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device").query(Long.class).single();
	}

	private MockHttpServletResponse as(TestUser caller, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
