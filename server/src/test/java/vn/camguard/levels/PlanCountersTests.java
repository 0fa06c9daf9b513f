package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import vn.camguard.TestTree;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
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

/**
 * The dashboard and the campaign lists read how many items of a plan are done and do not apply from
 * counters on the dossier instead of counting plan items on every request. These tests hold the
 * counters to a recount of the items through every path that changes a plan: marking items done, not
 * applicable and back, a re-levelling that starts a new plan, a unit merge that moves the dossier, and
 * the migration that fills the counters of items stored before they existed; and check the figures the
 * dashboard and the list show follow.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanCountersTests {

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

	@Autowired
	DataSource dataSource;

	long directive;

	@BeforeAll
	void campaign() {
		directive = campaigns.all().stream().filter(c -> c.code().equals("CT23_2023")).findFirst().orElseThrow().id();
	}

	@Test
	void markingItemsDoneNotApplicableAndBackKeepsTheCountersAndTheFigures() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officer = tree.user("pc.officer", Role.UNIT_OFFICER, tree.communeA());
		TestTree.TestUser admin = tree.user("pc.admin", Role.PROVINCE_ADMIN, tree.province());
		Approved plan = approved(tree.communeA(), 2);
		List<String> keys = keys(plan, 2);
		int size = keys.size();

		assertCounters(plan.dossier(), 0, 0);
		record(officer, plan.system(), keys.get(0), PlanStatus.DONE);
		record(officer, plan.system(), keys.get(1), PlanStatus.DONE);
		record(officer, plan.system(), keys.get(2), PlanStatus.NOT_APPLICABLE);
		record(officer, plan.system(), keys.get(3), PlanStatus.IN_PROGRESS);
		assertCounters(plan.dossier(), 2, 1);
		assertFigures(admin, tree.province(), size - 1, 2, 1);

		record(officer, plan.system(), keys.get(0), PlanStatus.NOT_APPLICABLE);
		record(officer, plan.system(), keys.get(1), PlanStatus.IN_PROGRESS);
		record(officer, plan.system(), keys.get(2), PlanStatus.DONE);
		record(officer, plan.system(), keys.get(2), PlanStatus.DONE);
		assertCounters(plan.dossier(), 1, 1);
		assertFigures(admin, tree.province(), size - 1, 1, 1);
		assertThat(listed(admin, tree.province())).containsExactly(plan.system() + ":" + (size - 1) + ":1");

		for (String key : keys.subList(1, size)) {
			record(officer, plan.system(), key, PlanStatus.DONE);
		}
		assertCounters(plan.dossier(), size - 1, 1);
		assertFigures(admin, tree.province(), size - 1, size - 1, 0);
		assertThat(listed(admin, tree.province())).as("a plan at 100 % leaves the list").isEmpty();
	}

	@Test
	void aRelevelledSystemCountsTheItemsOfItsNewPlanOnly() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officer = tree.user("pc.relevel", Role.UNIT_OFFICER, tree.communeA());
		TestTree.TestUser admin = tree.user("pc.relevel.admin", Role.PROVINCE_ADMIN, tree.province());
		Approved first = approved(tree.communeA(), 1);
		List<String> firstKeys = keys(first, 1);
		record(officer, first.system(), firstKeys.get(0), PlanStatus.DONE);
		record(officer, first.system(), firstKeys.get(1), PlanStatus.DONE);
		assertCounters(first.dossier(), 2, 0);

		// the re-levelling's dossier approved: the earlier one is superseded (as LevelDossiers does)
		long second = dossier(first.system(), tree.communeA(), 2, first.dossier());
		approve(second);
		assertThat(dossiers.transition(first.dossier(), DossierStatus.APPROVED, DossierStatus.SUPERSEDED, null, null,
				null, OffsetDateTime.now(ZoneOffset.UTC))).isTrue();
		List<String> secondKeys = keys(new Approved(first.system(), second), 2);
		assertCounters(second, 0, 0);
		assertFigures(admin, tree.province(), secondKeys.size(), 0, 1);

		record(officer, first.system(), secondKeys.get(0), PlanStatus.DONE);
		assertCounters(second, 1, 0);
		assertCounters(first.dossier(), 2, 0);
		assertFigures(admin, tree.province(), secondKeys.size(), 1, 1);
	}

	@Test
	void aUnitMergeMovesThePlanWithItsCounters() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officerA = tree.user("pc.merge.a", Role.UNIT_OFFICER, tree.districtA());
		TestTree.TestUser officerB = tree.user("pc.merge.b", Role.UNIT_OFFICER, tree.districtB());
		TestTree.TestUser admin = tree.user("pc.merge.admin", Role.PROVINCE_ADMIN, tree.province());
		Approved plan = approved(tree.districtA(), 2);
		List<String> keys = keys(plan, 2);
		record(officerA, plan.system(), keys.get(0), PlanStatus.DONE);
		record(officerA, plan.system(), keys.get(1), PlanStatus.DONE);
		record(officerA, plan.system(), keys.get(2), PlanStatus.NOT_APPLICABLE);
		assertFigures(admin, tree.districtA(), keys.size() - 1, 2, 1);

		MockHttpServletResponse merged = mvc.perform(post("/units/merge").with(user(admin.principal()))
			.with(csrf())
			.param("sourceId", Long.toString(tree.districtA().id()))
			.param("targetId", Long.toString(tree.districtB().id()))).andReturn().getResponse();
		assertThat(merged.getStatus()).as(merged.getContentAsString()).isEqualTo(302);

		assertCounters(plan.dossier(), 2, 1);
		assertFigures(admin, tree.districtB(), keys.size() - 1, 2, 1);
		record(officerB, plan.system(), keys.get(3), PlanStatus.DONE);
		assertCounters(plan.dossier(), 3, 1);
		assertFigures(admin, tree.districtB(), keys.size() - 1, 3, 1);
	}

	@Test
	void theBackfillMigrationCountsTheItemsStoredBeforeTheCounters() {
		TestTree tree = TestTree.create(setup);
		Approved plan = approved(tree.communeB(), 2);
		List<String> keys = keys(plan, 2);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		plans.save(new PlanItemState(plan.dossier(), keys.get(0), PlanStatus.DONE, null, null, null, null, null, "test",
				now));
		plans.save(new PlanItemState(plan.dossier(), keys.get(1), PlanStatus.NOT_APPLICABLE, "Không có", null, null,
				null, null, "test", now));
		// as stored before the counters existed: items written straight, counters at their default
		jdbc.sql("""
				INSERT INTO level_plan_item (dossier_id, item_key, status, updated_by, updated_at)
				VALUES (:d, :k1, 'DONE', 'test', :at), (:d, :k2, 'IN_PROGRESS', 'test', :at)""")
			.param("d", plan.dossier())
			.param("k1", keys.get(2))
			.param("k2", keys.get(3))
			.param("at", now)
			.update();
		jdbc.sql("UPDATE level_dossier SET plan_done = 0, plan_not_applicable = 0 WHERE id = :d")
			.param("d", plan.dossier())
			.update();

		new ResourceDatabasePopulator(
				new ClassPathResource("db/migration/V202612052001__level_plan_counters_backfill.sql"))
			.execute(dataSource);
		assertCounters(plan.dossier(), 2, 1);
	}

	private record Approved(long system, long dossier) {
	}

	/** The dossier's counters, and the same numbers counted from its plan items. */
	private void assertCounters(long dossier, int done, int notApplicable) {
		String stored = jdbc.sql("SELECT plan_done, plan_not_applicable FROM level_dossier WHERE id = :d")
			.param("d", dossier)
			.query((rs, row) -> rs.getInt(1) + "/" + rs.getInt(2))
			.single();
		String counted = jdbc.sql("""
				SELECT SUM(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'NOT_APPLICABLE'
				  THEN 1 ELSE 0 END) FROM level_plan_item WHERE dossier_id = :d""")
			.param("d", dossier)
			.query((rs, row) -> rs.getInt(1) + "/" + rs.getInt(2))
			.single();
		assertThat(stored).as("counters of dossier " + dossier).isEqualTo(done + "/" + notApplicable)
			.isEqualTo(counted);
	}

	/** The dashboard's total for the unit's subtree against Directive 23 (REST). */
	private void assertFigures(TestTree.TestUser caller, UnitRef unit, int applicable, int done, int plansOpen)
			throws Exception {
		String body = json(caller, "/api/v1/levels/dashboard?campaign=" + directive + "&unit=" + unit.id());
		assertThat(List.of(JsonPath.<Integer>read(body, "$.total.applicable"), JsonPath.<Integer>read(body, "$.total.done"),
				JsonPath.<Integer>read(body, "$.total.plansOpen")))
			.as(body)
			.containsExactly(applicable, done, plansOpen);
		String html = new String(mvc.perform(get("/levels/dashboard").param("campaign", Long.toString(directive))
			.param("unit", Long.toString(unit.id()))
			.param("lang", "en")
			.with(user(caller.principal()))).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		String total = html.substring(html.indexOf("id=\"dashboard-total\""));
		assertThat(total.substring(0, total.indexOf("</tr>")))
			.contains(">" + (applicable == 0 ? "–" : (100 * done / applicable) + " %") + "<");
	}

	/** The plans list of the unit's subtree (REST): system:applicable:done per line. */
	private List<String> listed(TestTree.TestUser caller, UnitRef unit) throws Exception {
		String body = json(caller, "/api/v1/levels/campaigns/" + directive + "/systems?kind=PLANS_IMPLEMENTED&unit="
				+ unit.id());
		List<Map<String, Object>> lines = JsonPath.read(body, "$.groups[*].systems[*]");
		assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(lines.size());
		return lines.stream().map(l -> l.get("systemId") + ":" + l.get("applicable") + ":" + l.get("done")).toList();
	}

	private String json(TestTree.TestUser caller, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(user(caller.principal()))).andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** Records an item through the plan page, as the unit's officer does. */
	private void record(TestTree.TestUser caller, long system, String key, PlanStatus status) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/levels/systems/" + system + "/plan/items/" + key);
		request.param("status", status.name());
		if (status == PlanStatus.NOT_APPLICABLE) {
			request.param("notApplicableReason", "Hệ thống không có phần này");
		}
		MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(user(caller.principal())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
	}

	private List<String> keys(Approved plan, int level) {
		long framework = dossiers.find(plan.dossier()).orElseThrow().frameworkVersionId();
		List<String> keys = frameworks.framework(framework)
			.orElseThrow()
			.forLevel(ItemKind.REQUIREMENT, level)
			.stream()
			.map(FrameworkItem::key)
			.toList();
		assertThat(keys).as("the shipped catalogue of level " + level).hasSizeGreaterThan(4);
		return keys;
	}

	/** An operating system of the unit with an approved dossier of the level under the current Decree 85. */
	private Approved approved(UnitRef unit, int level) {
		long system = systems.insert(new SystemDraft(unit.id(), "Bộ đếm " + System.nanoTime(), null, null, null,
				SystemStatus.OPERATING), OffsetDateTime.now(ZoneOffset.UTC));
		long dossier = dossier(system, unit, level, null);
		approve(dossier);
		return new Approved(system, dossier);
	}

	private long dossier(long system, UnitRef unit, int level, Long relevelOf) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		long determination = determinations.insert(new Determination(0, system, unit.id(), framework, Map.of(), level,
				level, List.of(), level, null, Determination.DRAFT, "test", now));
		return dossiers.insert(new Dossier(0, system, unit.id(), determination, framework, level, DossierStatus.SUBMITTED,
				relevelOf, relevelOf == null ? null : "Thêm camera", null, null, null, "test", now, now));
	}

	private void approve(long dossier) {
		assertThat(dossiers.transition(dossier, DossierStatus.SUBMITTED, DossierStatus.APPROVED, null, null,
				new Dossier.Decision("12/QĐ", LocalDate.of(2026, 12, 1), "Giám đốc"), OffsetDateTime.now(ZoneOffset.UTC)))
			.isTrue();
	}

}
