package vn.camguard.levels;

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

import vn.camguard.TestTree;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * The level pages and API on the whole application: an officer of the system's unit runs the wizard
 * (the commune-square example gives level 2 with Art. 8.1 in words, saved as a draft under the
 * current framework version and audited); where the rules leave room (the police example) nothing
 * is saved until a level and a reason are given; readers of the unit see the result, other units get
 * 404, readers without write permission get 403 on the wizard; the REST API does the same. A
 * province administrator granted on the province corrects a time limit: a new version carries it,
 * the old version and the determination made under it stay as they were, the change is audited,
 * and a district-level administrator may not.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LevelsWebTests {

	private static final String COMMUNE_SQUARE = "system_type=INTERNAL&information=PRIVATE_OR_PERSONAL";

	private static final String POLICE_TRAFFIC = "system_type=INTERNAL&information=PRIVATE_OR_PERSONAL"
			+ "&defence_security=TO_BE_ASSESSED";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	InformationSystems systems;

	@Autowired
	FrameworkStore frameworks;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser officerB;

	TestTree.TestUser auditorA;

	TestTree.TestUser provinceAdmin;

	TestTree.TestUser districtAdmin;

	@BeforeAll
	void users() {
		tree = TestTree.create(setup);
		officerA = tree.user("lv.officer.a", Role.UNIT_OFFICER, tree.districtA());
		officerB = tree.user("lv.officer.b", Role.UNIT_OFFICER, tree.districtB());
		auditorA = tree.user("lv.auditor.a", Role.AUDITOR, tree.districtA());
		provinceAdmin = tree.user("lv.admin", Role.PROVINCE_ADMIN, tree.province());
		districtAdmin = tree.user("lv.admin.a", Role.PROVINCE_ADMIN, tree.districtA());
	}

	@Test
	void officerRunsTheWizardAndReadersInScopeSeeTheResult() throws Exception {
		long system = system("Camera quảng trường xã");
		String systemPage = body(as(officerA, get("/inventory/systems/" + system)));
		assertThat(systemPage).contains("/levels/systems/" + system + "/wizard");

		String wizard = body(as(officerA, get("/levels/systems/" + system + "/wizard").param("lang", "en")));
		assertThat(wizard).contains("What does the system serve?").contains("name=\"q.information\"");

		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		MockHttpServletResponse saved = perform(as(officerA,
				answers(post("/levels/systems/" + system + "/determinations"), COMMUNE_SQUARE)
					.param("frameworkVersionId", Long.toString(framework))));
		assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
		String location = saved.getRedirectedUrl();
		assertThat(location).matches("/levels/determinations/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		Map<String, Object> row = jdbc.sql("SELECT * FROM level_determination WHERE id = :id").param("id", id).query().singleRow();
		assertThat(((Number) row.get("chosen_level")).intValue()).isEqualTo(2);
		assertThat(((Number) row.get("framework_version_id")).longValue()).isEqualTo(framework);
		assertThat(row.get("status")).isEqualTo("DRAFT");
		assertThat(audit("level.determination.create", Long.toString(id))).isEqualTo(1);

		String result = body(as(auditorA, get(location)));
		assertThat(result).contains("Cấp độ 2")
			.contains("Decree 85 Art. 8.1")
			.contains("Hệ thống phục vụ hoạt động nội bộ, có xử lý thông tin riêng, thông tin cá nhân")
			.contains("An internal-operations system that processes private or personal information");
		assertThat(body(as(auditorA, get("/levels/systems/" + system)))).contains(location);

		assertThat(status(as(officerB, get(location)))).isEqualTo(404);
		assertThat(status(as(officerB, get("/levels/systems/" + system)))).isEqualTo(404);
		assertThat(status(as(officerB, get("/levels/systems/" + system + "/wizard")))).isEqualTo(404);
		assertThat(status(as(officerB, answers(post("/levels/systems/" + system + "/determinations"), COMMUNE_SQUARE)
			.param("frameworkVersionId", Long.toString(framework))))).isEqualTo(404);
		assertThat(status(as(auditorA, get("/levels/systems/" + system + "/wizard")))).isEqualTo(403);
	}

	@Test
	void whereTheRulesLeaveRoomTheOfficerMustChooseAndSayWhy() throws Exception {
		long system = system("Camera giao thông");
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		MockHttpServletResponse refused = perform(as(officerA,
				answers(post("/levels/systems/" + system + "/determinations"), POLICE_TRAFFIC)
					.param("frameworkVersionId", Long.toString(framework))
					.param("lang", "en")));
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-errors\"")
			.contains("The rules leave the choice between level 3 and level 4")
			.contains("Say why you chose this level.")
			.contains("value=\"TO_BE_ASSESSED\" checked");
		assertThat(count(system)).isZero();

		MockHttpServletResponse saved = perform(as(officerA,
				answers(post("/levels/systems/" + system + "/determinations"), POLICE_TRAFFIC)
					.param("frameworkVersionId", Long.toString(framework))
					.param("chosenLevel", "4")
					.param("justification", "<script>x</script> chỉ huy giao thông toàn tỉnh")));
		assertThat(saved.getStatus()).isEqualTo(302);
		String result = body(as(officerA, get(saved.getRedirectedUrl())));
		assertThat(result).contains("Cấp độ 4")
			.contains("&lt;script&gt;x&lt;/script&gt; chỉ huy giao thông toàn tỉnh")
			.doesNotContain("<script>x</script>");
	}

	@Test
	void restApiDeterminesWithTheSameChecks() throws Exception {
		long system = system("Camera API");
		long framework = LevelsMatrixFixture.current(frameworks, "ND331_2026").id();
		String json = "{\"frameworkVersionId\":" + framework + ",\"answers\":{\"system_type\":\"INFRASTRUCTURE\","
				+ "\"information\":\"PRIVATE_OR_PERSONAL\",\"defence_security\":\"NONE\",\"citizen_service\":\"NOT_APPLICABLE\","
				+ "\"personal_data_users\":\"NONE\",\"infrastructure_scope\":\"SECTOR_OR_PROVINCES\","
				+ "\"industrial_works\":\"NOT_APPLICABLE\",\"national_role\":\"NONE\"}}";
		MockHttpServletResponse created = perform(as(officerA, post("/api/v1/levels/systems/" + system + "/determinations")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String body = created.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"level\":3").contains("\"framework\":\"ND331_2026\"").contains("\"key\":\"R3-3\"");

		MockHttpServletResponse missing = perform(as(officerA, post("/api/v1/levels/systems/" + system + "/determinations")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"frameworkVersionId\":" + framework + ",\"answers\":{\"system_type\":\"INTERNAL\"}}")));
		assertThat(missing.getStatus()).isEqualTo(422);
		assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("levels.problem.unanswered:information");

		assertThat(status(as(officerB, post("/api/v1/levels/systems/" + system + "/determinations")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)))).isEqualTo(404);
		assertThat(status(as(officerB, get("/api/v1/levels/systems/" + system + "/determinations")))).isEqualTo(404);
		assertThat(body(as(auditorA, get("/api/v1/levels/systems/" + system + "/determinations")))).contains("\"level\":3");

		String docs = body(as(auditorA, get("/api-docs")));
		assertThat(docs).contains("/api/v1/levels/systems/{systemId}/determinations")
			.contains("/api/v1/levels/frameworks/{id}/items/{key}");
	}

	@Test
	void aProvinceAdministratorCorrectsATimeLimitAsANewVersion() throws Exception {
		long system = system("Camera trước sửa đổi");
		long before = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		// read, not assumed: on a database kept between runs an earlier run may have corrected it already
		int limit = frameworks.framework(before).orElseThrow().item("T-APPROVAL").orElseThrow().amount();
		perform(as(officerA, answers(post("/levels/systems/" + system + "/determinations"), COMMUNE_SQUARE)
			.param("frameworkVersionId", Long.toString(before))));

		assertThat(status(as(districtAdmin, get("/levels/frameworks/" + before + "/items/T-APPROVAL/edit")))).isEqualTo(403);
		assertThat(body(as(provinceAdmin, get("/levels/frameworks/" + before)))).contains("/items/T-APPROVAL/edit");
		assertThat(body(as(districtAdmin, get("/levels/frameworks/" + before)))).doesNotContain("/items/T-APPROVAL/edit");

		MockHttpServletResponse refused = perform(as(provinceAdmin, post("/levels/frameworks/" + before + "/items/T-APPROVAL")
			.param("textVi", "Phê duyệt")
			.param("textEn", "Approval")
			.param("amount", "bảy")
			.param("source", "Decree 85 Art. 17")));
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-errors\"").contains("bảy");
		assertThat(LevelsMatrixFixture.current(frameworks, "ND85_2016").id()).isEqualTo(before);

		MockHttpServletResponse corrected = perform(as(provinceAdmin, post("/levels/frameworks/" + before + "/items/T-APPROVAL")
			.param("textVi", "Phê duyệt kể từ khi nhận hồ sơ phê duyệt đầy đủ")
			.param("textEn", "Approval from receipt of a complete approval dossier")
			.param("amount", Integer.toString(limit + 1))
			.param("verified", "true")
			.param("source", "Decree 85 Art. 17, checked 12/2026")
			.param("note", "test correction")));
		assertThat(corrected.getStatus()).isEqualTo(302);
		long after = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		assertThat(after).isNotEqualTo(before);
		assertThat(corrected.getRedirectedUrl()).isEqualTo("/levels/frameworks/" + after);
		assertThat(frameworks.framework(after).orElseThrow().item("T-APPROVAL").orElseThrow().amount()).isEqualTo(limit + 1);
		assertThat(frameworks.framework(before).orElseThrow().item("T-APPROVAL").orElseThrow().amount()).isEqualTo(limit);
		assertThat(jdbc.sql("SELECT framework_version_id FROM level_determination WHERE system_id = :s")
			.param("s", system)
			.query(Long.class)
			.single()).isEqualTo(before);
		assertThat(audit("level.framework.correct", Long.toString(after))).isEqualTo(1);
		assertThat(body(as(officerA, get("/levels/systems/" + system + "/wizard").param("framework", Long.toString(before)))))
			.as("an old link to a superseded version opens a current one")
			.doesNotContain("name=\"frameworkVersionId\" value=\"" + before + "\"")
			.contains("name=\"frameworkVersionId\"");
		assertThat(body(as(auditorA, get("/levels/determinations/" + jdbc
			.sql("SELECT id FROM level_determination WHERE system_id = :s")
			.param("s", system)
			.query(Long.class)
			.single())))).as("the determination still shows the limit of its own version")
			.contains("<strong>" + limit + " ngày làm việc</strong>");

		MockHttpServletResponse stale = perform(as(provinceAdmin, put("/api/v1/levels/frameworks/" + before + "/items/T-APPROVAL")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"textVi\":\"x\",\"textEn\":\"x\",\"amount\":9,\"verified\":false,\"source\":\"x\"}")));
		assertThat(stale.getStatus()).as("a superseded version is not corrected").isEqualTo(422);
		assertThat(status(as(districtAdmin, put("/api/v1/levels/frameworks/" + after + "/items/T-APPROVAL")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"textVi\":\"x\",\"textEn\":\"x\",\"amount\":9,\"verified\":false,\"source\":\"x\"}")))).isEqualTo(403);

		MockHttpServletResponse copy = perform(as(provinceAdmin, post("/api/v1/levels/frameworks/" + after + "/copies")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"nameVi\":\"Nghị định 85 (bản tỉnh)\",\"nameEn\":\"Decree 85 (province copy)\","
					+ "\"validFrom\":\"2016-07-01\",\"validUntil\":\"2026-07-01\",\"transitionUntil\":\"2027-01-01\","
					+ "\"note\":\"copy for test\"}")));
		assertThat(copy.getStatus()).as(copy.getContentAsString()).isEqualTo(201);
		long copied = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		assertThat(frameworks.items(copied)).hasSameSizeAs(frameworks.items(after));
		assertThat(audit("level.framework.copy", Long.toString(copied))).isEqualTo(1);
	}

	private long system(String name) {
		return systems.insert(new SystemDraft(tree.districtA().id(), name + " " + tree.prefix(), null, null, null,
				SystemStatus.OPERATING), OffsetDateTime.now(ZoneOffset.UTC));
	}

	private static MockHttpServletRequestBuilder answers(MockHttpServletRequestBuilder request, String answers) {
		String all = "defence_security=NONE&citizen_service=NOT_APPLICABLE&personal_data_users=NONE"
				+ "&infrastructure_scope=NOT_APPLICABLE&industrial_works=NOT_APPLICABLE&national_role=NONE&" + answers;
		Map<String, String> merged = new java.util.LinkedHashMap<>();
		for (String pair : all.split("&")) {
			String[] kv = pair.split("=");
			merged.put(kv[0], kv[1]);
		}
		merged.forEach((k, v) -> request.param("q." + k, v));
		return request;
	}

	private long count(long system) {
		return jdbc.sql("SELECT COUNT(*) FROM level_determination WHERE system_id = :s").param("s", system).query(Long.class).single();
	}

	private long audit(String action, String entityId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND entity_id = :e")
			.param("a", action)
			.param("e", entityId)
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
