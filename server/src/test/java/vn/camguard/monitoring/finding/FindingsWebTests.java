package vn.camguard.monitoring.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.products.RequirementGroups;

/**
 * The findings list, detail, decisions and exports on the whole application, over findings written straight into
 * the real table: a caller sees only its own organisations' findings (the province all of them); the list filters by
 * organisation, address range, device address, check, severity, status (an expired accepted risk is open again),
 * age and overdue; it sorts and pages; the detail shows first/last seen, times seen, the device's evidence as text
 * and the status history; accepting a risk takes the unit's approver (not the officer who owns the finding), a
 * reason and a future expiry; false positive and verify take the owner; each decision is audited; the SLA flags
 * overdue findings; CSV, XLSX and SARIF exports carry the filtered list with formula-looking device text defused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingsWebTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RequirementGroups requirements;

	FindingRows rows;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser approverA;

	TestTree.TestUser auditorA;

	TestTree.TestUser officerB;

	TestTree.TestUser ispA;

	TestTree.TestUser vendorA;

	TestTree.TestUser provinceAdmin;

	@BeforeAll
	void users() {
		rows = new FindingRows(jdbc);
		tree = TestTree.create(setup);
		officerA = tree.user("fd.officer.a", Role.UNIT_OFFICER, tree.districtA());
		approverA = tree.user("fd.approver.a", Role.UNIT_APPROVER, tree.districtA());
		auditorA = tree.user("fd.auditor.a", Role.AUDITOR, tree.districtA());
		officerB = tree.user("fd.officer.b", Role.UNIT_OFFICER, tree.districtB());
		ispA = tree.user("fd.isp.a", Role.ISP_OPERATOR, tree.districtA());
		vendorA = tree.user("fd.vendor.a", Role.VENDOR, tree.districtA());
		provinceAdmin = tree.user("fd.admin", Role.PROVINCE_ADMIN, tree.province());
	}

	@Test
	void callersSeeOnlyTheirOwnOrganisationsFindingsAndTheProvinceSeesAll() throws Exception {
		long inA = rows.open(tree.communeA().id(), "10.20.1.5", "CG-SCOPE-A", "HIGH", 1);
		long inB = rows.open(tree.communeB().id(), "10.20.2.5", "CG-SCOPE-B", "HIGH", 1);

		String officerList = body(as(officerA, get("/findings").param("unit", tree.province().code())));
		assertThat(officerList).doesNotContain("CG-SCOPE-B");
		String own = body(as(officerA, get("/findings")));
		assertThat(own).contains("CG-SCOPE-A").doesNotContain("CG-SCOPE-B");
		assertThat(body(as(officerB, get("/findings")))).contains("CG-SCOPE-B").doesNotContain("CG-SCOPE-A");
		String province = body(as(provinceAdmin, get("/findings").param("unit", tree.province().code())));
		assertThat(province).contains("CG-SCOPE-A").contains("CG-SCOPE-B");

		assertThat(status(as(officerB, get("/findings/" + inA)))).isEqualTo(404);
		assertThat(status(as(officerB, get("/api/v1/findings/" + inA)))).isEqualTo(404);
		assertThat(status(as(auditorA, get("/findings/" + inA)))).isEqualTo(200);
		assertThat(status(as(provinceAdmin, get("/findings/" + inB)))).isEqualTo(200);
		assertThat(status(as(vendorA, get("/findings")))).isEqualTo(403);
		JsonNode api = JSON.readTree(body(as(officerA, get("/api/v1/findings").param("unit", tree.province().code()))));
		assertThat(api.get("items").size()).isZero();
	}

	@Test
	void theListFiltersByRangeAddressCheckSeverityStatusAndAge() throws Exception {
		long unit = tree.unit("FLT", "COMMUNE", tree.districtA()).id();
		String code = jdbc.sql("SELECT code FROM organization_unit WHERE id = :id").param("id", unit).query(String.class).single();
		long a = rows.open(unit, "10.30.1.7", "CG-F-CRED", "CRITICAL", 40);
		long b = rows.open(unit, "10.30.1.200", "CG-F-TELNET", "LOW", 2);
		long c = rows.open(unit, "10.30.2.9", "CG-F-CRED", "MEDIUM", 10);
		long d = rows.open(unit, "10.30.18.4", "CG-F-RTSP", "HIGH", 5);
		long expired = rows.open(unit, "10.30.3.3", "CG-F-OLD", "HIGH", 3);
		rows.acceptedUntil(expired, Instant.now().minusSeconds(3_600));
		long accepted = rows.open(unit, "10.30.3.4", "CG-F-OLD", "HIGH", 3);
		rows.acceptedUntil(accepted, Instant.now().plusSeconds(86_400 * 30L));

		assertThat(ids(code, "range", "10.30.1.0/24")).containsExactlyInAnyOrder(a, b);
		assertThat(ids(code, "range", "10.30.16.0/20")).containsExactly(d);
		assertThat(ids(code, "range", "10.30.1.100-10.30.2.255")).containsExactlyInAnyOrder(b, c);
		assertThat(ids(code, "address", "10.30.2.9")).containsExactly(c);
		assertThat(ids(code, "check", "CG-F-CRED")).containsExactlyInAnyOrder(a, c);
		assertThat(ids(code, "severity", "LOW")).containsExactly(b);
		assertThat(ids(code, "state", "OPEN")).containsExactlyInAnyOrder(a, b, c, d, expired);
		assertThat(ids(code, "state", "RISK_EXPIRED")).containsExactly(expired);
		assertThat(ids(code, "state", "ACCEPTED_RISK")).containsExactly(accepted);
		assertThat(ids(code, "minAge", "30")).containsExactly(a);
		assertThat(ids(code, "maxAge", "4")).containsExactlyInAnyOrder(b, expired, accepted);
		// CRITICAL 40 days old is past 7 days; LOW 2 days, MEDIUM 10, HIGH 5 and 3 are within theirs
		assertThat(ids(code, "overdue", "true")).containsExactly(a);

		// sorted by first seen ascending and paged by 10 over 12 findings: no overlap, nothing lost
		for (int i = 0; i < 6; i++) {
			rows.open(unit, "10.30.9." + i, "CG-F-PAGE", "INFO", 50 + i);
		}
		List<Long> all = new ArrayList<>();
		for (int page = 0; page < 2; page++) {
			JsonNode answer = JSON.readTree(body(as(officerA, get("/api/v1/findings").param("unit", code)
				.param("sort", "first-seen").param("dir", "asc").param("size", "10").param("page", Integer.toString(page)))));
			answer.get("items").forEach(item -> all.add(item.get("id").asLong()));
			assertThat(answer.get("total").asLong()).isEqualTo(12);
		}
		assertThat(all).hasSize(12).doesNotHaveDuplicates();
		assertThat(all.getFirst()).isNotEqualTo(a);

		MockHttpServletResponse bad = perform(as(officerA, get("/findings").param("range", "10.30.1.0/33").param("lang", "en")));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("Not a valid address range")
			.contains("value=\"10.30.1.0/33\"");
		assertThat(perform(as(officerA, get("/api/v1/findings").param("severity", "BAD"))).getStatus()).isEqualTo(422);
	}

	@Test
	void theDetailShowsSeenFiguresEvidenceAsTextAndOverdueFlag() throws Exception {
		Instant now = Instant.now();
		long id = rows.insert(tree.communeA().id(), "10.40.0.1", 8080, "CG-DETAIL", "CRITICAL",
				"<b>Title</b>", "Server: <script>alert(1)</script>", "NEW", now.minusSeconds(86_400 * 9L),
				now.minusSeconds(60), 17);
		String page = body(as(officerA, get("/findings/" + id).param("lang", "en")));
		assertThat(page).contains("10.40.0.1:8080").contains("id=\"times-seen\">17<")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
			.contains("&lt;b&gt;Title&lt;/b&gt;").contains("overdue-flag").contains("First seen");
		String list = body(as(officerA, get("/findings").param("check", "CG-DETAIL")));
		assertThat(list).contains("overdue-flag").doesNotContain("<b>Title</b>");
	}

	@Test
	void acceptingARiskTakesTheApproverAReasonAndAFutureExpiryAndIsAudited() throws Exception {
		long id = rows.open(tree.communeA().id(), "10.50.0.1", "CG-RISK", "HIGH", 1);
		String until = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(60).toString();

		assertThat(status(as(officerA, post("/findings/" + id + "/accept-risk").param("reason", "x").param("until", until))))
			.isEqualTo(403);
		assertThat(status(as(ispA, post("/findings/" + id + "/accept-risk").param("reason", "x").param("until", until))))
			.isEqualTo(403);
		assertThat(status(as(officerB, post("/findings/" + id + "/accept-risk").param("reason", "x").param("until", until))))
			.isEqualTo(404);
		assertThat(body(as(officerA, get("/findings/" + id)))).doesNotContain("accept-risk-form");
		assertThat(body(as(approverA, get("/findings/" + id)))).contains("accept-risk-form");

		MockHttpServletResponse noReason = perform(as(approverA, post("/findings/" + id + "/accept-risk")
			.param("reason", " ").param("until", until).param("lang", "en")));
		assertThat(noReason.getStatus()).isEqualTo(422);
		assertThat(noReason.getContentAsString(StandardCharsets.UTF_8)).contains("Enter a reason and an expiry");
		MockHttpServletResponse past = perform(as(approverA, post("/findings/" + id + "/accept-risk")
			.param("reason", "Chỉ dùng trong mạng nội bộ").param("until", "2020-01-01").param("lang", "en")));
		assertThat(past.getStatus()).isEqualTo(422);
		assertThat(past.getContentAsString(StandardCharsets.UTF_8)).contains("The expiry must be after today")
			.contains("Chỉ dùng trong mạng nội bộ");
		String tooFar = LocalDate.now().plusYears(2).toString();
		assertThat(status(as(approverA, post("/findings/" + id + "/accept-risk").param("reason", "r").param("until", tooFar))))
			.isEqualTo(422);

		MockHttpServletResponse done = perform(as(approverA, post("/findings/" + id + "/accept-risk")
			.param("reason", "Chỉ dùng trong mạng nội bộ").param("until", until)));
		assertThat(done.getStatus()).isEqualTo(302);
		var row = jdbc.sql("SELECT status, status_reason, status_by, status_until FROM monitoring_finding WHERE id = :id")
			.param("id", id).query().singleRow();
		assertThat(row.get("status")).isEqualTo("ACCEPTED_RISK");
		assertThat(row.get("status_by")).isEqualTo(approverA.username());
		assertThat(row.get("status_until")).isNotNull();
		assertThat(audit("finding.accept-risk", id)).isEqualTo(1);
		String detail = body(as(auditorA, get("/findings/" + id).param("lang", "en")));
		assertThat(detail).contains("history-change").contains(approverA.username()).contains("Chỉ dùng trong mạng nội bộ")
			.contains("Accepted risk");

		// the province decides anywhere, through the API too
		long other = rows.open(tree.communeB().id(), "10.50.0.2", "CG-RISK", "HIGH", 1);
		MockHttpServletResponse api = perform(as(provinceAdmin, post("/api/v1/findings/" + other + "/accept-risk")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Đã cách ly\",\"until\":\"" + Instant.now().plusSeconds(86_400 * 10L) + "\"}")));
		assertThat(api.getStatus()).isEqualTo(200);
		assertThat(JSON.readTree(api.getContentAsString()).get("state").asString()).isEqualTo("ACCEPTED_RISK");
	}

	@Test
	void anExpiredAcceptedRiskIsOpenAgain() throws Exception {
		long id = rows.open(tree.communeA().id(), "10.51.0.1", "CG-EXPIRED", "CRITICAL", 30);
		rows.acceptedUntil(id, Instant.now().minusSeconds(60));
		JsonNode finding = JSON.readTree(body(as(officerA, get("/api/v1/findings/" + id)))).get("finding");
		assertThat(finding.get("state").asString()).isEqualTo("RISK_EXPIRED");
		assertThat(finding.get("open").asBoolean()).isTrue();
		assertThat(finding.get("overdue").asBoolean()).isTrue();
		// and can be accepted again (renewed) by the approver
		assertThat(status(as(approverA, post("/findings/" + id + "/accept-risk").param("reason", "Gia hạn")
			.param("until", LocalDate.now().plusDays(20).toString())))).isEqualTo(302);
	}

	@Test
	void falsePositiveAndVerifyTakeTheOwnerAndTheRightStatus() throws Exception {
		long open = rows.open(tree.communeA().id(), "10.52.0.1", "CG-FP", "MEDIUM", 1);
		Instant now = Instant.now();
		long fixed = rows.insert(tree.communeA().id(), "10.52.0.2", 23, "CG-FP", "MEDIUM", "telnet", null, "FIXED",
				now.minusSeconds(86_400), now.minusSeconds(600), 2);

		assertThat(status(as(approverA, post("/findings/" + open + "/false-positive").param("reason", "r")))).isEqualTo(403);
		assertThat(status(as(auditorA, post("/findings/" + fixed + "/verify")))).isEqualTo(403);
		assertThat(status(as(officerA, post("/findings/" + open + "/false-positive").param("reason", "")))).isEqualTo(422);
		assertThat(status(as(officerA, post("/findings/" + open + "/verify")))).isEqualTo(422);
		assertThat(status(as(officerA, post("/findings/" + fixed + "/false-positive").param("reason", "r")))).isEqualTo(422);

		assertThat(status(as(ispA, post("/findings/" + open + "/false-positive").param("reason", "Máy in, không phải camera"))))
			.isEqualTo(302);
		assertThat(status(as(officerA, post("/findings/" + fixed + "/verify").param("note", "Đã đổi mật khẩu")))).isEqualTo(302);
		assertThat(jdbc.sql("SELECT status FROM monitoring_finding WHERE id = :id").param("id", open).query(String.class).single())
			.isEqualTo("FALSE_POSITIVE");
		assertThat(jdbc.sql("SELECT status FROM monitoring_finding WHERE id = :id").param("id", fixed).query(String.class).single())
			.isEqualTo("VERIFIED");
		assertThat(audit("finding.false-positive", open)).isEqualTo(1);
		assertThat(audit("finding.verify", fixed)).isEqualTo(1);
		JsonNode history = JSON.readTree(body(as(auditorA, get("/api/v1/findings/" + fixed)))).get("history");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).get("to").asString()).isEqualTo("VERIFIED");
		assertThat(history.get(0).get("actor").asString()).isEqualTo(officerA.username());
	}

	@Test
	void exportsCarryTheFilteredListWithFormulaTextDefused() throws Exception {
		long unit = tree.unit("EXP", "COMMUNE", tree.districtA()).id();
		String code = jdbc.sql("SELECT code FROM organization_unit WHERE id = :id").param("id", unit).query(String.class).single();
		Instant now = Instant.now();
		rows.insert(unit, "10.60.0.1", 554, "CG-X-RTSP", "HIGH", "=HYPERLINK(\"http://x\")", "@SUM(1+1)", "NEW",
				now.minusSeconds(86_400), now, 1);
		rows.insert(unit, "10.60.0.2", null, "CG-X-TELNET", "LOW", "Telnet open", "+cmd", "NEW", now.minusSeconds(86_400),
				now, 1);
		rows.insert(unit, "10.61.0.2", 80, "CG-X-OTHER", "LOW", "outside the filter", null, "NEW", now, now, 1);

		String csv = body(as(officerA, get("/findings/export").param("unit", code).param("range", "10.60.0.0/16")
			.param("format", "csv")));
		assertThat(csv).contains("'=HYPERLINK(\"\"http://x\"\")").contains("'@SUM(1+1)").contains("'+cmd")
			.doesNotContain("outside the filter");

		byte[] xlsx = perform(as(officerA, get("/findings/export").param("unit", code).param("range", "10.60.0.0/16")
			.param("format", "xlsx"))).getContentAsByteArray();
		String sheet = sheetXml(xlsx);
		assertThat(sheet).contains("inlineStr").contains("=HYPERLINK").doesNotContain("<f>").doesNotContain("outside the filter");

		MockHttpServletResponse sarifResponse = perform(as(officerA, get("/api/v1/findings/export").param("unit", code)
			.param("range", "10.60.0.0/16").param("format", "sarif").param("sort", "address").param("dir", "asc")));
		assertThat(sarifResponse.getContentType()).startsWith("application/sarif+json");
		JsonNode sarif = JSON.readTree(sarifResponse.getContentAsString(StandardCharsets.UTF_8));
		assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
		JsonNode run = sarif.get("runs").get(0);
		JsonNode rules = run.get("tool").get("driver").get("rules");
		assertThat(rules.size()).isEqualTo(2);
		JsonNode results = run.get("results");
		assertThat(results.size()).isEqualTo(2);
		JsonNode first = results.get(0);
		assertThat(first.get("ruleId").asString()).isEqualTo("CG-X-RTSP");
		assertThat(rules.get(first.get("ruleIndex").asInt()).get("id").asString()).isEqualTo("CG-X-RTSP");
		assertThat(first.get("level").asString()).isEqualTo("error");
		assertThat(first.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString())
			.isEqualTo("tcp://10.60.0.1:554");
		assertThat(first.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asString())
			.isEqualTo("10.60.0.1:554");
		assertThat(first.get("message").get("text").asString()).isEqualTo("=HYPERLINK(\"http://x\")");
		assertThat(results.get(1).get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asString())
			.isEqualTo("10.60.0.2");

		assertThat(status(as(officerA, get("/findings/export").param("format", "pdf")))).isEqualTo(422);
		assertThat(status(as(vendorA, get("/findings/export")))).isEqualTo(403);
	}

	@Test
	void aFindingShowsTheRequirementGroupsOfTheCatalogueInForce() throws Exception {
		long id = rows.open(tree.communeA().id(), "10.70.0.1", "CG-ONVIF-NOAUTH", "HIGH", 1);
		long stored = rows.open(tree.communeA().id(), "10.70.0.2", "CG-SVC-TELNET", "MEDIUM", 1);
		jdbc.sql("UPDATE monitoring_finding SET requirement_group = 'QCVN135_2024 6' WHERE id = :id").param("id", stored).update();

		// QCVN 11:2026/BCA is in force since 01/07/2026; its items 5.a and 6.a list the ONVIF check
		JsonNode finding = JSON.readTree(body(as(officerA, get("/api/v1/findings/" + id)))).get("finding");
		assertThat(finding.get("requirementGroup").asString()).isEqualTo("QCVN11_2026_BCA 5, 6");
		assertThat(body(as(officerA, get("/findings/" + id)))).contains("QCVN11_2026_BCA 5, 6");
		// the group stored when it was found stays
		assertThat(JSON.readTree(body(as(officerA, get("/api/v1/findings/" + stored)))).get("finding")
			.get("requirementGroup").asString()).isEqualTo("QCVN135_2024 6");
		// a check of one group only (other tests add throw-away catalogues valid from 01/01/2026, so the day before
		// QCVN 11 came into force is not asserted here: one of those would be the latest in force then)
		assertThat(requirements.inForceOn(LocalDate.of(2026, 12, 1)).label("CG-FW-CVE")).isEqualTo("QCVN11_2026_BCA 2");
		assertThat(requirements.inForceOn(LocalDate.of(2026, 12, 1)).label("CG-UNKNOWN")).isNull();
	}

	private static String sheetXml(byte[] xlsx) throws Exception {
		// fastexcel streams its parts with data descriptors, which ZipInputStream cannot read; ZipFile can
		java.nio.file.Path file = java.nio.file.Files.createTempFile("findings", ".xlsx");
		try {
			java.nio.file.Files.write(file, xlsx);
			try (ZipFile zip = new ZipFile(file.toFile())) {
				return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
						StandardCharsets.UTF_8);
			}
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}

	private List<Long> ids(String unitCode, String name, String value) throws Exception {
		JsonNode answer = JSON.readTree(body(as(officerA, get("/api/v1/findings").param("unit", unitCode)
			.param(name, value).param("size", "200"))));
		List<Long> ids = new ArrayList<>();
		answer.get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private long audit(String action, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND entity_id = :e")
			.param("a", action)
			.param("e", Long.toString(id))
			.query(Long.class)
			.single();
	}

	private static MockHttpServletRequestBuilder as(TestTree.TestUser caller, MockHttpServletRequestBuilder request) {
		return request.with(user(caller.principal())).with(csrf());
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return perform(request).getStatus();
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return perform(request).getContentAsString(StandardCharsets.UTF_8);
	}

}
