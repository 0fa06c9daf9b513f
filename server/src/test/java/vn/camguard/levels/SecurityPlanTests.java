package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import vn.camguard.TestTree;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The security plan of an approved level: the requirement items of that level of the dossier's
 * framework version, recorded by the system's unit (status, owner, due date, evidence link or
 * document checked by content), not applicable only with a reason; percent implemented per system,
 * per unit subtree and for the province; readers see it, others of the unit may not change it, other
 * districts get 404; every change is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityPlanTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	InformationSystems systems;

	@Autowired
	DeterminationStore determinations;

	@Autowired
	DossierStore dossiers;

	@Autowired
	FrameworkStore frameworks;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser officer;

	TestTree.TestUser officerB;

	TestTree.TestUser auditor;

	TestTree.TestUser admin;

	@BeforeAll
	void users() {
		tree = TestTree.create(setup);
		officer = tree.user("pl.officer", Role.UNIT_OFFICER, tree.districtA());
		officerB = tree.user("pl.officer.b", Role.UNIT_OFFICER, tree.districtB());
		auditor = tree.user("pl.auditor", Role.AUDITOR, tree.districtA());
		admin = tree.user("pl.admin", Role.PROVINCE_ADMIN, tree.province());
	}

	@Test
	void theUnitRecordsItsPlanAndThePercentagesFollow() throws Exception {
		long system = approvedSystem(tree.communeA(), 2);
		long other = approvedSystem(tree.communeB(), 1);
		long unapproved = systems.insert(new SystemDraft(tree.communeA().id(), "Chưa duyệt " + tree.prefix(), null, null,
				null, SystemStatus.OPERATING), OffsetDateTime.now(ZoneOffset.UTC));

		String page = page(auditor, "/levels/systems/" + system + "/plan");
		assertThat(page).contains("TCVN 11930:2017 §6.1.1").contains("TCVN 11930:2017 §6.2.4")
			.doesNotContain("§5.1.1").doesNotContain("§7.1.1")
			.contains("0% implemented (0 of 9 applicable requirements)")
			.doesNotContain("name=\"status\"");
		assertThat(page(officer, "/levels/systems/" + unapproved + "/plan")).contains("id=\"plan-none\"");

		assertThat(record(officer, system, "REQ-6.1.1", Map.of("status", "DONE", "owner", "Tổ CNTT <b>xã</b>",
				"dueOn", "2027-03-31", "evidenceLink", "https://vanban.example.vn/quy-che.pdf")).getStatus()).isEqualTo(302);
		assertThat(record(officer, system, "REQ-6.2.1", Map.of("status", "DONE")).getStatus()).isEqualTo(302);
		assertThat(record(officer, system, "REQ-6.2.2", Map.of("status", "IN_PROGRESS")).getStatus()).isEqualTo(302);

		MockHttpServletResponse noReason = record(officer, system, "REQ-6.2.3", Map.of("status", "NOT_APPLICABLE"));
		assertThat(noReason.getContentAsString(StandardCharsets.UTF_8)).contains("needs the reason");
		MockHttpServletResponse script = record(officer, system, "REQ-6.2.3",
				Map.of("status", "DONE", "evidenceLink", "javascript:alert(1)"));
		assertThat(script.getContentAsString(StandardCharsets.UTF_8)).contains("must be an http:// or https:// address")
			.doesNotContain("href=\"javascript:alert(1)\"");
		assertThat(planRows(system)).isEqualTo(3);
		assertThat(record(officer, system, "REQ-6.2.3", Map.of("status", "NOT_APPLICABLE", "notApplicableReason",
				"Hệ thống không có máy chủ ứng dụng riêng")).getStatus()).isEqualTo(302);

		// evidence documents are checked by content like dossier files
		MockHttpServletResponse html = record(officer, system, "REQ-6.1.2", Map.of("status", "DONE"),
				new MockMultipartFile("evidence", "bien-ban.pdf", "application/pdf", DossierFiles.HTML));
		assertThat(html.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-errors\"");
		assertThat(record(officer, system, "REQ-6.1.2", Map.of("status", "IN_PROGRESS"),
				new MockMultipartFile("evidence", "bien-ban.pdf", "application/pdf", DossierFiles.PDF)).getStatus())
			.isEqualTo(302);
		MockHttpServletResponse evidence = mvc
			.perform(get("/levels/systems/" + system + "/plan/items/REQ-6.1.2/evidence").with(user(auditor.principal())))
			.andReturn()
			.getResponse();
		assertThat(evidence.getContentAsByteArray()).isEqualTo(DossierFiles.PDF);
		assertThat(evidence.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(evidence.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

		page = page(officer, "/levels/systems/" + system + "/plan");
		assertThat(page).contains("25% implemented (2 of 8 applicable requirements)")
			.contains("Tổ CNTT &lt;b&gt;xã&lt;/b&gt;")
			.contains("href=\"https://vanban.example.vn/quy-che.pdf\"")
			.contains("Hệ thống không có máy chủ ứng dụng riêng");

		// district A: 2 of 8; province: 2 of 8 + 0 of 9 (the level-1 system of district B)
		assertThat(page(officer, "/levels/plans?unit=" + tree.districtA().id())).contains("id=\"unit-percent\"")
			.contains("25% implemented (1 systems with a plan)");
		String province = page(admin, "/levels/plans?unit=" + tree.province().id());
		assertThat(province).contains("11% implemented (2 systems with a plan)");
		assertThat(children(province)).containsSubsequence(tree.districtA().name(), "25 %", tree.districtB().name(), "0 %");
		assertThat(page(admin, "/levels/plans")).as("a province administrator starts at the province")
			.contains(tree.province().name()).doesNotContain(tree.districtA().name() + "</h1>");

		assertThat(record(auditor, system, "REQ-6.2.4", Map.of("status", "DONE")).getStatus()).isEqualTo(403);
		assertThat(record(officerB, system, "REQ-6.2.4", Map.of("status", "DONE")).getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/levels/systems/" + system + "/plan").with(user(officerB.principal())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/levels/plans?unit=" + tree.districtA().id()).with(user(officerB.principal())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(record(officer, system, "REQ-7.1.1", Map.of("status", "DONE")).getStatus())
			.as("a requirement of another level").isEqualTo(404);
		assertThat(record(officer, unapproved, "REQ-6.1.1", Map.of("status", "DONE")).getContentAsString())
			.contains("id=\"form-errors\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'level.plan.update' AND entity_id LIKE :id")
			.param("id", approvedDossier(system) + ":%")
			.query(Long.class)
			.single()).isEqualTo(5);
		assertThat(other).isPositive();
	}

	private long approvedDossier(long system) {
		return dossiers.forSystem(system).getFirst().id();
	}

	private long planRows(long system) {
		return jdbc.sql("SELECT COUNT(*) FROM level_plan_item WHERE dossier_id = :d")
			.param("d", approvedDossier(system))
			.query(Long.class)
			.single();
	}

	private static List<String> children(String page) {
		String table = page.substring(page.indexOf("id=\"unit-children\""), page.indexOf("</table>", page.indexOf("id=\"unit-children\"")));
		return java.util.regex.Pattern.compile(">([^<>]+)</").matcher(table).results().map(m -> m.group(1).strip()).toList();
	}

	private MockHttpServletResponse record(TestTree.TestUser caller, long system, String key, Map<String, String> form,
			MockMultipartFile... files) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/levels/systems/" + system + "/plan/items/" + key);
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		form.forEach(request::param);
		request.param("lang", "en");
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

	private String page(TestTree.TestUser caller, String path) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get(path).param("lang", "en").with(user(caller.principal())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A system of the unit with an approved dossier of the level under the current Decree 85 version. */
	private long approvedSystem(UnitRef unit, int level) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		long system = systems.insert(new SystemDraft(unit.id(), "Phương án " + System.nanoTime(), null, null, null,
				SystemStatus.OPERATING), now);
		long determination = determinations.insert(new Determination(0, system, unit.id(), framework, Map.of(), level,
				level, List.of(), level, null, Determination.DRAFT, "test", now));
		long dossier = dossiers.insert(new Dossier(0, system, unit.id(), determination, framework, level,
				DossierStatus.SUBMITTED, null, null, null, null, null, "test", now, now));
		dossiers.transition(dossier, DossierStatus.SUBMITTED, DossierStatus.APPROVED, null, null,
				new Dossier.Decision("9/QĐ", LocalDate.of(2026, 12, 1), "Giám đốc"), now);
		return system;
	}

}
