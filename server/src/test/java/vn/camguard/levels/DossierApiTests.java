package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
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

import vn.camguard.TestTree;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Dossiers and plans over the REST API, and the dossier as an official PDF. A commune officer determines
 * a level-2 system, opens the dossier, sends a file for each part and submits; the province's security
 * unit (appraising and approving body at level 2 under Decree 85) finds it in the list and the queue,
 * must give a comment to return it, returns it; the officer resubmits; it is received, appraised and
 * approved with a decision. Wrong bodies get 403, other units 404, broken rules 422 with words. The plan
 * of the approved level appears; marking items done moves the system's and the unit's percent. The PDF
 * reads back (PDFBox) with the national motto, the unit, the deciding rule, the framework version and its
 * parts with their files, the timeline and the decision number, in Vietnamese with embedded fonts; a
 * system name with markup and a line break is printed as the plain text it is.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierApiTests {

	private static final String ANSWERS = "{\"system_type\":\"INTERNAL\",\"information\":\"PRIVATE_OR_PERSONAL\","
			+ "\"defence_security\":\"NONE\",\"citizen_service\":\"NOT_APPLICABLE\",\"personal_data_users\":\"NONE\","
			+ "\"infrastructure_scope\":\"NOT_APPLICABLE\",\"industrial_works\":\"NOT_APPLICABLE\",\"national_role\":\"NONE\"}";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	InformationSystems systems;

	@Autowired
	FrameworkStore frameworks;

	@Autowired
	DossierStore dossiers;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser officer;

	TestTree.TestUser admin;

	TestTree.TestUser auditor;

	TestTree.TestUser officerB;

	@BeforeAll
	void users() {
		tree = TestTree.create(setup);
		officer = tree.user("api.officer", Role.UNIT_OFFICER, tree.communeA());
		admin = tree.user("api.admin", Role.PROVINCE_ADMIN, tree.province());
		auditor = tree.user("api.auditor", Role.AUDITOR, tree.districtA());
		officerB = tree.user("api.officer.b", Role.UNIT_OFFICER, tree.communeB());
	}

	@Test
	void dossierWorkflowAndPlanOverTheApiWithTheSameRulesAsThePages() throws Exception {
		long system = system("Camera chợ xã");
		long determination = determine(system);

		MockHttpServletResponse opened = call(officer, post("/api/v1/levels/determinations/" + determination + "/dossier")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"));
		assertThat(opened.getStatus()).as(text(opened)).isEqualTo(201);
		long dossier = ((Number) JsonPath.read(text(opened), "$.dossier.id")).longValue();
		assertThat(opened.getHeader("Location")).isEqualTo("/api/v1/levels/dossiers/" + dossier);
		assertThat(JsonPath.<String>read(text(opened), "$.dossier.status")).isEqualTo("DRAFT");
		assertThat(JsonPath.<List<String>>read(text(opened), "$.parts[*].key")).containsExactly("D1", "D2", "D3", "D4");
		assertThat(JsonPath.<List<String>>read(text(opened), "$.allowedActions")).contains("SUBMIT", "WITHDRAW");
		assertThat(call(admin, post("/api/v1/levels/determinations/" + determination + "/dossier")).getStatus())
			.as("the appraising body does not prepare").isEqualTo(403);

		attach(dossier, "D1", "tong-quan.pdf", DossierFiles.PDF, 201);
		attach(dossier, "D2", "thiet-ke.docx", DossierFiles.docx(), 201);
		attach(dossier, "D3", "trang.html", DossierFiles.HTML, 422);
		attach(dossier, "D3", "thuyet-minh.xlsx", DossierFiles.xlsx(), 201);
		MockHttpServletResponse incomplete = step(officer, dossier, "SUBMIT", "{}");
		assertThat(incomplete.getStatus()).isEqualTo(422);
		assertThat(text(incomplete)).contains("levels.problem.part-missing:D4").contains("Thiếu tệp cho thành phần hồ sơ");
		attach(dossier, "D4", "so-do.png", DossierFiles.png(), 201);
		assertThat(step(officer, dossier, "SUBMIT", "{}").getStatus()).isEqualTo(200);

		String listed = text(call(admin, get("/api/v1/levels/dossiers").param("status", "SUBMITTED")));
		assertThat(JsonPath.<List<Integer>>read(listed, "$[*].id")).contains((int) dossier);
		assertThat(JsonPath.<List<String>>read(listed, "$[*].status")).containsOnly("SUBMITTED");
		assertThat(text(call(officerB, get("/api/v1/levels/dossiers")))).doesNotContain("\"id\":" + dossier + ",");
		assertThat(call(officerB, get("/api/v1/levels/dossiers/" + dossier)).getStatus()).isEqualTo(404);
		assertThat(step(officerB, dossier, "WITHDRAW", "{\"comment\":\"x\"}").getStatus()).isEqualTo(404);
		String queue = text(call(admin, get("/api/v1/levels/queue")));
		assertThat(JsonPath.<List<Integer>>read(queue, "$[*].dossier.id")).contains((int) dossier);

		assertThat(step(officer, dossier, "RECEIVE", "{}").getStatus()).as("only the appraising body receives")
			.isEqualTo(403);
		assertThat(step(admin, dossier, "RECEIVE", "{}").getStatus()).isEqualTo(200);
		MockHttpServletResponse silent = step(admin, dossier, "RETURN", "{}");
		assertThat(silent.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(text(silent), "$.problems")).containsExactly("levels.problem.comment-required");
		MockHttpServletResponse returned = step(admin, dossier, "RETURN", "{\"comment\":\"Bổ sung sơ đồ mạng\"}");
		assertThat(JsonPath.<String>read(text(returned), "$.dossier.status")).isEqualTo("RETURNED");
		assertThat(step(admin, dossier, "APPROVE", decision()).getStatus()).as("from the wrong status").isEqualTo(422);
		attach(dossier, "D4", "so-do-moi.jpg", DossierFiles.jpeg(), 201);
		assertThat(step(officer, dossier, "RESUBMIT", "{}").getStatus()).isEqualTo(200);
		assertThat(step(admin, dossier, "RECEIVE", "{}").getStatus()).isEqualTo(200);
		assertThat(step(admin, dossier, "APPRAISE", "{\"comment\":\"Đủ điều kiện\"}").getStatus()).isEqualTo(200);
		MockHttpServletResponse undecided = step(admin, dossier, "APPROVE", "{}");
		assertThat(JsonPath.<List<String>>read(text(undecided), "$.problems"))
			.containsExactly("levels.problem.decision-required");
		MockHttpServletResponse approved = step(admin, dossier, "APPROVE", decision());
		assertThat(approved.getStatus()).as(text(approved)).isEqualTo(200);
		assertThat(JsonPath.<String>read(text(approved), "$.dossier.decision.number")).isEqualTo("27/QĐ-UBND");
		assertThat(JsonPath.<List<String>>read(text(approved), "$.timeline[*].action")).containsExactly("CREATE",
				"SUBMIT", "RECEIVE", "RETURN", "RESUBMIT", "RECEIVE", "APPRAISE", "APPROVE");
		assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.APPROVED);
		for (String action : List.of("create", "submit", "receive", "return", "resubmit", "appraise", "approve")) {
			assertThat(audit("level.dossier." + action, Long.toString(dossier))).as(action).isPositive();
		}
		String read = text(call(auditor, get("/api/v1/levels/dossiers/" + dossier)));
		assertThat(JsonPath.<List<String>>read(read, "$.parts[?(@.key == 'D4')].attachments[*].fileName"))
			.containsExactly("so-do.png", "so-do-moi.jpg");
		assertThat(JsonPath.<List<String>>read(read, "$.allowedActions")).isEmpty();
		Number attachment = JsonPath.read(read, "$.parts[0].attachments[0].id");
		MockHttpServletResponse file = call(auditor, get("/api/v1/levels/dossiers/" + dossier + "/attachments/" + attachment));
		assertThat(file.getContentAsByteArray()).isEqualTo(DossierFiles.PDF);
		assertThat(file.getHeader("Content-Disposition")).startsWith("attachment;");

		// the plan of the approved level: the nine level-2 requirements of Decree 85, none done yet
		String plan = text(call(officer, get("/api/v1/levels/systems/" + system + "/plan")));
		assertThat(JsonPath.<List<String>>read(plan, "$.items[*].key")).hasSize(9).allMatch(k -> k.startsWith("REQ-6."));
		assertThat(JsonPath.<Integer>read(plan, "$.progress.percent")).isZero();
		assertThat(JsonPath.<String>read(plan, "$.framework")).isEqualTo("ND85_2016");
		for (String item : List.of("REQ-6.1.1", "REQ-6.1.2", "REQ-6.1.3")) {
			MockHttpServletResponse done = record(officer, system, item, "{\"status\":\"DONE\",\"owner\":\"Tổ CNTT\"}");
			assertThat(done.getStatus()).as(text(done)).isEqualTo(200);
		}
		MockHttpServletResponse na = record(officer, system, "REQ-6.2.4", "{\"status\":\"NOT_APPLICABLE\"}");
		assertThat(na.getStatus()).isEqualTo(422);
		assertThat(text(na)).contains("levels.problem.plan-reason");
		assertThat(record(officer, system, "REQ-6.2.4", "{\"status\":\"SOMETIMES\"}").getStatus()).isEqualTo(422);
		assertThat(record(officer, system, "REQ-9.9.9", "{\"status\":\"DONE\"}").getStatus()).isEqualTo(404);
		assertThat(record(auditor, system, "REQ-6.2.4", "{\"status\":\"DONE\"}").getStatus()).isEqualTo(403);
		assertThat(record(officerB, system, "REQ-6.2.4", "{\"status\":\"DONE\"}").getStatus()).isEqualTo(404);
		MockHttpServletResponse last = record(officer, system, "REQ-6.2.4",
				"{\"status\":\"NOT_APPLICABLE\",\"notApplicableReason\":\"Không có kết nối ra Internet\"}");
		assertThat(JsonPath.<Integer>read(text(last), "$.progress.percent")).as("3 of 8 applicable").isEqualTo(37);
		assertThat(audit("level.plan.update", dossier + ":REQ-6.1.1")).isEqualTo(1);

		String unit = text(call(auditor, get("/api/v1/levels/plans").param("unit", Long.toString(tree.communeA().id()))));
		assertThat(JsonPath.<Integer>read(unit, "$.systemsWithPlan")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(unit, "$.progress.percent")).isEqualTo(37);
		assertThat(JsonPath.<List<Integer>>read(unit, "$.systems[*].progress.percent")).containsExactly(37);
		assertThat(call(officerB, get("/api/v1/levels/plans").param("unit", Long.toString(tree.communeA().id())))
			.getStatus()).isEqualTo(404);

		String docs = text(call(auditor, get("/api-docs")));
		assertThat(docs).contains("/api/v1/levels/dossiers/{id}/steps/{action}", "/api/v1/levels/dossiers/{id}/pdf",
				"/api/v1/levels/systems/{systemId}/plan/items/{key}", "/api/v1/levels/plans", "/api/v1/levels/queue");
	}

	@Test
	void theDossierPrintsAsAnOfficialDocumentInVietnameseOnlyInScope() throws Exception {
		UnitRef commune = tree.unit("P", "COMMUNE", tree.districtA());
		TestTree.TestUser officer = tree.user("api.printer", Role.UNIT_OFFICER, commune);
		long system = systems.insert(new SystemDraft(commune.id(), "Camera <script>alert(1)</script>\r\nCổng chính",
				null, null, null, SystemStatus.OPERATING), OffsetDateTime.now(ZoneOffset.UTC));
		long determination = determine(officer, system);
		String rule = JsonPath.read(text(call(officer, get("/api/v1/levels/determinations/" + determination))),
				"$.decidingRules[0].key");
		long dossier = ((Number) JsonPath.read(text(call(officer,
				post("/api/v1/levels/determinations/" + determination + "/dossier"))), "$.dossier.id")).longValue();
		attach(officer, dossier, "D1", "tong-quan.pdf", DossierFiles.PDF, 201);
		attach(officer, dossier, "D2", "thiet-ke.docx", DossierFiles.docx(), 201);
		attach(officer, dossier, "D3", "thuyet-minh.xlsx", DossierFiles.xlsx(), 201);
		attach(officer, dossier, "D4", "so-do.png", DossierFiles.png(), 201);

		String draft = pdfText(call(officer, get("/levels/dossiers/" + dossier + "/pdf")));
		assertThat(draft).contains("Bản nháp").doesNotContain("Quyết định phê duyệt");

		step(officer, dossier, "SUBMIT", "{}");
		step(admin, dossier, "RECEIVE", "{}");
		step(admin, dossier, "RETURN", "{\"comment\":\"Bổ sung <b>sơ đồ</b>\"}");
		step(officer, dossier, "RESUBMIT", "{}");
		step(admin, dossier, "RECEIVE", "{}");
		assertThat(step(admin, dossier, "APPROVE", decision()).getStatus()).isEqualTo(200);

		MockHttpServletResponse download = call(auditor, get("/levels/dossiers/" + dossier + "/pdf"));
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).isEqualTo("application/pdf");
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("ho-so-cap-do-" + dossier + ".pdf");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getHeader("Cache-Control")).contains("no-store");
		String text = pdfText(download);
		String today = today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				tree.districtA().name().toUpperCase(java.util.Locale.ROOT), "ĐƠN VỊ P", "Số: " + dossier + "/HSCĐ",
				"thử " + tree.prefix() + ", ngày " + today.substring(0, 2) + " tháng " + today.substring(3, 5),
				"HỒ SƠ ĐỀ XUẤT CẤP ĐỘ", "Hệ thống thông tin: Camera <script>alert(1)</script> Cổng chính",
				"Cấp độ đề xuất: cấp độ 2", rule, "Quy tắc quyết định cấp độ", "Đơn vị chuyên trách về an toàn thông tin",
				"phiên bản", "ND85_2016", "Thành phần hồ sơ", "Tài liệu mô tả, thuyết minh tổng quan", "tong-quan.pdf",
				"so-do.png", "Nộp hồ sơ", "Trả lại hồ sơ", "Bổ sung <b>sơ đồ</b>", "Nộp lại hồ sơ", "Phê duyệt",
				"Quyết định số 27/QĐ-UBND ngày " + today + ", người ký: Phó Giám đốc Sở Trần Thị Hạnh",
				"Nơi nhận:", "THỦ TRƯỞNG ĐƠN VỊ");
		assertThat(text).doesNotContain("\r");

		MockHttpServletResponse api = call(auditor, get("/api/v1/levels/dossiers/" + dossier + "/pdf"));
		assertThat(pdfText(api)).contains("Quyết định số 27/QĐ-UBND");
		assertThat(call(officerB, get("/levels/dossiers/" + dossier + "/pdf")).getStatus()).isEqualTo(404);
		assertThat(call(officerB, get("/api/v1/levels/dossiers/" + dossier + "/pdf")).getStatus()).isEqualTo(404);
		assertThat(call(officerB, get("/levels/dossiers/999999999/pdf")).getStatus()).isEqualTo(404);
		assertThat(text(call(officer, get("/levels/dossiers/" + dossier)))).contains("/levels/dossiers/" + dossier + "/pdf");
	}

	/** The text as PDFBox reads it, runs of white space (line wraps) made one space; fonts must be embedded. */
	private static String pdfText(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			for (int page = 0; page < pdf.getNumberOfPages(); page++) {
				for (var name : pdf.getPage(page).getResources().getFontNames()) {
					PDFont font = pdf.getPage(page).getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				}
			}
			return new PDFTextStripper().getText(pdf).replaceAll("[ \\t\\n]+", " ");
		}
	}

	private static String decision() {
		return "{\"decisionNumber\":\"27/QĐ-UBND\",\"decisionDate\":\"" + today()
				+ "\",\"decisionSigner\":\"Phó Giám đốc Sở Trần Thị Hạnh\",\"comment\":\"Phê duyệt cấp độ 2\"}";
	}

	private long determine(long system) throws Exception {
		return determine(officer, system);
	}

	private long determine(TestTree.TestUser officer, long system) throws Exception {
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		MockHttpServletResponse created = call(officer, post("/api/v1/levels/systems/" + system + "/determinations")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"frameworkVersionId\":" + framework + ",\"answers\":" + ANSWERS + "}"));
		assertThat(created.getStatus()).as(text(created)).isEqualTo(201);
		assertThat(JsonPath.<Integer>read(text(created), "$.level")).isEqualTo(2);
		return ((Number) JsonPath.read(text(created), "$.id")).longValue();
	}

	private void attach(long dossier, String part, String name, byte[] content, int expected) throws Exception {
		attach(officer, dossier, part, name, content, expected);
	}

	private void attach(TestTree.TestUser officer, long dossier, String part, String name, byte[] content, int expected)
			throws Exception {
		MockHttpServletResponse response = call(officer, multipart("/api/v1/levels/dossiers/" + dossier + "/attachments")
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.param("part", part));
		assertThat(response.getStatus()).as(text(response)).isEqualTo(expected);
	}

	private MockHttpServletResponse step(TestTree.TestUser caller, long dossier, String action, String json)
			throws Exception {
		return call(caller, post("/api/v1/levels/dossiers/" + dossier + "/steps/" + action)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private MockHttpServletResponse record(TestTree.TestUser caller, long system, String item, String json)
			throws Exception {
		return call(caller, put("/api/v1/levels/systems/" + system + "/plan/items/" + item)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private MockHttpServletResponse call(TestTree.TestUser caller, AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

	private static String text(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private long system(String name) {
		return systems.insert(new SystemDraft(tree.communeA().id(), name + " " + tree.prefix(), null, null, null,
				SystemStatus.OPERATING), OffsetDateTime.now(ZoneOffset.UTC));
	}

	private long audit(String action, String entityId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND entity_id = :e")
			.param("a", action)
			.param("e", entityId)
			.query(Long.class)
			.single();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

}
