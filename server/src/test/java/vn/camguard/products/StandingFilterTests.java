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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The device list filtered on standing (served by products, so inventory stays unaware of it): each
 * filter keeps exactly the devices whose standing fits, within the caller's units only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandingFilterTests {

	private static final Pattern ROW = Pattern.compile("id=\"device-(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	Products products;

	TestTree tree;

	TestTree.TestUser officerA;

	long outdatedCertified;

	long currentCertified;

	long expired;

	long uncertifiedWarned;

	long unknown;

	long otherUnit;

	@BeforeAll
	void fleet() throws Exception {
		tree = TestTree.create(setup);
		officerA = tree.user("officer.a", Role.UNIT_OFFICER, tree.districtA());
		TestTree.TestUser officerB = tree.user("officer.b", Role.UNIT_OFFICER, tree.districtB());
		TestTree.TestUser admin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
		UnitRef vendorUnit = tree.unit("V", "VENDOR", tree.province());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		long dahua = vendor("Dahua");
		long hikvision = vendor("Hikvision");
		String dahuaModel = "IPC-HFW2431S-" + tree.prefix();
		long certified = products.insert(new ProductDraft(vendorUnit.id(), "Dahua", dahuaModel, "CAMERA", null, null,
				null, null), dahua, now);
		products.insertFirmware(certified, "V2.800.1", today.minusYears(1), false, now);
		products.insertFirmware(certified, "V2.840.9", today.minusMonths(1), true, now);
		products.insertCertificate(certified, new Certificate(0, "QCVN11_2026_BCA", "C-" + tree.prefix(), "Trung tâm",
				today.minusMonths(1), today.plusYears(2)), now);
		String lapsedModel = "DS-" + tree.prefix() + "-X";
		long lapsed = products.insert(new ProductDraft(vendorUnit.id(), "Hikvision", lapsedModel, "CAMERA", null, null,
				null, null), hikvision, now);
		products.insertCertificate(lapsed, new Certificate(0, "QCVN135_2024", "L-" + tree.prefix(), "Trung tâm",
				today.minusYears(2), today.minusDays(1)), now);
		String bareModel = "DS-" + tree.prefix() + "-Y";
		products.insert(new ProductDraft(vendorUnit.id(), "Hikvision", bareModel, "CAMERA", null, null, null, null),
				hikvision, now);

		outdatedCertified = device(officerA, tree.districtA(), "Dahua", dahuaModel, "V2.800.1", "1");
		currentCertified = device(officerA, tree.communeA(), "KBVision", dahuaModel, "V2.840.9", "2");
		expired = device(officerA, tree.districtA(), "HiLook", lapsedModel, "", "3");
		uncertifiedWarned = device(officerA, tree.districtA(), "Hikvision", bareModel, "", "4");
		unknown = device(officerA, tree.districtA(), "Acme", "Z1", "", "5");
		otherUnit = device(officerB, tree.districtB(), "Dahua", dahuaModel, "V2.840.9", "6");
		assertThat(send(post("/products/warnings").param("vendor", "Hikvision").param("model", bareModel)
			.param("authority", "A05").param("issuedOn", "2026-11-20").param("reference", "W-" + tree.prefix())
			.param("reason", "r").param("severity", "HIGH"), admin).getStatus()).isEqualTo(302);
	}

	@Test
	void eachFilterKeepsExactlyTheDevicesWhoseStandingFits() throws Exception {
		assertThat(ids("")).containsExactlyInAnyOrder(outdatedCertified, currentCertified, expired, uncertifiedWarned,
				unknown);
		assertThat(ids("certification=CERTIFIED&catalogue=QCVN11_2026_BCA")).containsExactlyInAnyOrder(outdatedCertified,
				currentCertified);
		assertThat(ids("certification=CERTIFIED&catalogue=QCVN135_2024")).isEmpty();
		assertThat(ids("certification=EXPIRED")).containsExactly(expired);
		assertThat(ids("certification=NOT_CERTIFIED")).containsExactly(uncertifiedWarned);
		assertThat(ids("certification=UNKNOWN_PRODUCT")).containsExactly(unknown);
		assertThat(ids("warned=yes")).containsExactly(uncertifiedWarned);
		assertThat(ids("warned=no")).containsExactlyInAnyOrder(outdatedCertified, currentCertified, expired, unknown);
		assertThat(ids("firmware=OUTDATED")).containsExactly(outdatedCertified);
		assertThat(ids("firmware=CURRENT")).containsExactly(currentCertified);
		assertThat(ids("cves=yes")).containsExactlyInAnyOrder(outdatedCertified, currentCertified);
		assertThat(ids("cves=no&warned=no")).containsExactlyInAnyOrder(expired, unknown);
	}

	private List<Long> ids(String query) throws Exception {
		MockHttpServletResponse response = send(get("/products/devices?" + query + "&lang=en"), officerA);
		assertThat(response.getStatus()).isEqualTo(200);
		Matcher matcher = ROW.matcher(response.getContentAsString(StandardCharsets.UTF_8));
		List<Long> ids = new ArrayList<>();
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}

	private long vendor(String name) {
		return products.vendors().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().id();
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

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
