package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.products.domain.ProductDraft;
import vn.camguard.products.persistence.Products;

/**
 * An officer confirms or corrects the product matched to a device: the decision is kept, wins over
 * automatic matching (on the panel and for warnings), is audited, and lapses once the device's model is
 * retyped. Only a caller who may change the device decides.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchDecisionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	Products products;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser approverA;

	TestTree.TestUser officerB;

	TestTree.TestUser admin;

	long typedProduct;

	long realProduct;

	String typedModel;

	String realModel;

	@BeforeAll
	void registry() {
		tree = TestTree.create(setup);
		officerA = tree.user("officer.a", Role.UNIT_OFFICER, tree.districtA());
		approverA = tree.user("approver.a", Role.UNIT_APPROVER, tree.districtA());
		officerB = tree.user("officer.b", Role.UNIT_OFFICER, tree.districtB());
		admin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
		UnitRef vendorUnit = tree.unit("V", "VENDOR", tree.province());
		long dahua = products.vendors().stream().filter(v -> v.name().equals("Dahua")).findFirst().orElseThrow().id();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		typedModel = "IPC-HDW" + tree.prefix();
		realModel = "IPC-HDBW" + tree.prefix();
		typedProduct = products.insert(new ProductDraft(vendorUnit.id(), "Dahua", typedModel, "CAMERA", null, null, null, null),
				dahua, now);
		realProduct = products.insert(new ProductDraft(vendorUnit.id(), "Dahua", realModel, "CAMERA", null, null, null, null),
				dahua, now);
	}

	@Test
	void aCorrectionWinsOverMatchingIsAuditedAndLapsesWhenTheModelIsRetyped() throws Exception {
		long device = device(officerA, "KBVision", typedModel.toLowerCase(), "c1");
		assertThat(panel(device, officerA)).contains("Dahua " + typedModel).contains("id=\"match-form\"");

		assertThat(send(post("/products/device-panel/" + device + "/match").param("productId", Long.toString(realProduct))
			.param("lang", "en"), officerA).getStatus()).isEqualTo(200);
		String corrected = panel(device, officerA);
		assertThat(corrected).contains("Dahua " + realModel)
			.doesNotContain(">Dahua " + typedModel + "</a>")
			.contains("An officer corrected the match")
			.contains("Decided by " + officerA.username());
		assertThat(auditEntries(device)).isEqualTo(1);

		// the decision also decides which warnings reach the device
		send(post("/products/warnings").param("vendor", "Dahua").param("model", realModel).param("authority", "A05")
			.param("issuedOn", "2026-11-20").param("reference", "CV-" + tree.prefix()).param("reason", "r")
			.param("severity", "HIGH"), admin);
		assertThat(panel(device, officerA)).contains("CV-" + tree.prefix());

		retype(device, "KBVision", typedModel + "-Z", "c1");
		String lapsed = panel(device, officerA);
		assertThat(lapsed).doesNotContain("An officer corrected").contains("Dahua " + typedModel)
			.doesNotContain("CV-" + tree.prefix());
	}

	@Test
	void aConfirmationAndANoneAreKept() throws Exception {
		long device = device(officerA, "Dahua", typedModel, "c2");
		send(post("/products/device-panel/" + device + "/match").param("productId", Long.toString(typedProduct)), officerA);
		assertThat(panel(device, officerA)).contains("An officer confirmed that").contains("Dahua " + typedModel);

		send(post("/products/device-panel/" + device + "/match").param("productId", ""), officerA);
		String none = panel(device, officerA);
		assertThat(none).contains("is none of the registered products").contains("not in the product registry");
		assertThat(auditEntries(device)).isEqualTo(2);
	}

	@Test
	void onlyWhoMayChangeTheDeviceDecides() throws Exception {
		long device = device(officerA, "Dahua", typedModel, "c3");
		assertThat(send(post("/products/device-panel/" + device + "/match").param("productId", Long.toString(realProduct)),
				approverA)
			.getStatus()).isEqualTo(403);
		assertThat(send(post("/products/device-panel/" + device + "/match").param("productId", Long.toString(realProduct)),
				officerB)
			.getStatus()).isEqualTo(404);
		assertThat(panel(device, approverA)).doesNotContain("id=\"match-form\"");
		assertThat(auditEntries(device)).isZero();
		assertThat(panel(device, officerA)).doesNotContain("An officer");
	}

	private long auditEntries(long device) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'product.match.decide' AND entity_id = :id")
			.param("id", Long.toString(device))
			.query(Long.class)
			.single();
	}

	private String panel(long device, TestTree.TestUser caller) throws Exception {
		MockHttpServletResponse response = send(get("/products/device-panel/" + device).param("lang", "en"), caller);
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private long device(TestTree.TestUser officer, String vendor, String model, String serial) throws Exception {
		MockHttpServletResponse created = send(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(json(vendor, model, serial)), officer);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String location = created.getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private void retype(long device, String vendor, String model, String serial) throws Exception {
		MockHttpServletResponse changed = send(put("/api/v1/inventory/devices/" + device)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(vendor, model, serial)), officerA);
		assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
	}

	private String json(String vendor, String model, String serial) {
		return JsonMapper.builder().build().writeValueAsString(Map.of("unitId", tree.districtA().id(), "kind", "CAMERA",
				"vendor", vendor, "model", model, "firmware", "V1", "serial", "SN-" + tree.prefix() + "-" + serial));
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
