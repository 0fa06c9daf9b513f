package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
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
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * The province administrator keeps the frameworks in the pages: the list shows per version how many items
 * still wait for a check against the official text and how many determinations and dossiers keep it; a new
 * version is added from the page by copying the current one (a refused form keeps what was typed); a
 * requirement of the plan catalogue is corrected and marked not verified with its source, which writes the
 * next version; a system approved under the earlier version keeps that version's plan, word for word. Every
 * change is audited; an administrator granted on a district may not.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameworkVersionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	InformationSystems systems;

	@Autowired
	FrameworkStore frameworks;

	@Autowired
	DeterminationStore determinations;

	@Autowired
	DossierStore dossiers;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser provinceAdmin;

	TestTree.TestUser districtAdmin;

	TestTree.TestUser auditor;

	@BeforeAll
	void users() {
		tree = TestTree.create(setup);
		provinceAdmin = tree.user("fv.admin", Role.PROVINCE_ADMIN, tree.province());
		districtAdmin = tree.user("fv.admin.a", Role.PROVINCE_ADMIN, tree.districtA());
		auditor = tree.user("fv.auditor", Role.AUDITOR, tree.districtA());
	}

	@Test
	void theListShowsWhatIsNotVerifiedAndWhatKeepsEachVersion() throws Exception {
		FrameworkVersion current = LevelsMatrixFixture.current(frameworks, "ND85_2016");
		approvedSystem(current);
		String page = body(auditor, get("/levels/frameworks"));
		for (FrameworkVersion version : frameworks.versions()) {
			long notVerified = count("SELECT COUNT(*) FROM level_framework_item WHERE verified = FALSE "
					+ "AND framework_version_id = :v", version.id());
			long determined = count("SELECT COUNT(*) FROM level_determination WHERE framework_version_id = :v", version.id());
			long filed = count("SELECT COUNT(*) FROM level_dossier WHERE framework_version_id = :v", version.id());
			assertThat(cell(page, "not-verified-" + version.id())).isEqualTo(Long.toString(notVerified));
			// the page formats the numbers as the language does (10.757 in Vietnamese)
			assertThat(cell(page, "in-use-" + version.id())).isEqualTo(new java.text.MessageFormat(
					"{0} lần xác định, {1} hồ sơ", java.util.Locale.forLanguageTag("vi")).format(new Object[] { determined, filed }));
		}
		assertThat(cell(page, "in-use-" + current.id())).doesNotStartWith("0 ");
		assertThat(body(auditor, get("/levels/frameworks").param("lang", "en"))).contains("Items not verified")
			.contains(" determinations, ");
	}

	@Test
	void anAdministratorAddsAVersionAndCorrectsARequirementWhileApprovedPlansKeepTheirVersion() throws Exception {
		FrameworkVersion before = LevelsMatrixFixture.current(frameworks, "ND85_2016");
		String oldText = frameworks.framework(before.id()).orElseThrow().item("REQ-6.1.1").orElseThrow().text().vi();
		long system = approvedSystem(before);

		// a new version from the page: a refused form keeps what was typed
		MockHttpServletResponse refused = perform(as(provinceAdmin, post("/levels/frameworks/" + before.id() + "/copy"))
			.param("nameVi", "Nghị định 85 (bản rà soát " + tree.prefix() + ")")
			.param("nameEn", "Decree 85 (reviewed)")
			.param("validFrom", before.validFrom().toString()));
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(text(refused)).contains("id=\"form-errors\"").contains("bản rà soát " + tree.prefix());
		assertThat(LevelsMatrixFixture.current(frameworks, "ND85_2016").id()).isEqualTo(before.id());
		assertThat(perform(as(districtAdmin, post("/levels/frameworks/" + before.id() + "/copy"))
			.param("nameVi", "x").param("nameEn", "x").param("validFrom", "2016-07-01").param("note", "x"))
			.getStatus()).isEqualTo(403);
		MockHttpServletResponse copied = perform(copy(before, "Rà soát sau khi Bộ Công an tiếp nhận quản lý nhà nước"));
		assertThat(copied.getStatus()).isEqualTo(302);
		FrameworkVersion added = LevelsMatrixFixture.current(frameworks, "ND85_2016");
		assertThat(copied.getRedirectedUrl()).isEqualTo("/levels/frameworks/" + added.id());
		assertThat(added.version()).isEqualTo(before.version() + 1);
		assertThat(added.basedOnId()).isEqualTo(before.id());
		assertThat(added.name().vi()).isEqualTo("Nghị định 85 (bản rà soát " + tree.prefix() + ")");
		assertThat(frameworks.items(added.id())).hasSameSizeAs(frameworks.items(before.id()));
		assertThat(audit("level.framework.copy", added.id())).isEqualTo(1);

		// a requirement of the plan catalogue, corrected and marked not verified with its source
		assertThat(body(provinceAdmin, get("/levels/frameworks/" + added.id())))
			.contains("/levels/frameworks/" + added.id() + "/items/REQ-6.1.1/edit");
		MockHttpServletResponse corrected = perform(as(provinceAdmin,
				post("/levels/frameworks/" + added.id() + "/items/REQ-6.1.1"))
			.param("textVi", "Ban hành và rà soát hằng năm chính sách an toàn thông tin " + tree.prefix())
			.param("textEn", "Issue the security policy and review it every year")
			.param("source", "TCVN 11930:2017 §6.1.1, chờ đối chiếu bản chính thức")
			.param("note", "Sửa nội dung yêu cầu"));
		assertThat(corrected.getStatus()).isEqualTo(302);
		FrameworkVersion after = LevelsMatrixFixture.current(frameworks, "ND85_2016");
		assertThat(after.version()).isEqualTo(added.version() + 1);
		FrameworkItem item = frameworks.framework(after.id()).orElseThrow().item("REQ-6.1.1").orElseThrow();
		assertThat(item.verified()).isFalse();
		assertThat(item.source()).isEqualTo("TCVN 11930:2017 §6.1.1, chờ đối chiếu bản chính thức");
		assertThat(audit("level.framework.correct", after.id())).isEqualTo(1);
		String detail = body(auditor, get("/levels/frameworks/" + after.id()));
		assertThat(detail).contains("Ban hành và rà soát hằng năm chính sách an toàn thông tin " + tree.prefix())
			.contains("chờ đối chiếu bản chính thức");

		// the approved system keeps the plan of the version its dossier was filed under
		String plan = body(auditor, get("/api/v1/levels/systems/" + system + "/plan"));
		assertThat(JsonPath.<Integer>read(plan, "$.frameworkVersionId").longValue()).isEqualTo(before.id());
		assertThat(JsonPath.<List<String>>read(plan, "$.items[?(@.key == 'REQ-6.1.1')].vi")).containsExactly(oldText);
		assertThat(body(auditor, get("/levels/systems/" + system + "/plan"))).doesNotContain(
				"Ban hành và rà soát hằng năm chính sách an toàn thông tin " + tree.prefix());
	}

	private MockHttpServletRequestBuilder copy(FrameworkVersion from, String note) {
		MockHttpServletRequestBuilder request = as(provinceAdmin, post("/levels/frameworks/" + from.id() + "/copy"))
			.param("nameVi", "Nghị định 85 (bản rà soát " + tree.prefix() + ")")
			.param("nameEn", "Decree 85 (reviewed)")
			.param("validFrom", from.validFrom().toString())
			.param("note", note);
		if (from.validUntil() != null) {
			request.param("validUntil", from.validUntil().toString());
		}
		if (from.transitionUntil() != null) {
			request.param("transitionUntil", from.transitionUntil().toString());
		}
		return request;
	}

	/** A level-2 system of district A with a dossier approved under the version. */
	private long approvedSystem(FrameworkVersion version) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long system = systems.insert(new SystemDraft(tree.districtA().id(), "Camera phiên bản " + tree.prefix()
				+ " " + now.toInstant().toEpochMilli(), null, null, null, SystemStatus.OPERATING), now);
		long determination = determinations.insert(new Determination(0, system, tree.districtA().id(), version.id(),
				Map.of("system_type", "INTERNAL", "information", "PRIVATE_OR_PERSONAL"), 2, 2, List.of("R2-1"), 2, null,
				Determination.DRAFT, "test", now));
		long dossier = dossiers.insert(new Dossier(0, system, tree.districtA().id(), determination, version.id(), 2,
				DossierStatus.APPRAISED, null, null, null, null, null, "test", now, now));
		dossiers.transition(dossier, DossierStatus.APPRAISED, DossierStatus.APPROVED, null, null,
				new Dossier.Decision("5/QĐ-" + tree.prefix(), now.toLocalDate(), "test"), now);
		return system;
	}

	private static String cell(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1).replaceAll("<[^>]+>", "").strip();
	}

	private long count(String sql, long versionId) {
		return jdbc.sql(sql).param("v", versionId).query(Long.class).single();
	}

	private long audit(String action, long versionId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND entity_id = :e")
			.param("a", action)
			.param("e", Long.toString(versionId))
			.query(Long.class)
			.single();
	}

	private static MockHttpServletRequestBuilder as(TestTree.TestUser caller, MockHttpServletRequestBuilder request) {
		return request.with(user(caller.principal())).with(csrf());
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private String body(TestTree.TestUser caller, MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = perform(request.with(user(caller.principal())));
		assertThat(response.getStatus()).isEqualTo(200);
		return text(response);
	}

	private static String text(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

}
