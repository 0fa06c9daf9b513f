package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Warnings: a market inspector warns a Dahua model up to a firmware; exactly the devices of the
 * province with that model (typed with the maker's prefix, a white-label brand, any case) and a
 * firmware in the range are marked at once, each owning unit gets one notification (and one
 * {@link UnitNotified} event for mail), the panel and the warned-devices list show it per unit, and
 * the change is audited. A unit officer cannot warn; a bad form is refused whole, keeping what was typed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser officerB;

	TestTree.TestUser inspector;

	String model;

	long oldFirmwareA;

	long newFirmwareA;

	long noFirmwareA;

	long otherModelA;

	long otherVendorB;

	long brandB;

	@BeforeAll
	void fleet() throws Exception {
		tree = TestTree.create(setup);
		officerA = tree.user("officer.a", Role.UNIT_OFFICER, tree.districtA());
		officerB = tree.user("officer.b", Role.UNIT_OFFICER, tree.districtB());
		UnitRef market = tree.unit("QLTT", "MARKET_MANAGEMENT", tree.province());
		inspector = tree.user("inspector", Role.MARKET_INSPECTOR, market);
		model = "IPC-W" + tree.prefix();
		oldFirmwareA = device(officerA, tree.districtA(), "dahua", "dh-" + model.toLowerCase(), "V2.800.0000000.1.R", "a1");
		newFirmwareA = device(officerA, tree.districtA(), "KBVision", model, "V2.840.0000000.9.R", "a2");
		noFirmwareA = device(officerA, tree.communeA(), "Dahua", model, "", "a3");
		otherModelA = device(officerA, tree.districtA(), "Dahua", "IPC-X" + tree.prefix(), "V1.0", "a4");
		brandB = device(officerB, tree.districtB(), "Imou", model.replace('-', ' '), "V2.100", "b1");
		otherVendorB = device(officerB, tree.districtB(), "Hikvision", model, "V1.0", "b2");
	}

	@Test
	void aWarningMarksExactlyTheMatchingDevicesAndNotifiesEachOwningUnitOnce(ApplicationEvents events) throws Exception {
		MockHttpServletResponse added = send(post("/products/warnings").param("vendor", "Dahua")
			.param("model", model)
			.param("firmwareTo", "V2.820.0000000.0.R")
			.param("authority", "Bộ Công an (A05)")
			.param("issuedOn", "20/11/2026")
			.param("reference", "CV 123/A05-" + tree.prefix())
			.param("reason", "Lỗ hổng cho phép xem luồng không cần mật khẩu")
			.param("severity", "CRITICAL"), inspector);
		assertThat(added.getStatus()).isEqualTo(302);
		long warningId = jdbc.sql("SELECT id FROM product_warning WHERE reference = :r")
			.param("r", "CV 123/A05-" + tree.prefix())
			.query(Long.class)
			.single();

		List<Long> marked = jdbc.sql("SELECT device_id FROM product_warning_device WHERE warning_id = :w ORDER BY device_id")
			.param("w", warningId)
			.query(Long.class)
			.list();
		assertThat(marked).containsExactlyInAnyOrder(oldFirmwareA, brandB);

		List<Map<String, Object>> notes = jdbc.sql("SELECT unit_id FROM notification WHERE subject_ref = :ref")
			.param("ref", "product_warning:" + warningId)
			.query()
			.listOfRows();
		assertThat(notes).hasSize(2);
		assertThat(events.stream(UnitNotified.class).filter(e -> e.warningId() == warningId))
			.extracting(UnitNotified::unitId)
			.containsExactlyInAnyOrder(tree.districtA().id(), tree.districtB().id());
		assertThat(events.stream(UnitNotified.class).filter(e -> e.warningId() == warningId))
			.allSatisfy(e -> assertThat(e.subjectEn()).contains(model).contains("CV 123/A05-"));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'product.warning.add' AND entity_id = :id")
			.param("id", Long.toString(warningId))
			.query(Long.class)
			.single()).isEqualTo(1);

		String panel = page(get("/products/device-panel/" + oldFirmwareA).param("lang", "en"), officerA);
		assertThat(panel).contains("id=\"standing-warnings\"").contains("warned · critical").contains("CV 123/A05-");
		String newer = page(get("/products/device-panel/" + newFirmwareA).param("lang", "en"), officerA);
		assertThat(newer).contains("not warned");

		String listA = page(get("/products/warnings/devices").param("lang", "en"), officerA);
		assertThat(listA).contains("warned-" + oldFirmwareA)
			.doesNotContain("warned-" + newFirmwareA)
			.doesNotContain("warned-" + noFirmwareA)
			.doesNotContain("warned-" + otherModelA)
			.doesNotContain("warned-" + brandB);
		String listB = page(get("/products/warnings/devices").param("lang", "en"), officerB);
		assertThat(listB).contains("warned-" + brandB).doesNotContain("warned-" + otherVendorB).doesNotContain("warned-" + oldFirmwareA);

		assertThat(send(get("/products/notifications"), officerA).getRedirectedUrl()).isEqualTo("/notifications");
		String inboxA = page(get("/notifications").param("lang", "en"), officerA);
		assertThat(inboxA).contains("1 of the unit&#39;s devices are warned").contains("CV 123/A05-" + tree.prefix())
			.contains(tree.districtA().name())
			.doesNotContain(tree.districtB().name());

		String list = page(get("/products/warnings").param("lang", "vi"), officerA);
		assertThat(list).contains("warning-" + warningId).contains("Lỗ hổng cho phép xem luồng không cần mật khẩu");
	}

	@Test
	void aUnitOfficerCannotWarnAndABadFormIsRefusedWhole() throws Exception {
		assertThat(send(post("/products/warnings").param("vendor", "Dahua").param("model", "X").param("authority", "A")
			.param("issuedOn", "2026-11-20").param("reference", "R").param("reason", "R").param("severity", "HIGH"), officerA)
			.getStatus()).isEqualTo(403);

		long before = jdbc.sql("SELECT COUNT(*) FROM product_warning").query(Long.class).single();
		String refused = page(post("/products/warnings").param("vendor", "Acme-" + tree.prefix())
			.param("model", model)
			.param("firmwareFrom", "V3.0")
			.param("firmwareTo", "V2.0")
			.param("authority", "")
			.param("issuedOn", "31/02/2026")
			.param("reference", "CV-typed-" + tree.prefix())
			.param("reason", "lý do đã nhập")
			.param("severity", "HIGH")
			.param("lang", "en"), inspector);
		assertThat(refused).contains("id=\"warning-errors\"")
			.contains("Dates are dd/mm/yyyy")
			.contains("CV-typed-" + tree.prefix())
			.contains("lý do đã nhập");
		String refusedAgain = page(post("/products/warnings").param("vendor", "Acme-" + tree.prefix())
			.param("model", model)
			.param("firmwareFrom", "V3.0")
			.param("firmwareTo", "V2.0")
			.param("issuedOn", "2026-11-20")
			.param("reference", "CV")
			.param("reason", "r")
			.param("severity", "HIGH")
			.param("lang", "en"), inspector);
		assertThat(refusedAgain).contains("The first firmware of the range comes after the last")
			.contains("Name the authority that warned")
			.contains("data-field=\"vendor\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM product_warning").query(Long.class).single()).isEqualTo(before);
	}

	private long device(TestTree.TestUser officer, UnitRef unit, String vendor, String model, String firmware,
			String serial) throws Exception {
		String json = JsonMapper.builder().build().writeValueAsString(Map.of("unitId", unit.id(), "kind", "CAMERA",
				"vendor", vendor, "model", model, "firmware", firmware, "serial", "SN-" + tree.prefix() + "-" + serial));
		MockHttpServletResponse created = send(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(json), officer);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String location = created.getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private String page(MockHttpServletRequestBuilder request, TestTree.TestUser caller) throws Exception {
		MockHttpServletResponse response = send(request, caller);
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
