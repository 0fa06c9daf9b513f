package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.products.domain.Catalogue;
import vn.camguard.products.domain.CatalogueItem;
import vn.camguard.products.persistence.Catalogues;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.report.JsonLinesWriter;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;
import vn.camguard.shared.spreadsheet.TabularFile;

/**
 * An assessment's report: the score per group, the failed items with the requirement to meet and the scan's
 * findings, and the subject's assessments side by side (a column per assessment, a row per item), on screen, as
 * PDF (text read back with PDFBox) and as XLSX (read back as a table). Text a device sent stays text: a finding
 * title carrying markup and a note starting like a formula come back verbatim, as inline strings, never as a
 * formula. A site can be assessed: its devices are the assessed ones. The scan report is produced here by
 * scanning a weak Dahua lab camera on loopback.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentReportTests {

	private static final String WEAK = "127.75.0.11";

	private static final String DEVICE_TITLE = "=HYPERLINK(\"http://127.75.0.99\",\"x\") <b>bold</b>";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	Catalogues catalogues;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser officerB;

	long system;

	long site;

	long device;

	String jsonl;

	DeviceReport report;

	@BeforeAll
	void scanTheLab() throws Exception {
		tree = TestTree.create(setup);
		officerA = tree.user("officer.a", Role.UNIT_OFFICER, tree.districtA());
		officerB = tree.user("officer.b", Role.UNIT_OFFICER, tree.districtB());
		FleetSpec fleet = new FleetSpec(List.of(DeviceSpec.of("weak", WEAK, Profile.DAHUA_IPC,
				Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.TELNET_OPEN))), 0);
		Map<String, DeviceReport> byAddress = new ConcurrentHashMap<>();
		try (RunningLab lab = Lab.start(fleet)) {
			ScanRequest request = ScanRequest
				.of(Targets.of(List.of(WEAK), List.of(), Scope.of(List.of("127.75.0.0/24"))))
				.withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(2000))
				.withLoginPacing(LoginPacing.NONE);
			new Scanner(request).scan(r -> byAddress.put(r.address(), r));
		}
		report = byAddress.get(WEAK);
		StringWriter lines = new StringWriter();
		try (JsonLinesWriter writer = new JsonLinesWriter(lines)) {
			writer.write(report);
		}
		assertThat(report.has("CG-CRED-DEFAULT")).as(lines.toString()).isTrue();
		// a device names its findings' titles itself (banners): one carries markup and starts like a formula
		String title = report.findings().stream().filter(f -> f.checkId().equals("CG-CRED-DEFAULT")).findFirst()
			.orElseThrow().title();
		String quoted = JsonMapper.builder().build().writeValueAsString(title);
		assertThat(lines.toString()).contains(quoted);
		jsonl = lines.toString().replace(quoted, JsonMapper.builder().build().writeValueAsString(DEVICE_TITLE));

		system = created(post("/api/v1/inventory/systems").contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("unitId", tree.districtA().id(), "name", "Camera cổng " + tree.prefix(), "status",
					"OPERATING"))));
		site = created(post("/api/v1/inventory/sites").contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("unitId", tree.districtA().id(), "name", "Cổng chính " + tree.prefix()))));
		device = created(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("unitId", tree.districtA().id(), "systemId", system, "siteId", site, "kind", "CAMERA",
					"vendor", "Dahua", "model", "IPC-HFW2431S-S-S2", "address", WEAK, "serial", "SN-" + tree.prefix()))));
	}

	@Test
	void theReportHoldsTheScoresTheFixesAndTheHistorySideBySide() throws Exception {
		long first = open("SYSTEM", system, "AD_HOC", "01/12/2026");
		long second = open("SYSTEM", system, "PERIODIC", "04/12/2026");
		Catalogue catalogue = catalogues.find("QCVN11_2026_BCA").orElseThrow();
		CatalogueItem passwords = catalogue.items().stream().filter(i -> i.scannerChecks().contains("CG-CRED-DEFAULT"))
			.findFirst().orElseThrow();
		CatalogueItem documentary = catalogue.items().stream().filter(i -> !i.scanVerifiable()).findFirst().orElseThrow();
		assertThat(send(post("/products/assessments/" + first + "/items/" + passwords.id()).param("result", "PASS")
			.param("note", "Biên bản 12"), officerA).getStatus()).isEqualTo(302);
		assertThat(send(post("/products/assessments/" + second + "/items/" + documentary.id())
			.param("result", "NOT_APPLICABLE").param("note", "=1+2 " + DEVICE_TITLE), officerA).getStatus()).isEqualTo(302);
		assertThat(send(multipart("/products/assessments/" + second + "/scan")
			.file(new MockMultipartFile("file", "scan.jsonl", "application/x-ndjson", jsonl.getBytes(StandardCharsets.UTF_8))),
				officerA).getStatus()).isEqualTo(302);

		// side by side: a column per assessment, a row per item
		String table = page("/products/assessments/side-by-side?subject=SYSTEM&id=" + system);
		assertThat(table).contains("id=\"column-" + first + "\"").contains("id=\"column-" + second + "\"");
		String row = row(table, "row-" + passwords.id());
		assertThat(row.indexOf("data-result=\"PASS\"")).isPositive().isLessThan(row.indexOf("data-result=\"FAIL\""));

		List<CatalogueItem> failed = catalogue.items().stream()
			.filter(i -> i.scannerChecks().stream().anyMatch(report::has))
			.toList();
		assertThat(failed).hasSizeGreaterThanOrEqualTo(2);

		MockHttpServletResponse pdf = send(get("/products/assessments/" + second + "/report.pdf").param("lang", "vi"),
				officerA);
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		String text = ProcurementCheckTests.pdfText(pdf.getContentAsByteArray());
		assertThat(text).contains("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ").contains("Camera cổng " + tree.prefix())
			.contains("Cần khắc phục").contains("01/12/2026").contains("04/12/2026")
			.contains(WEAK + ": CG-CRED-DEFAULT").contains(DEVICE_TITLE);
		for (CatalogueItem item : failed) {
			assertThat(text).contains(item.code() + " " + item.textVi().substring(0, Math.min(30, item.textVi().length())));
		}
		assertThat(text).contains("0%");

		MockHttpServletResponse xlsx = send(get("/products/assessments/" + second + "/report.xlsx").param("lang", "en"),
				officerA);
		assertThat(xlsx.getStatus()).isEqualTo(200);
		assertThat(xlsx.getHeader("Content-Disposition")).startsWith("attachment").contains(".xlsx");
		List<List<String>> rows = new ArrayList<>();
		new TabularFile(10_000, TabularFile.BlankLines.COUNTED).read("report.xlsx",
				new ByteArrayInputStream(xlsx.getContentAsByteArray()), r -> rows.add(r.cells()));
		List<String> header = rows.getFirst();
		assertThat(header).contains("Requirement", "Result", "Evidence")
			.anyMatch(h -> h.startsWith("01/12/2026"))
			.anyMatch(h -> h.startsWith("04/12/2026"));
		int firstColumn = indexStarting(header, "01/12/2026");
		int secondColumn = indexStarting(header, "04/12/2026");
		List<String> passwordRow = rows.stream().filter(r -> r.size() > 3 && r.get(2).equals(passwords.code()))
			.findFirst().orElseThrow();
		assertThat(passwordRow.get(3)).isEqualTo(passwords.textEn());
		assertThat(passwordRow.get(4)).isEqualTo("fail");
		assertThat(passwordRow.get(5)).contains("FINDING " + WEAK).contains(DEVICE_TITLE);
		assertThat(passwordRow.get(firstColumn)).isEqualTo("pass");
		assertThat(passwordRow.get(secondColumn)).isEqualTo("fail");
		List<String> documentaryRow = rows.stream().filter(r -> r.size() > 3 && r.get(2).equals(documentary.code()))
			.findFirst().orElseThrow();
		assertThat(documentaryRow.get(5)).isEqualTo("=1+2 " + DEVICE_TITLE);
		assertThat(rows).anyMatch(r -> r.size() > 4 && r.get(1).equals("1") && r.get(4).equals("0%"));
		String sheet = sheetXml(xlsx.getContentAsByteArray());
		assertThat(sheet).doesNotContain("<f>").doesNotContain("<f ").contains("inlineStr");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'assessment.report.export' AND entity_id = :id")
			.param("id", Long.toString(second)).query(Long.class).single()).isEqualTo(2);
		assertThat(send(get("/products/assessments/" + second + "/report.pdf"), officerB).getStatus()).isEqualTo(404);
		assertThat(send(get("/products/assessments/" + second + "/report.xlsx"), officerB).getStatus()).isEqualTo(404);
		assertThat(send(get("/products/assessments/side-by-side?subject=SYSTEM&id=" + system), officerB).getStatus())
			.isEqualTo(404);
	}

	@Test
	void aSiteIsAssessedThroughItsDevices() throws Exception {
		long assessment = open("SITE", site, "AD_HOC", "02/12/2026");
		assertThat(jdbc.sql("SELECT device_ids FROM product_assessment WHERE id = :id").param("id", assessment)
			.query(String.class).single()).isEqualTo(Long.toString(device));
		assertThat(page("/products/assessments/" + assessment)).contains("Cổng chính " + tree.prefix());
		assertThat(send(multipart("/products/assessments/" + assessment + "/scan")
			.file(new MockMultipartFile("file", "scan.jsonl", "application/x-ndjson", jsonl.getBytes(StandardCharsets.UTF_8))),
				officerA).getStatus()).isEqualTo(302);
		assertThat(page("/products/assessments/" + assessment)).contains("FINDING " + WEAK);
		assertThat(page("/products/assessments?subject=SITE&id=" + site)).contains("assessment-" + assessment);
		assertThat(page("/inventory/sites/" + site)).contains("id=\"site-assessments\"");
		assertThat(send(get("/products/assessments?subject=SITE&id=" + site), officerB).getStatus()).isEqualTo(404);
		assertThat(send(post("/products/assessments").param("subject", "SITE").param("subjectId", Long.toString(site))
			.param("kind", "AD_HOC").param("assessedOn", "2026-12-02"), officerB).getStatus()).isEqualTo(404);
	}

	private static int indexStarting(List<String> header, String prefix) {
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).startsWith(prefix)) {
				return i;
			}
		}
		throw new AssertionError(prefix + " not in " + header);
	}

	private static String sheetXml(byte[] xlsx) throws Exception {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
		try {
			java.nio.file.Files.write(file, xlsx);
			try (ZipFile zip = new ZipFile(file.toFile())) {
				ZipEntry sheet = zip.stream()
					.filter(e -> e.getName().startsWith("xl/worksheets/"))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no worksheet"));
				return new String(zip.getInputStream(sheet).readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}

	private long open(String subject, long id, String kind, String date) throws Exception {
		MockHttpServletResponse opened = send(post("/products/assessments").param("subject", subject)
			.param("subjectId", Long.toString(id))
			.param("kind", kind)
			.param("assessedOn", date), officerA);
		assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(302);
		String location = opened.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = send(get(path).param("lang", "en"), officerA);
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

	private static String json(Map<String, Object> values) {
		return JsonMapper.builder().build().writeValueAsString(values);
	}

	private long created(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse created = send(request, officerA);
		assertThat(created.getStatus()).as(created.getContentAsString() + " " + created.getErrorMessage()).isEqualTo(201);
		String location = created.getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
