package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import vn.camguard.products.domain.Certificate;
import vn.camguard.products.domain.ProductDraft;
import vn.camguard.products.persistence.Products;

/**
 * A procurement check answers, for a model and firmware typed as a seller writes them (a white-label brand, the
 * maker's prefix added) or picked from the registry, whether it is certified under the regulation in force on the
 * purchase date (QCVN 135:2024 before 01/07/2026, QCVN 11:2026/BCA after), warned in the unit's province, known to be
 * vulnerable and current, each answer with its source; the check is recorded for the unit with an audit entry and a
 * PDF record, listed for the unit only, and a refused form keeps what was typed and records nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcurementCheckTests {

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

	TestTree.TestUser officerB;

	TestTree.TestUser inspector;

	String model;

	String oldModel;

	long product;

	@BeforeAll
	void registry() throws Exception {
		tree = TestTree.create(setup);
		officerA = tree.user("officer.a", Role.UNIT_OFFICER, tree.districtA());
		officerB = tree.user("officer.b", Role.UNIT_OFFICER, tree.districtB());
		inspector = tree.user("inspector", Role.MARKET_INSPECTOR, tree.province());
		UnitRef vendorUnit = tree.unit("V", "VENDOR", tree.province());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long dahua = products.vendors().stream().filter(v -> v.name().equals("Dahua")).findFirst().orElseThrow().id();
		model = "IPC-HFW2431S-" + tree.prefix();
		product = products.insert(new ProductDraft(vendorUnit.id(), "Dahua", model, "CAMERA", "China", null, null, null),
				dahua, now);
		products.insertFirmware(product, "V2.800.0000000.1.R", LocalDate.of(2024, 3, 1), false, now);
		products.insertFirmware(product, "V2.840.0000000.9.R", LocalDate.of(2026, 9, 1), true, now);
		products.insertCertificate(product, new Certificate(0, "QCVN11_2026_BCA", "HQ11-" + tree.prefix(),
				"Trung tâm Kiểm định B", LocalDate.of(2026, 8, 1), LocalDate.of(2029, 7, 31)), now);
		products.insertCertificate(product, new Certificate(0, "QCVN135_2024", "HQ135-" + tree.prefix(),
				"Trung tâm Kiểm định A", LocalDate.of(2025, 3, 1), LocalDate.of(2026, 6, 30)), now);
		oldModel = "IPC-HDBW1230E-" + tree.prefix();
		long old = products.insert(new ProductDraft(vendorUnit.id(), "Dahua", oldModel, "CAMERA", "China", null, null,
				null), dahua, now);
		products.insertCertificate(old, new Certificate(0, "QCVN135_2024", "OLD135-" + tree.prefix(),
				"Trung tâm Kiểm định A", LocalDate.of(2025, 3, 1), LocalDate.of(2028, 2, 28)), now);
		// the province's market inspector warns the old firmware of the first model
		MockHttpServletResponse warned = send(post("/products/warnings").param("vendor", "Dahua")
			.param("model", model)
			.param("firmwareTo", "V2.800.0000000.1.R")
			.param("authority", "Cục A05 Bộ Công an")
			.param("issuedOn", "20/11/2026")
			.param("reference", "CV-" + tree.prefix())
			.param("reason", "Lỗ hổng đăng nhập")
			.param("severity", "HIGH"), inspector);
		assertThat(warned.getStatus()).as(warned.getContentAsString()).isIn(200, 302);
	}

	@Test
	void aTypedWhiteLabelModelIsAnsweredWithSourcesRecordedAndItsPdfHoldsTheAnswers() throws Exception {
		long check = check(officerA, "KBVision", "DH-" + model.toLowerCase(), "V2.800.0000000.1.R", "01/12/2026");
		String page = page("/products/procurement/" + check, officerA);
		assertThat(row(page, "answer-product")).contains(model).contains("Recognised");
		assertThat(row(page, "answer-certification")).contains("data-status=\"CERTIFIED\"")
			.contains("HQ11-" + tree.prefix())
			.contains("31/07/2029")
			.contains("Trung tâm Kiểm định B")
			.contains("CamGuard product registry #" + product);
		assertThat(row(page, "answer-warnings")).contains("CV-" + tree.prefix()).contains("Cục A05 Bộ Công an");
		assertThat(row(page, "answer-cves")).contains("CVE-2022-30563").contains("cvelistV5");
		assertThat(row(page, "answer-firmware")).contains("outdated").contains("V2.840.0000000.9.R");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM procurement_check WHERE id = :id AND unit_id = :u AND officer = :o")
			.param("id", check)
			.param("u", tree.districtA().id())
			.param("o", officerA.username())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(audits("procurement.check", check)).isEqualTo(1);

		MockHttpServletResponse pdf = send(get("/products/procurement/" + check + "/pdf").param("lang", "vi"), officerA);
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment");
		String text = pdfText(pdf.getContentAsByteArray());
		assertThat(text).contains("PHIẾU KIỂM TRA TRƯỚC KHI MUA SẮM")
			.contains(tree.districtA().name().toUpperCase(java.util.Locale.ROOT))
			.contains(officerA.username())
			.contains("HQ11-" + tree.prefix())
			.contains("CV-" + tree.prefix())
			.contains("CVE-2022-30563")
			.contains("V2.840.0000000.9.R")
			.contains("01/12/2026");
		assertThat(audits("procurement.check.pdf", check)).isEqualTo(1);
	}

	@Test
	void theCertificateCountsUnderTheRegulationInForceOnThePurchaseDate() throws Exception {
		long before = check(officerA, "Dahua", oldModel, "", "01/06/2025");
		assertThat(row(page("/products/procurement/" + before, officerA), "answer-certification"))
			.contains("data-status=\"CERTIFIED\"").contains("OLD135-" + tree.prefix());
		long after = check(officerA, "Dahua", oldModel, "", "01/12/2026");
		assertThat(row(page("/products/procurement/" + after, officerA), "answer-certification"))
			.contains("data-status=\"OTHER_REGULATION\"").contains("QCVN 11");
		// between QCVN 11 coming into force and its certificate, the first model's QCVN 135 one no longer counts
		long gap = check(officerA, "Dahua", model, "V2.840.0000000.9.R", "15/07/2026");
		assertThat(row(page("/products/procurement/" + gap, officerA), "answer-certification"))
			.contains("data-status=\"NOT_CERTIFIED\"");
		assertThat(row(page("/products/procurement/" + gap, officerA), "answer-warnings"))
			.doesNotContain("CV-" + tree.prefix());
		long late = check(officerA, "Dahua", model, "V2.840.0000000.9.R", "15/08/2029");
		assertThat(row(page("/products/procurement/" + late, officerA), "answer-certification"))
			.contains("data-status=\"EXPIRED\"").contains("HQ11-" + tree.prefix()).contains("31/07/2029");
		long unknown = check(officerA, "Camera Trung Quốc", "XYZ-1", "1.0", "01/12/2026");
		assertThat(row(page("/products/procurement/" + unknown, officerA), "answer-certification"))
			.contains("data-status=\"UNKNOWN_PRODUCT\"");
	}

	@Test
	void aProductPickedFromTheRegistryIsAnsweredAsChosen() throws Exception {
		MockHttpServletResponse response = send(post("/products/procurement").param("unitId",
				Long.toString(tree.districtA().id()))
			.param("productId", Long.toString(product))
			.param("firmware", "V2.840.0000000.9.R")
			.param("purchaseDate", "2026-12-02"), officerA);
		assertThat(response.getStatus()).isEqualTo(302);
		String page = page(response.getRedirectedUrl(), officerA);
		assertThat(row(page, "answer-product")).contains("Chosen from the registry").contains(model);
		assertThat(row(page, "answer-firmware")).contains("is the latest firmware");
		assertThat(row(page, "answer-warnings")).contains("not warned");
	}

	@Test
	void checksAreTheUnitsOwnAndABadFormKeepsWhatWasTypedAndRecordsNothing() throws Exception {
		long check = check(officerA, "Hikvision", "DS-2CD1023G0-" + tree.prefix(), "V5.5", "03/12/2026");
		assertThat(page("/products/procurement", officerA)).contains("id=\"check-" + check + "\"");
		assertThat(page("/products/procurement", officerB)).doesNotContain("id=\"check-" + check + "\"");
		assertThat(send(get("/products/procurement/" + check), officerB).getStatus()).isEqualTo(404);
		assertThat(send(get("/products/procurement/" + check + "/pdf"), officerB).getStatus()).isEqualTo(404);
		// an officer of another district cannot record a check for this one
		assertThat(send(post("/products/procurement").param("unitId", Long.toString(tree.districtA().id()))
			.param("vendor", "Dahua")
			.param("model", model)
			.param("purchaseDate", "2026-12-03"), officerB).getStatus()).isEqualTo(403);

		long before = jdbc.sql("SELECT COUNT(*) FROM procurement_check").query(Long.class).single();
		MockHttpServletResponse refused = send(post("/products/procurement").param("unitId",
				Long.toString(tree.districtA().id()))
			.param("vendor", "KBVision <b>x</b>")
			.param("model", "")
			.param("purchaseDate", "31/02/2026")
			.param("lang", "en"), officerA);
		assertThat(refused.getStatus()).isEqualTo(200);
		String html = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"procurement-errors\"")
			.contains("Give the model")
			.contains("Dates are dd/mm/yyyy.")
			.doesNotContain("Give the purchase date")
			.contains("value=\"KBVision &lt;b&gt;x&lt;/b&gt;\"")
			.contains("value=\"31/02/2026\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM procurement_check").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aMarketInspectorReadsEveryCheckOfTheProvinceButRecordsNoneAndAnotherProvincesInspectorReadsNone()
			throws Exception {
		long check = check(officerA, "Hikvision", "DS-2CD2043G2-" + tree.prefix(), "V5.7", "04/12/2026");
		// an inspector granted on the province's market management unit, outside district A's subtree
		TestTree.TestUser local = tree.user("inspector.qltt", Role.MARKET_INSPECTOR,
				tree.unit("QLTT", "MARKET_MANAGEMENT", tree.province()));
		assertThat(page("/products/procurement", local)).contains("id=\"check-" + check + "\"");
		assertThat(send(get("/products/procurement/" + check), local).getStatus()).isEqualTo(200);
		MockHttpServletResponse pdf = send(get("/products/procurement/" + check + "/pdf"), local);
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdfText(pdf.getContentAsByteArray())).contains("DS-2CD2043G2-" + tree.prefix());
		assertThat(audits("procurement.check.pdf", check)).isEqualTo(1);
		// read only: the inspector records no check for the unit
		assertThat(send(post("/products/procurement").param("unitId", Long.toString(tree.districtA().id()))
			.param("vendor", "Dahua")
			.param("model", model)
			.param("purchaseDate", "04/12/2026"), local).getStatus()).isEqualTo(403);

		TestTree other = TestTree.create(setup);
		TestTree.TestUser foreign = other.user("inspector", Role.MARKET_INSPECTOR, other.province());
		assertThat(page("/products/procurement", foreign)).doesNotContain("id=\"check-" + check + "\"");
		assertThat(send(get("/products/procurement/" + check), foreign).getStatus()).isEqualTo(404);
		assertThat(send(get("/products/procurement/" + check + "/pdf"), foreign).getStatus()).isEqualTo(404);
		// a unit officer still reads only the subtree's checks
		assertThat(page("/products/procurement", officerB)).doesNotContain("id=\"check-" + check + "\"");
		assertThat(send(get("/products/procurement/" + check), officerB).getStatus()).isEqualTo(404);
	}

	private long check(TestTree.TestUser officer, String vendor, String typedModel, String firmware, String date)
			throws Exception {
		MockHttpServletResponse response = send(post("/products/procurement")
			.param("unitId", Long.toString(tree.districtA().id()))
			.param("vendor", vendor)
			.param("model", typedModel)
			.param("firmware", firmware)
			.param("purchaseDate", date), officer);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		String location = response.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long audits(String action, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND entity_id = :id")
			.param("a", action)
			.param("id", Long.toString(id))
			.query(Long.class)
			.single();
	}

	/** The PDF's text, lines joined again (a table cell breaks a long word after a dash). */
	static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replace("\r", "").replace("-\n", "-").replace('\n', ' ');
		}
	}

	private String page(String path, TestTree.TestUser caller) throws Exception {
		MockHttpServletResponse response = send(get(path).param("lang", "en"), caller);
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The HTML of the element with this id, up to the end of its table row. */
	private static String row(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		int end = html.indexOf("</tr>", start);
		return html.substring(start, end < 0 ? html.length() : end);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
