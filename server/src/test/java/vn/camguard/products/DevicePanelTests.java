package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.products.domain.Certificate;
import vn.camguard.products.domain.ProductDraft;
import vn.camguard.products.persistence.Products;

/**
 * The device-at-a-glance panel: a Dahua camera typed with the maker's prefix and an old firmware shows
 * the product it is, certified under QCVN 11:2026 with the certificate as evidence, firmware outdated
 * with the latest version, and the CVE whose model family it belongs to with the record's source; a
 * camera whose only certificate expired shows so; an unknown model says so. A unit sees the panels of
 * its own devices only (another unit's device answers 404, like its page), and the inventory device
 * page loads the panel from the products module.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevicePanelTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	Products products;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser officerB;

	String dahuaModel;

	String certificateNumber;

	long currentDevice;

	long expiredDevice;

	long unknownDevice;

	long otherUnitsDevice;

	@BeforeAll
	void fleet() throws Exception {
		tree = TestTree.create(setup);
		officerA = tree.user("officer.a", Role.UNIT_OFFICER, tree.districtA());
		officerB = tree.user("officer.b", Role.UNIT_OFFICER, tree.districtB());
		UnitRef vendorUnit = tree.unit("V", "VENDOR", tree.province());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		long dahua = vendor("Dahua");
		long hikvision = vendor("Hikvision");

		// a model of the IPC-HFW2xxx family (CVE-2022-30563 names it), unique to this run
		dahuaModel = "IPC-HFW2431S-" + tree.prefix();
		long certified = products.insert(new ProductDraft(vendorUnit.id(), "Dahua", dahuaModel, "CAMERA", "China",
				"8525.89.90", "CO-1", "CQ-1"), dahua, now);
		products.insertFirmware(certified, "V2.800.0000000.1.R", today.minusYears(2), false, now);
		products.insertFirmware(certified, "V2.840.0000000.9.R", today.minusMonths(2), true, now);
		products.insertCertificate(certified, new Certificate(0, "QCVN135_2024", "OLD-" + tree.prefix(), "Trung tâm A",
				today.minusYears(2), today.minusMonths(6)), now);
		certificateNumber = "HQ11-" + tree.prefix();
		products.insertCertificate(certified, new Certificate(0, "QCVN11_2026_BCA", certificateNumber, "Trung tâm B",
				today.minusMonths(1), today.plusYears(3)), now);

		String hikModel = "DS-" + tree.prefix() + "-X";
		long lapsed = products.insert(new ProductDraft(vendorUnit.id(), "Hikvision", hikModel, "CAMERA", null, null, null,
				null), hikvision, now);
		products.insertCertificate(lapsed, new Certificate(0, "QCVN135_2024", "LAPSED-" + tree.prefix(), "Trung tâm A",
				today.minusYears(2), today.minusDays(1)), now);

		currentDevice = device(officerA, tree.districtA(), "dahua", "dh-ipc-hfw2431s-" + tree.prefix().toLowerCase(),
				"V2.800.0000000.1.R", "cur");
		expiredDevice = device(officerA, tree.districtA(), "HiLook", hikModel, null, "exp");
		unknownDevice = device(officerA, tree.districtA(), "Acme", "Z1", "1.0", "unk");
		otherUnitsDevice = device(officerB, tree.districtB(), "Dahua", dahuaModel, "V2.840.0000000.9.R", "oth");
	}

	@Test
	void showsCertificationFirmwareAndCvesWithTheirEvidence() throws Exception {
		MockHttpServletResponse panel = send(get("/products/device-panel/" + currentDevice).param("lang", "en"), officerA);
		assertThat(panel.getStatus()).isEqualTo(200);
		String html = panel.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"product-standing\"")
			.contains("Dahua " + dahuaModel)
			.contains("certified")
			.contains("QCVN11_2026_BCA certificate " + certificateNumber + " by Trung tâm B")
			.contains("outdated")
			.contains("device runs V2.800.0000000.1.R; latest is V2.840.0000000.9.R")
			.contains("CVE-2022-30563")
			.contains("model matches IPC-HFW2XXX")
			.contains("Source: CVEProject/cvelistV5")
			.doesNotContain("<html");

		String expired = send(get("/products/device-panel/" + expiredDevice).param("lang", "en"), officerA)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(expired).contains("certificate expired").contains("LAPSED-" + tree.prefix()).contains("not recorded");

		String unknown = send(get("/products/device-panel/" + unknownDevice).param("lang", "en"), officerA)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(unknown).contains("not in the product registry").contains("unknown product");

		String current = send(get("/products/device-panel/" + otherUnitsDevice).param("lang", "en"), officerB)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(current).contains(">current<");
	}

	@Test
	void aUnitSeesOnlyItsOwnDevicesPanels() throws Exception {
		assertThat(send(get("/products/device-panel/" + otherUnitsDevice), officerA).getStatus()).isEqualTo(404);
		assertThat(send(get("/products/device-panel/" + currentDevice), officerB).getStatus()).isEqualTo(404);
		assertThat(send(get("/products/device-panel/" + currentDevice), officerA).getStatus()).isEqualTo(200);
		assertThat(send(get("/products/device-panel/" + otherUnitsDevice), officerB).getStatus()).isEqualTo(200);
	}

	@Test
	void theDevicePageLoadsThePanelFromProducts() throws Exception {
		String page = send(get("/inventory/cameras/" + currentDevice), officerA).getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("hx-get=\"/products/device-panel/" + currentDevice + "\"");
	}

	private long vendor(String name) {
		return products.vendors().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().id();
	}

	private long device(TestTree.TestUser officer, UnitRef unit, String vendor, String model, String firmware,
			String serial) throws Exception {
		String json = JsonMapper.builder().build().writeValueAsString(java.util.Map.of("unitId", unit.id(), "kind", "CAMERA",
				"vendor", vendor, "model", model, "firmware", firmware == null ? "" : firmware, "serial",
				"SN-" + tree.prefix() + "-" + serial));
		MockHttpServletResponse created = send(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(json), officer);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String location = created.getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
