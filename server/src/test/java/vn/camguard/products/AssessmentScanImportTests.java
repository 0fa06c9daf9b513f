package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.report.CsvWriter;
import vn.camguard.scanner.report.JsonLinesWriter;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

/**
 * An assessment of a system imports the scanner's JSON Lines report, produced here by scanning two lab
 * devices on loopback (a Dahua camera with its factory account and telnet open, a hardened Axis: every lab
 * Hikvision build falls in the CVE-2021-36260 range):
 * every network-verifiable item of the catalogue in force fails exactly when a finding of one of its
 * checks names an assessed device, and passes otherwise, with the findings and clean checks as
 * evidence; the score per group and the failed items follow. A malformed or foreign file is refused
 * whole and nothing is saved. An assessment dated under QCVN 135 keeps QCVN 135.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentScanImportTests {

	private static final String WEAK = "127.67.0.11";

	private static final String HARDENED = "127.67.0.12";

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

	TestTree.TestUser approverA;

	TestTree.TestUser officerB;

	long system;

	String jsonl;

	String csv;

	List<DeviceReport> reports = new ArrayList<>();

	@BeforeAll
	void scanTheLab() throws Exception {
		tree = TestTree.create(setup);
		officerA = tree.user("officer.a", Role.UNIT_OFFICER, tree.districtA());
		approverA = tree.user("approver.a", Role.UNIT_APPROVER, tree.districtA());
		officerB = tree.user("officer.b", Role.UNIT_OFFICER, tree.districtB());
		FleetSpec fleet = new FleetSpec(List.of(
				DeviceSpec.of("weak", WEAK, Profile.DAHUA_IPC, Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.TELNET_OPEN)),
				DeviceSpec.of("hardened", HARDENED, Profile.AXIS_IPC, Set.of())), 0);
		Map<String, DeviceReport> byAddress = new ConcurrentHashMap<>();
		try (RunningLab lab = Lab.start(fleet)) {
			ScanRequest request = ScanRequest
				.of(Targets.of(List.of(WEAK + "-" + HARDENED), List.of(), Scope.of(List.of("127.67.0.0/24"))))
				.withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(2000))
				.withLoginPacing(LoginPacing.NONE);
			new Scanner(request).scan(r -> byAddress.put(r.address(), r));
		}
		reports.add(byAddress.get(WEAK));
		reports.add(byAddress.get(HARDENED));
		StringWriter lines = new StringWriter();
		StringWriter table = new StringWriter();
		try (JsonLinesWriter writer = new JsonLinesWriter(lines); CsvWriter csvWriter = new CsvWriter(table, true)) {
			for (DeviceReport report : reports) {
				writer.write(report);
				csvWriter.write(report);
			}
		}
		jsonl = lines.toString();
		csv = table.toString();
		assertThat(reports.getFirst().has("CG-CRED-DEFAULT")).as(jsonl).isTrue();
		assertThat(reports.getFirst().has("CG-SVC-TELNET")).as(jsonl).isTrue();
		assertThat(reports.getLast().findings()).as(jsonl).isEmpty();

		system = created(post("/api/v1/inventory/systems").contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.builder().build().writeValueAsString(Map.of("unitId", tree.districtA().id(), "name",
					"Camera trụ sở " + tree.prefix(), "status", "OPERATING"))));
		device("Dahua", "IPC-HFW2431S-S-S2", WEAK, "w");
		device("Axis", "M3045-V", HARDENED, "h");
	}

	@Test
	void theScanFillsTheNetworkItemsExactlyAsTheFindingsSay() throws Exception {
		long assessment = open("PERIODIC", "01/12/2026");
		Catalogue catalogue = catalogues.find("QCVN11_2026_BCA").orElseThrow();
		assertThat(page("/products/assessments/" + assessment)).contains("QCVN11_2026_BCA");

		MockHttpServletResponse imported = send(multipart("/products/assessments/" + assessment + "/scan")
			.file(new MockMultipartFile("file", "scan.jsonl", "application/x-ndjson", jsonl.getBytes(StandardCharsets.UTF_8))),
				officerA);
		assertThat(imported.getStatus()).isEqualTo(302);

		String view = page("/products/assessments/" + assessment);
		Set<String> found = new java.util.HashSet<>();
		reports.forEach(r -> r.findings().stream().map(Finding::checkId).forEach(found::add));
		int failedItems = 0;
		for (CatalogueItem item : catalogue.items()) {
			String row = row(view, "item-" + item.id());
			if (!item.scanVerifiable()) {
				assertThat(row).as(item.code()).contains("data-result=\"CANNOT_VERIFY\"");
				continue;
			}
			boolean fails = item.scannerChecks().stream().anyMatch(found::contains);
			assertThat(row).as(item.code()).contains(fails ? "data-result=\"FAIL\"" : "data-result=\"PASS\"");
			assertThat(row).as(item.code()).contains("CLEAN " + HARDENED);
			if (fails) {
				failedItems++;
				assertThat(row).contains("FINDING " + WEAK);
				assertThat(view).contains("id=\"failed-" + item.id() + "\"");
			}
		}
		assertThat(failedItems).isGreaterThanOrEqualTo(2);
		CatalogueItem passwords = catalogue.items().stream().filter(i -> i.scannerChecks().contains("CG-CRED-DEFAULT")).findFirst().orElseThrow();
		assertThat(row(view, "item-" + passwords.id())).contains("data-result=\"FAIL\"").contains("CG-CRED-DEFAULT (");
		assertThat(row(view, "score-1")).contains("0%");

		// history of the system: this assessment among them, with its scores
		String history = page("/products/assessments?subject=SYSTEM&id=" + system);
		assertThat(history).contains("assessment-" + assessment).contains("QCVN11_2026_BCA");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'assessment.scan.import' AND entity_id = :id")
			.param("id", Long.toString(assessment))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aMalformedOrForeignFileIsRefusedWholeAndNothingIsSaved() throws Exception {
		long assessment = open("AD_HOC", "02/12/2026");
		String[] bad = { "this is not json\n", "{\"foo\": 1}\n", csv,
				jsonl.replace(WEAK, "127.67.9.9").replace(HARDENED, "127.67.9.10"),
				jsonl + "{\"address\":\"" + WEAK + "\",\"openPorts\":[],\"fingerprint\":{\"vendor\":\"\",\"model\":\"\","
						+ "\"firmware\":\"\",\"kind\":\"UNKNOWN\",\"evidence\":[]},\"findings\":[{\"checkId\":\"<script>\"}],"
						+ "\"notes\":[],\"millis\":1}\n",
				jsonl.substring(0, jsonl.indexOf('\n') / 2) };
		for (String content : bad) {
			MockHttpServletResponse refused = send(multipart("/products/assessments/" + assessment + "/scan")
				.file(new MockMultipartFile("file", "x.jsonl", "text/plain", content.getBytes(StandardCharsets.UTF_8)))
				.param("lang", "en"), officerA);
			assertThat(refused.getStatus()).isEqualTo(200);
			assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).as(content).contains("id=\"scan-refused\"")
				.contains("nothing was saved");
		}
		assertThat(rows("product_assessment_evidence", assessment)).isZero();
		assertThat(rows("product_assessment_answer", assessment)).isZero();
	}

	@Test
	void anAssessmentKeepsTheCatalogueInForceOnItsDate() throws Exception {
		long old = open("PROCUREMENT", "01/06/2025");
		String view = page("/products/assessments/" + old);
		assertThat(view).contains("QCVN135_2024").doesNotContain("QCVN11_2026_BCA");
	}

	@Test
	void onlyTheUnitReadsAndOnlyWhoMayChangeItAssesses() throws Exception {
		long assessment = open("AD_HOC", "03/12/2026");
		assertThat(send(get("/products/assessments/" + assessment), officerB).getStatus()).isEqualTo(404);
		assertThat(send(get("/products/assessments/" + assessment), approverA).getStatus()).isEqualTo(200);
		assertThat(send(multipart("/products/assessments/" + assessment + "/scan")
			.file(new MockMultipartFile("file", "scan.jsonl", "text/plain", jsonl.getBytes(StandardCharsets.UTF_8))), approverA)
			.getStatus()).isEqualTo(403);
		assertThat(send(post("/products/assessments").param("subject", "SYSTEM").param("subjectId", Long.toString(system))
			.param("kind", "AD_HOC").param("assessedOn", "2026-12-03"), officerB).getStatus()).isEqualTo(404);
	}

	private long rows(String table, long assessment) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE assessment_id = :a")
			.param("a", assessment)
			.query(Long.class)
			.single();
	}

	/** The HTML of the element with this id, up to the end of its table row or list item. */
	private static String row(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		int end = html.indexOf("</tr>", start);
		return html.substring(start, end < 0 ? html.length() : end);
	}

	private long open(String kind, String date) throws Exception {
		MockHttpServletResponse opened = send(post("/products/assessments").param("subject", "SYSTEM")
			.param("subjectId", Long.toString(system))
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

	private void device(String vendor, String model, String address, String serial) throws Exception {
		created(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.builder().build().writeValueAsString(Map.of("unitId", tree.districtA().id(), "systemId",
					system, "kind", "CAMERA", "vendor", vendor, "model", model, "address", address, "serial",
					"SN-" + tree.prefix() + "-" + serial))));
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
