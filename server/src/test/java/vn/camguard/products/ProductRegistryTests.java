package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The product registry on the whole application: a vendor registers a model (a white-label brand
 * resolves to its maker) with firmware and a certificate, each change audited; another vendor can
 * neither open its edit form nor change it, nor add firmware or certificates to it; a market inspector
 * and a unit officer read it but get no edit link; a refused form keeps what was typed and saves nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductRegistryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	UnitRef vendorUnitA;

	UnitRef vendorUnitB;

	TestTree.TestUser vendorA;

	TestTree.TestUser vendorB;

	TestTree.TestUser inspector;

	TestTree.TestUser officer;

	@BeforeAll
	void people() {
		tree = TestTree.create(setup);
		vendorUnitA = tree.unit("VA", "VENDOR", tree.province());
		vendorUnitB = tree.unit("VB", "VENDOR", tree.province());
		UnitRef market = tree.unit("QLTT", "MARKET_MANAGEMENT", tree.province());
		vendorA = tree.user("vendor.a", Role.VENDOR, vendorUnitA);
		vendorB = tree.user("vendor.b", Role.VENDOR, vendorUnitB);
		inspector = tree.user("inspector", Role.MARKET_INSPECTOR, market);
		officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
	}

	@Test
	void vendorRegistersAndMaintainsItsOwnProductAndNobodyElseCanChangeIt() throws Exception {
		String model = "KX-" + tree.prefix() + "-1";
		MockHttpServletResponse created = send(post("/products").param("unitId", id(vendorUnitA))
			.param("vendor", "KBVision")
			.param("model", model)
			.param("kind", "CAMERA")
			.param("countryOfOrigin", "Việt Nam")
			.param("hsCode", "8525.89.90")
			.param("coRef", "CO-123")
			.param("cqRef", "CQ-456"), vendorA);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
		String location = created.getRedirectedUrl();
		long productId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT v.name FROM product p JOIN product_vendor v ON v.id = p.vendor_id WHERE p.id = :id")
			.param("id", productId)
			.query(String.class)
			.single()).as("KBVision is a Dahua brand").isEqualTo("Dahua");

		assertThat(send(post("/products/" + productId + "/firmware").param("version", "V2.800.0000000.1.R")
			.param("releaseDate", "2024-03-01"), vendorA).getStatus()).isEqualTo(302);
		assertThat(send(post("/products/" + productId + "/firmware").param("version", "V2.840.0000000.2.R")
			.param("releaseDate", "15/06/2026")
			.param("latest", "true"), vendorA).getStatus()).isEqualTo(302);
		assertThat(send(post("/products/" + productId + "/certificates").param("catalogueCode", "QCVN11_2026_BCA")
			.param("number", "HQ-" + tree.prefix())
			.param("issuedBy", "Trung tâm Kiểm định")
			.param("issuedOn", "2026-08-01")
			.param("expiresOn", "2029-07-31"), vendorA).getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM product_firmware WHERE product_id = :id AND latest")
			.param("id", productId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'product' AND entity_id = :id ORDER BY seq")
			.param("id", Long.toString(productId))
			.query(String.class)
			.list()).containsExactly("product.create", "product.firmware.add", "product.firmware.add",
					"product.certificate.add");

		// another vendor: no edit form, no change, no firmware, no certificate
		assertThat(send(get("/products/" + productId + "/edit"), vendorB).getStatus()).isEqualTo(403);
		assertThat(send(post("/products/" + productId).param("unitId", id(vendorUnitA))
			.param("vendor", "Dahua")
			.param("model", "HIJACKED")
			.param("kind", "CAMERA"), vendorB).getStatus()).isEqualTo(403);
		assertThat(send(post("/products/" + productId).param("unitId", id(vendorUnitB))
			.param("vendor", "Dahua")
			.param("model", "HIJACKED")
			.param("kind", "CAMERA"), vendorB).getStatus()).isEqualTo(403);
		assertThat(send(post("/products/" + productId + "/firmware").param("version", "EVIL"), vendorB).getStatus())
			.isEqualTo(403);
		assertThat(send(post("/products/" + productId + "/certificates").param("catalogueCode", "QCVN11_2026_BCA")
			.param("number", "FAKE")
			.param("issuedBy", "x")
			.param("issuedOn", "2026-08-01"), vendorB).getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT model FROM product WHERE id = :id").param("id", productId).query(String.class).single())
			.isEqualTo(model);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM product_firmware WHERE product_id = :id")
			.param("id", productId)
			.query(Long.class)
			.single()).isEqualTo(2);
		// nor may it register a product in the other vendor's name
		assertThat(send(post("/products").param("unitId", id(vendorUnitA))
			.param("vendor", "Dahua")
			.param("model", "KX-" + tree.prefix() + "-2")
			.param("kind", "CAMERA"), vendorB).getStatus()).isEqualTo(403);

		// the owner edits
		assertThat(send(post("/products/" + productId).param("unitId", id(vendorUnitA))
			.param("vendor", "Dahua")
			.param("model", model + "-B")
			.param("kind", "CAMERA"), vendorA).getStatus()).isEqualTo(302);

		// the market inspector and a unit officer read it all, without an edit link
		for (TestTree.TestUser reader : new TestTree.TestUser[] { inspector, officer, vendorB }) {
			MockHttpServletResponse list = send(get("/products").param("q", tree.prefix()), reader);
			assertThat(list.getContentAsString(StandardCharsets.UTF_8)).contains(model + "-B");
			MockHttpServletResponse page = send(get("/products/" + productId), reader);
			assertThat(page.getStatus()).isEqualTo(200);
			String html = page.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).contains("V2.840.0000000.2.R").contains("HQ-" + tree.prefix()).doesNotContain("id=\"edit\"")
				.doesNotContain("id=\"firmware-form\"");
		}
		assertThat(send(get("/products/" + productId), vendorA).getContentAsString(StandardCharsets.UTF_8))
			.contains("id=\"edit\"");
	}

	@Test
	void refusedFormKeepsWhatWasTypedAndSavesNothing() throws Exception {
		String model = "BAD-" + tree.prefix();
		MockHttpServletResponse refused = send(post("/products").param("unitId", id(vendorUnitA))
			.param("vendor", "Nobody Cameras")
			.param("model", model)
			.param("kind", "CAMERA")
			.param("hsCode", "85-25")
			.param("lang", "en"), vendorA);
		assertThat(refused.getStatus()).isEqualTo(200);
		String html = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"form-errors\"")
			.contains("This vendor is not in the registry")
			.contains("An HS code has 4 digits")
			.contains(model)
			.contains("Nobody Cameras");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM product WHERE model = :m").param("m", model).query(Long.class).single())
			.isZero();

		String good = "GOOD-" + tree.prefix();
		String location = send(post("/products").param("unitId", id(vendorUnitA))
			.param("vendor", "Hikvision")
			.param("model", good)
			.param("kind", "RECORDER"), vendorA).getRedirectedUrl();
		MockHttpServletResponse badCertificate = send(post(location + "/certificates").param("catalogueCode", "QCVN135_2024")
			.param("number", "N-1")
			.param("issuedBy", "Body")
			.param("issuedOn", "31/13/2025")
			.param("lang", "en"), vendorA);
		assertThat(badCertificate.getStatus()).isEqualTo(200);
		assertThat(badCertificate.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"certificate-errors\"")
			.contains("Dates are dd/mm/yyyy")
			.contains("31/13/2025");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM product_certificate c JOIN product p ON p.id = c.product_id WHERE p.model = :m")
			.param("m", good)
			.query(Long.class)
			.single()).isZero();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

	private static String id(UnitRef unit) {
		return Long.toString(unit.id());
	}

}
