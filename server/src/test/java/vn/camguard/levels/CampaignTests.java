package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import vn.camguard.TestTree;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.Campaigns.Campaign;
import vn.camguard.levels.Campaigns.DeadlineKind;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.domain.PlanItemState;
import vn.camguard.levels.domain.PlanStatus;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.levels.persistence.PlanStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.shared.spreadsheet.TabularFile;

/**
 * Campaigns as data (the two shipped, marked verified or not; the province administrator adds and
 * edits them, audited), the lists of systems still owing a level or a full plan per campaign (grouped by
 * unit, only inside the caller's units, exported to XLSX), unit regulations (document checked by
 * content; which units lack one covering cameras) and the dashboard figures per child unit, which move
 * when plan items are marked done; the home page shows the dashboard instead of the three counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignTests {

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
	PlanStore plans;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser officerB;

	TestTree.TestUser auditorA;

	TestTree.TestUser admin;

	long directive;

	long transition;

	long withoutLevel;

	long planHalfDone;

	long planDone;

	long retired;

	long withoutLevelB;

	@BeforeAll
	void data() {
		tree = TestTree.create(setup);
		officerA = tree.user("cp.officer.a", Role.UNIT_OFFICER, tree.districtA());
		officerB = tree.user("cp.officer.b", Role.UNIT_OFFICER, tree.districtB());
		auditorA = tree.user("cp.auditor.a", Role.AUDITOR, tree.districtA());
		admin = tree.user("cp.admin", Role.PROVINCE_ADMIN, tree.province());
		directive = campaigns.all().stream().filter(c -> c.code().equals("CT23_2023")).findFirst().orElseThrow().id();
		transition = campaigns.all()
			.stream()
			.filter(c -> c.code().equals("TRANSITION_2026"))
			.findFirst()
			.orElseThrow()
			.id();
		withoutLevel = system(tree.communeA(), "Không cấp độ", SystemStatus.OPERATING);
		planHalfDone = approvedSystem(tree.communeA(), "Phương án dở", 1, 1);
		planDone = approvedSystem(tree.communeA(), "Phương án xong", 1, Integer.MAX_VALUE);
		retired = system(tree.districtA(), "Đã dừng", SystemStatus.RETIRED);
		withoutLevelB = system(tree.communeB(), "Không cấp độ B", SystemStatus.PLANNED);
	}

	@Test
	void theShippedCampaignsCarryTheDirectiveAndTransitionDeadlinesMarkedVerifiedOrNot() {
		Campaign ct23 = campaigns.find(directive).orElseThrow();
		assertThat(ct23.levelsDueOn()).isEqualTo(LocalDate.of(2023, 3, 31));
		assertThat(ct23.plansDueOn()).isEqualTo(LocalDate.of(2023, 9, 30));
		assertThat(ct23.frameworkCodes()).containsExactly("ND85_2016");
		assertThat(ct23.verified()).isTrue();
		Campaign t = campaigns.find(transition).orElseThrow();
		assertThat(t.levelsDueOn()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(t.plansDueOn()).isEqualTo(LocalDate.of(2027, 7, 1));
		assertThat(t.frameworkCodes()).containsExactly("ND85_2016", "ND331_2026");
		assertThat(t.verified()).isFalse();
		assertThat(campaigns.deadlinesBetween(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)))
			.filteredOn(d -> d.campaign().id() == directive)
			.extracting(Campaigns.Deadline::kind, Campaigns.Deadline::dueOn)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DeadlineKind.LEVELS_APPROVED, LocalDate.of(2023, 3, 31)),
					org.assertj.core.groups.Tuple.tuple(DeadlineKind.PLANS_IMPLEMENTED, LocalDate.of(2023, 9, 30)));
		assertThat(campaigns.deadlinesBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1)))
			.extracting(d -> d.campaign().code())
			.contains("TRANSITION_2026")
			.doesNotContain("CT23_2023");
		// per unit how many systems owe the date: commune A's system without a level, commune B's planned one;
		// the retired one of district A does not count, nor commune A's systems with a level
		assertThat(campaigns.owingPerUnit(directive, DeadlineKind.LEVELS_APPROVED)).contains(
				new Campaigns.UnitOwing(tree.communeA().id(), 1), new Campaigns.UnitOwing(tree.communeB().id(), 1))
			.extracting(Campaigns.UnitOwing::unitId)
			.doesNotContain(tree.districtA().id());
		// commune A's half-done plan; not the finished one, nor the system without a level
		assertThat(campaigns.owingPerUnit(directive, DeadlineKind.PLANS_IMPLEMENTED))
			.contains(new Campaigns.UnitOwing(tree.communeA().id(), 1))
			.extracting(Campaigns.UnitOwing::unitId)
			.doesNotContain(tree.communeB().id(), tree.districtA().id());
	}

	@Test
	void theProvinceAdministratorAddsAndEditsACampaignOthersMayNot() throws Exception {
		String code = "C" + tree.prefix();
		MockHttpServletResponse missing = perform(admin,
				post("/levels/campaigns").param("code", code).param("nameVi", "Rà soát 2027").param("nameEn", "Review 2027"));
		assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-errors\"")
			.contains("Choose at least one framework.")
			.contains("Enter at least one deadline.")
			.contains("value=\"Rà soát 2027\"");
		assertThat(perform(officerA, post("/levels/campaigns").param("code", code).param("nameVi", "x")
			.param("nameEn", "x").param("frameworks", "ND85_2016").param("levelsDueOn", "2027-03-31")).getStatus())
			.isEqualTo(403);
		assertThat(perform(officerA, get("/levels/campaigns/new")).getStatus()).isEqualTo(403);
		MockHttpServletResponse created = perform(admin, post("/levels/campaigns").param("code", code)
			.param("nameVi", "Rà soát <b>2027</b>")
			.param("nameEn", "Review 2027")
			.param("frameworks", "ND331_2026")
			.param("plansDueOn", "2027-12-31")
			.param("source", "Công văn của UBND tỉnh"));
		assertThat(created.getStatus()).isEqualTo(302);
		Campaign campaign = campaigns.all().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
		assertThat(campaign.levelsDueOn()).isNull();
		assertThat(campaign.plansDueOn()).isEqualTo(LocalDate.of(2027, 12, 31));
		assertThat(perform(admin, post("/levels/campaigns/" + campaign.id()).param("code", code)
			.param("nameVi", "Rà soát 2027")
			.param("nameEn", "Review 2027")
			.param("frameworks", "ND331_2026")
			.param("frameworks", "ND85_2016")
			.param("levelsDueOn", "2027-06-30")
			.param("plansDueOn", "2027-12-31")
			.param("verified", "true")).getStatus()).isEqualTo(302);
		assertThat(campaigns.find(campaign.id()).orElseThrow().levelsDueOn()).isEqualTo(LocalDate.of(2027, 6, 30));
		assertThat(perform(admin, post("/levels/campaigns").param("code", code).param("nameVi", "x").param("nameEn", "x")
			.param("frameworks", "ND85_2016").param("levelsDueOn", "2027-03-31")).getContentAsString(StandardCharsets.UTF_8))
			.contains("This campaign code is already used.");
		assertThat(page(officerA, "/levels/campaigns")).contains("Review 2027").contains("31/03/2023")
			.contains("Not checked against the official text").doesNotContain("/levels/campaigns/new");
		assertThat(page(admin, "/levels/campaigns")).contains("href=\"/levels/campaigns/new\"");
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'level-campaign' AND entity_id = :id "
				+ "ORDER BY id")
			.param("id", Long.toString(campaign.id()))
			.query(String.class)
			.list()).containsExactly("level.campaign.create", "level.campaign.update");
	}

	@Test
	void overdueListsShowOnlyTheCallersUnitsGroupedByUnitAndExport() throws Exception {
		String levels = page(officerA, "/levels/campaigns/" + directive + "/systems?kind=LEVELS_APPROVED");
		assertThat(levels).contains("Overdue since 31/03/2023: 1 systems.")
			.contains("id=\"system-" + withoutLevel + "\"")
			.contains("id=\"unit-" + tree.communeA().id() + "\"")
			.doesNotContain("id=\"system-" + withoutLevelB + "\"")
			.doesNotContain("id=\"system-" + retired + "\"")
			.doesNotContain("id=\"system-" + planHalfDone + "\"");
		assertThat(perform(officerA, get("/levels/campaigns/" + directive + "/systems").param("unit",
				Long.toString(tree.districtB().id()))).getStatus()).isEqualTo(404);
		assertThat(perform(officerB, get("/levels/campaigns/" + directive + "/systems/export").param("unit",
				Long.toString(tree.communeA().id()))).getStatus()).isEqualTo(404);
		String province = page(admin, "/levels/campaigns/" + directive + "/systems?kind=LEVELS_APPROVED&unit="
				+ tree.province().id());
		assertThat(province).contains("Overdue since 31/03/2023: 2 systems.")
			.containsSubsequence("id=\"unit-" + tree.communeA().id() + "\"", "id=\"system-" + withoutLevel + "\"")
			.contains("id=\"system-" + withoutLevelB + "\"");

		String plansList = page(auditorA, "/levels/campaigns/" + directive + "/systems?kind=PLANS_IMPLEMENTED");
		assertThat(plansList).contains("Overdue since 30/09/2023: 1 systems.")
			.contains("id=\"system-" + planHalfDone + "\"")
			.doesNotContain("id=\"system-" + planDone + "\"")
			.doesNotContain("id=\"system-" + withoutLevel + "\"");
		assertThat(page(officerA, "/levels/campaigns/" + transition + "/systems?kind=LEVELS_APPROVED"))
			.contains("Due on 01/01/2027 (not yet): 1 systems not done.");

		MockHttpServletResponse xlsx = perform(admin, get("/levels/campaigns/" + directive + "/systems/export")
			.param("kind", "LEVELS_APPROVED")
			.param("unit", Long.toString(tree.province().id())));
		assertThat(xlsx.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		List<List<String>> rows = xlsx(xlsx.getContentAsByteArray());
		assertThat(rows.getFirst()).contains("Unit", "System");
		assertThat(rows).extracting(r -> r.get(3)).contains("Không cấp độ " + tree.prefix(), "Không cấp độ B " + tree.prefix());
		assertThat(rows).hasSize(3);

		String api = perform(officerA, get("/api/v1/levels/campaigns/" + directive + "/systems")
			.param("kind", "PLANS_IMPLEMENTED")).getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains("\"overdue\":true").contains("\"systemId\":" + planHalfDone).contains("\"total\":1");
		assertThat(perform(officerB, get("/api/v1/levels/campaigns/" + directive + "/systems").param("unit",
				Long.toString(tree.districtA().id()))).getStatus()).isEqualTo(404);
	}

	@Test
	void unitsRecordTheirRegulationCheckedByContentAndTheProvinceSeesWhoLacksOne() throws Exception {
		UnitRef unit = tree.unit("QC" + System.nanoTime() % 100000, "COMMUNE", tree.districtA());
		MockHttpServletResponse html = regulation(officerA, unit, Map.of("issuedOn", "2025-05-10", "coversCameras", "true",
				"cameraClause", "Điều 7"), new MockMultipartFile("document", "quy-che.pdf", "application/pdf", DossierFiles.HTML));
		assertThat(html.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-errors\"")
			.contains("checked by content");
		MockHttpServletResponse noClause = regulation(officerA, unit, Map.of("issuedOn", "2025-05-10", "coversCameras",
				"true"), new MockMultipartFile("document", "quy-che.pdf", "application/pdf", DossierFiles.PDF));
		assertThat(noClause.getContentAsString(StandardCharsets.UTF_8)).contains("needs the clause");
		assertThat(regulation(auditorA, unit, Map.of("issuedOn", "2025-05-10"),
				new MockMultipartFile("document", "quy-che.pdf", "application/pdf", DossierFiles.PDF)).getStatus())
			.isEqualTo(403);
		assertThat(regulation(officerB, unit, Map.of("issuedOn", "2025-05-10"),
				new MockMultipartFile("document", "quy-che.pdf", "application/pdf", DossierFiles.PDF)).getStatus())
			.isEqualTo(404);
		String lacking = page(admin, "/levels/regulations?unit=" + tree.districtA().id());
		assertThat(lacking).contains("id=\"regulation-unit-" + unit.id() + "\"");

		assertThat(regulation(officerA, unit, Map.of("documentNumber", "12/QC-UBND", "issuedOn", "2025-05-10"),
				new MockMultipartFile("document", "quy-che.pdf", "application/pdf", DossierFiles.PDF)).getStatus())
			.isEqualTo(302);
		assertThat(page(admin, "/levels/regulations?unit=" + tree.districtA().id()))
			.as("a regulation that does not cover cameras still lacks")
			.contains("id=\"regulation-unit-" + unit.id() + "\"");
		assertThat(regulation(officerA, unit, Map.of("documentNumber", "15/QC-UBND", "issuedOn", "2026-01-05",
				"coversCameras", "true", "cameraClause", "Điều 7 <script>"),
				new MockMultipartFile("document", "quy-che-moi.pdf", "application/pdf", DossierFiles.PDF)).getStatus())
			.isEqualTo(302);
		assertThat(page(admin, "/levels/regulations?unit=" + tree.districtA().id()))
			.doesNotContain("id=\"regulation-unit-" + unit.id() + "\"");
		String all = page(admin, "/levels/regulations?lacking=false&unit=" + tree.districtA().id());
		assertThat(all).contains("id=\"regulation-unit-" + unit.id() + "\"").contains("15/QC-UBND");
		String own = page(auditorA, "/levels/units/" + unit.id() + "/regulation");
		assertThat(own).contains("Điều 7 &lt;script&gt;").contains("12/QC-UBND").doesNotContain("id=\"regulation-form\"");
		long id = jdbc.sql("SELECT MAX(id) FROM level_unit_regulation WHERE unit_id = :u")
			.param("u", unit.id())
			.query(Long.class)
			.single();
		MockHttpServletResponse download = perform(auditorA,
				get("/levels/units/" + unit.id() + "/regulation/" + id + "/document"));
		assertThat(download.getContentAsByteArray()).isEqualTo(DossierFiles.PDF);
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(perform(officerB, get("/levels/units/" + unit.id() + "/regulation/" + id + "/document")).getStatus())
			.isEqualTo(404);
		assertThat(perform(officerA, get("/levels/units/" + tree.communeB().id() + "/regulation/" + id + "/document"))
			.getStatus()).isEqualTo(404);
		List<List<String>> rows = xlsx(perform(admin, get("/levels/regulations/export").param("unit",
				Long.toString(tree.districtA().id())).param("lacking", "false")).getContentAsByteArray());
		assertThat(rows).anySatisfy(r -> assertThat(r).contains(unit.name(), "Yes, covers surveillance cameras"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'level.regulation.record' AND unit_id = :u")
			.param("u", unit.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theDashboardCountsPerChildUnitDrillsDownAndMovesWhenPlanItemsAreDone() throws Exception {
		TestTree own = TestTree.create(setup);
		TestTree.TestUser ownAdmin = own.user("cp.dash.admin", Role.PROVINCE_ADMIN, own.province());
		TestTree.TestUser ownOfficer = own.user("cp.dash.officer", Role.UNIT_OFFICER, own.districtA());
		system(own.communeA(), "Không cấp độ", SystemStatus.OPERATING);
		long half = approvedSystem(own.communeA(), "Dở", 1, 1);
		approvedSystem(own.districtA(), "Xong", 1, Integer.MAX_VALUE);
		system(own.communeB(), "B", SystemStatus.OPERATING);
		system(own.districtB(), "Dừng", SystemStatus.RETIRED);

		String province = page(ownAdmin, "/levels/dashboard?campaign=" + directive);
		String rowA = row(province, "dashboard-unit-" + own.districtA().id());
		assertThat(rowA).contains(own.districtA().name()).contains(">3<").contains("2 (66 %)").contains(">1<");
		String rowB = row(province, "dashboard-unit-" + own.districtB().id());
		assertThat(rowB).contains(">1<").contains("0 (0 %)");
		assertThat(row(province, "dashboard-total")).contains(">4<").contains("2 (50 %)");
		assertThat(province).contains("<svg").contains("id=\"chart-plans\"")
			.contains("href=\"/levels/dashboard?unit=" + own.districtA().id() + "&amp;campaign=" + directive + "\"")
			.contains("href=\"/levels/campaigns/" + directive + "/systems?unit=" + own.districtA().id()
					+ "&amp;kind=PLANS_IMPLEMENTED\"");
		int before = planPercent(rowA);
		assertThat(before).isBetween(1, 99);

		String drilled = page(ownAdmin, "/levels/dashboard?campaign=" + directive + "&unit=" + own.districtA().id());
		assertThat(row(drilled, "dashboard-unit-" + own.communeA().id())).contains("1 (50 %)");
		assertThat(row(drilled, "dashboard-own-" + own.districtA().id())).contains("1 (100 %)");
		assertThat(perform(ownOfficer, get("/levels/dashboard").param("unit", Long.toString(own.province().id())))
			.getStatus()).isEqualTo(404);
		assertThat(page(ownOfficer, "/levels/dashboard?campaign=" + directive)).contains("id=\"dashboard-unit-"
				+ own.communeA().id() + "\"").doesNotContain(own.districtB().name());

		completePlan(half);
		String after = page(ownAdmin, "/levels/dashboard?campaign=" + directive);
		assertThat(planPercent(row(after, "dashboard-unit-" + own.districtA().id()))).isEqualTo(100);
		assertThat(row(after, "dashboard-unit-" + own.districtA().id())).contains("class=\"fig-plans-overdue\"")
			.containsPattern("fig-plans-overdue\"[^>]*>0<");

		List<List<String>> rows = xlsx(perform(ownAdmin, get("/levels/dashboard/export").param("campaign",
				Long.toString(directive))).getContentAsByteArray());
		assertThat(rows.getFirst()).contains("Systems", "Plans implemented (%)", "Levels overdue");
		assertThat(rows).anySatisfy(r -> assertThat(r).containsSequence(own.districtA().code(), own.districtA().name(),
				"3", "2", "66", "100", "1", "1", "0", "0"));
		assertThat(rows).anySatisfy(r -> assertThat(r.get(1)).isEqualTo("All of " + own.province().name()));

		String home = page(ownAdmin, "/");
		assertThat(home).contains("id=\"dashboard\"").contains("id=\"dashboard-unit-" + own.districtA().id() + "\"")
			.doesNotContain("Cameras and recorders in your units");
		String api = perform(ownAdmin, get("/api/v1/levels/dashboard").param("campaign", Long.toString(directive)))
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains("\"levelsOverdue\":2").contains("\"code\":\"" + own.districtA().code() + "\"");
	}

	/**
	 * The dashboard's links are made in Java rather than by {@code @{...}} in the template: they must still carry
	 * the context path; and the names in the table and the charts, made in Java too, must still be shown as text.
	 */
	@Test
	void theDashboardLinksKeepTheContextPathAndItsNamesStayText() throws Exception {
		TestTree own = TestTree.create(setup);
		TestTree.TestUser ownAdmin = own.user("cp.ctx.admin", Role.PROVINCE_ADMIN, own.province());
		UnitRef odd = setup.ensureUnit(own.prefix() + "-X", "<b>Xã \"Hòa\" & Bình rất dài tên</b>", "DISTRICT",
				own.province().code());
		approvedSystem(odd, "Ngoặc", 1, 1);

		String page = perform(ownAdmin, get("/ctx/levels/dashboard").contextPath("/ctx")
			.param("campaign", Long.toString(directive))).getContentAsString(StandardCharsets.UTF_8);
		String line = row(page, "dashboard-unit-" + odd.id());
		assertThat(line).contains("href=\"/ctx/levels/dashboard?unit=" + odd.id() + "&amp;campaign=" + directive + "\"")
			.contains("href=\"/ctx/levels/plans?unit=" + odd.id() + "\"")
			.contains("href=\"/ctx/levels/campaigns/" + directive + "/systems?unit=" + odd.id()
					+ "&amp;kind=LEVELS_APPROVED\"")
			.contains("href=\"/ctx/levels/regulations?unit=" + odd.id() + "\"")
			.contains("&lt;b&gt;Xã &quot;Hòa&quot; &amp; Bình rất dài tên&lt;/b&gt;")
			.contains(">1 (100 %)<");
		assertThat(page).doesNotContain("<b>Xã").doesNotContain("href=\"/levels/")
			.contains("href=\"/ctx/levels/campaigns/" + directive + "/systems?unit=" + odd.id()
					+ "&amp;kind=PLANS_IMPLEMENTED\"")
			.contains("aria-label=\"&lt;b&gt;Xã &quot;Hòa&quot; &amp; Bình rất dài tên&lt;/b&gt;\"")
			// the chart's row label keeps 19 characters and an ellipsis, as #strings.abbreviate(name, 22) did
			.contains(">&lt;b&gt;Xã &quot;Hòa&quot; &amp; Bình ...</text>");
	}

	private static int planPercent(String row) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("fig-plans\"[^>]*>(\\d+) %<").matcher(row);
		assertThat(m.find()).as(row).isTrue();
		return Integer.parseInt(m.group(1));
	}

	private static String row(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private long system(UnitRef unit, String name, SystemStatus status) {
		return systems.insert(new SystemDraft(unit.id(), name + " " + tree.prefix(), null, null, null, status),
				OffsetDateTime.now(ZoneOffset.UTC));
	}

	/** A system with an approved level under the current Decree 85 version, the first {@code done} items done. */
	private long approvedSystem(UnitRef unit, String name, int level, int done) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		long system = system(unit, name, SystemStatus.OPERATING);
		long determination = determinations.insert(new Determination(0, system, unit.id(), framework, Map.of(), level,
				level, List.of(), level, null, Determination.DRAFT, "test", now));
		long dossier = dossiers.insert(new Dossier(0, system, unit.id(), determination, framework, level,
				DossierStatus.SUBMITTED, null, null, null, null, null, "test", now, now));
		dossiers.transition(dossier, DossierStatus.SUBMITTED, DossierStatus.APPROVED, null, null,
				new Dossier.Decision("9/QĐ", LocalDate.of(2023, 3, 1), "Giám đốc"), now);
		List<FrameworkItem> items = requirements(framework, level);
		for (int i = 0; i < Math.min(done, items.size()); i++) {
			plans.save(new PlanItemState(dossier, items.get(i).key(), PlanStatus.DONE, null, null, null, null, null,
					"test", now));
		}
		return system;
	}

	private void completePlan(long system) {
		Dossier dossier = dossiers.approved(List.of(system)).get(system);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (FrameworkItem item : requirements(dossier.frameworkVersionId(), dossier.level())) {
			plans.save(new PlanItemState(dossier.id(), item.key(), PlanStatus.DONE, null, null, null, null, null, "test",
					now));
		}
	}

	private List<FrameworkItem> requirements(long framework, int level) {
		List<FrameworkItem> items = frameworks.framework(framework).orElseThrow().forLevel(ItemKind.REQUIREMENT, level);
		assertThat(items).as("the shipped catalogue of level " + level).hasSizeGreaterThan(1);
		return items;
	}

	private MockHttpServletResponse regulation(TestTree.TestUser caller, UnitRef unit, Map<String, String> form,
			MockMultipartFile file) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/levels/units/" + unit.id() + "/regulation");
		request.file(file);
		form.forEach(request::param);
		return perform(caller, request);
	}

	private MockHttpServletResponse perform(TestTree.TestUser caller, AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return mvc.perform(request.param("lang", "en").with(csrf()).with(user(caller.principal())))
			.andReturn()
			.getResponse();
	}

	private String page(TestTree.TestUser caller, String path) throws Exception {
		MockHttpServletResponse response = perform(caller, get(path));
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<List<String>> xlsx(byte[] bytes) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		new TabularFile(10_000, TabularFile.BlankLines.COUNTED).read("export.xlsx", new ByteArrayInputStream(bytes),
				row -> rows.add(row.cells()));
		return rows;
	}

}
