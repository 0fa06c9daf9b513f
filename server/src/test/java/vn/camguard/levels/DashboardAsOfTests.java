package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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
import vn.camguard.shared.spreadsheet.TabularFile;

/**
 * The dashboard as of a past date (issue 17, the 2025 reorganisation): district A with communes C1 and
 * C2 (and C3), C2 merged into C1 ten days ago. As of a day before the merge C2 is its own row with its own
 * systems, levels and plans as they stood then; as of a day after, they count in C1; today's dashboard is
 * unchanged. Systems, approvals and plan items are written with past times through the stores that
 * record their histories, the merge through its page; the merge's history is then moved back ten days.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardAsOfTests {

	private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

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

	final LocalDate today = LocalDate.now(PROVINCE);

	final LocalDate beforeMerge = today.minusDays(30);

	final LocalDate afterMerge = today.minusDays(5);

	TestTree tree;

	TestTree.TestUser admin;

	TestTree.TestUser officerB;

	UnitRef c1;

	UnitRef c2;

	UnitRef c3;

	long directive;

	int requirements;

	long early;

	long late;

	long moved;

	@BeforeAll
	void data() throws Exception {
		tree = TestTree.create(setup);
		admin = tree.user("asof.admin", Role.PROVINCE_ADMIN, tree.province());
		officerB = tree.user("asof.officer.b", Role.UNIT_OFFICER, tree.districtB());
		c1 = tree.communeA();
		c2 = tree.unit("2", "COMMUNE", tree.districtA());
		c3 = tree.unit("3", "COMMUNE", tree.districtA());
		directive = campaigns.all().stream().filter(c -> c.code().equals("CT23_2023")).findFirst().orElseThrow().id();
		// the tree has stood since 40 days ago
		List<Long> units = List.of(tree.province().id(), tree.districtA().id(), tree.districtB().id(), c1.id(),
				tree.communeB().id(), c2.id(), c3.id());
		jdbc.sql("UPDATE organization_unit SET created_at = :at WHERE id IN (:ids)")
			.param("at", at(today.minusDays(40)))
			.param("ids", units)
			.update();
		jdbc.sql("UPDATE organization_unit_parent SET valid_from = :at WHERE unit_id IN (:ids)")
			.param("at", at(today.minusDays(40)))
			.param("ids", units)
			.update();

		// C1: a level approved 35 days ago with one item done then and one 25 days ago; a level approved
		// 25 days ago; a system moved to C3 20 days ago
		early = system(c1, "Sớm", SystemStatus.OPERATING, 38);
		long earlyDossier = approve(early, c1, 35);
		List<FrameworkItem> items = items(earlyDossier);
		requirements = items.size();
		markDone(earlyDossier, items.get(0), 35);
		markDone(earlyDossier, items.get(1), 25);
		late = system(c1, "Muộn", SystemStatus.OPERATING, 38);
		approve(late, c1, 25);
		moved = system(c1, "Chuyển", SystemStatus.OPERATING, 38);
		systems.update(moved, new SystemDraft(c3.id(), "Chuyển " + tree.prefix(), null, null, null,
				SystemStatus.OPERATING), at(today.minusDays(20)));
		// C2: a level approved 35 days ago, a system without one, one retired 20 days ago, one created 15 days ago
		long b1 = system(c2, "B1", SystemStatus.OPERATING, 38);
		approve(b1, c2, 35);
		system(c2, "B2", SystemStatus.OPERATING, 38);
		long retired = system(c2, "Dừng", SystemStatus.OPERATING, 38);
		systems.update(retired, new SystemDraft(c2.id(), "Dừng " + tree.prefix(), null, null, null,
				SystemStatus.RETIRED), at(today.minusDays(20)));
		system(c2, "Mới", SystemStatus.OPERATING, 15);

		// C2 merged into C1 through the merge page, then its history moved back to ten days ago
		OffsetDateTime mergeStarted = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
		MockHttpServletResponse merged = perform(admin, post("/units/merge").param("sourceId", Long.toString(c2.id()))
			.param("targetId", Long.toString(c1.id())));
		assertThat(merged.getStatus()).as(merged.getContentAsString()).isEqualTo(302);
		OffsetDateTime mergedAt = at(today.minusDays(10));
		for (String table : List.of("organization_unit_parent", "inventory_system_period")) {
			jdbc.sql("UPDATE " + table + " SET valid_from = :at WHERE valid_from >= :start")
				.param("at", mergedAt)
				.param("start", mergeStarted)
				.update();
			jdbc.sql("UPDATE " + table + " SET valid_to = :at WHERE valid_to >= :start")
				.param("at", mergedAt)
				.param("start", mergeStarted)
				.update();
		}
		jdbc.sql("UPDATE organization_unit SET merged_on = :on WHERE id = :id")
			.param("on", today.minusDays(10))
			.param("id", c2.id())
			.update();
	}

	@Test
	void beforeTheMergeTheMergedCommuneIsItsOwnRowAndAfterItCountsInTheUnitItWentInto() throws Exception {
		JsonNode before = api(admin, beforeMerge);
		assertThat(before.get("asOf").asString()).isEqualTo(beforeMerge.toString());
		assertThat(codes(before)).containsExactlyInAnyOrder(c1.code(), c2.code(), c3.code());
		// C1: the early level (one item done by then), the late one not approved yet, the moved system still there
		assertThat(figures(before, c1)).containsExactly(3L, 1L, (long) requirements, 1L, 2L, 1L);
		// C2: its approved level, the system without one, the one retired later still in use; the new one not yet
		assertThat(figures(before, c2)).containsExactly(3L, 1L, (long) requirements, 0L, 2L, 1L);
		assertThat(figures(before, c3)).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(before.get("total").get("systems").asLong()).isEqualTo(6);

		JsonNode after = api(admin, afterMerge);
		assertThat(codes(after)).containsExactlyInAnyOrder(c1.code(), c3.code());
		// C1 with C2's systems: both of C1's levels, the second item done, C2's level; the retired one gone
		assertThat(figures(after, c1)).containsExactly(5L, 3L, 3L * requirements, 2L, 2L, 3L);
		assertThat(figures(after, c3)).containsExactly(1L, 0L, 0L, 0L, 1L, 0L);

		// today's dashboard is the current one, exactly, whether asOf is today, empty or absent
		String current = body(perform(admin, dashboardApi().param("campaign", Long.toString(directive))));
		assertThat(body(perform(admin, dashboardApi().param("campaign", Long.toString(directive))
			.param("asOf", today.toString())))).isEqualTo(current);
		assertThat(body(perform(admin,
				dashboardApi().param("campaign", Long.toString(directive)).param("asOf", "")))).isEqualTo(current);
		JsonNode now = JSON.readTree(current);
		assertThat(now.path("asOf").isNull() || now.path("asOf").isMissingNode()).isTrue();
		assertThat(figures(now, c1)).containsExactly(5L, 3L, 3L * requirements, 2L, 2L, 3L);

		// drilling into C1 follows the tree of the day
		JsonNode c1Before = JSON.readTree(body(perform(admin, get("/api/v1/levels/dashboard")
			.param("unit", Long.toString(c1.id()))
			.param("campaign", Long.toString(directive))
			.param("asOf", beforeMerge.toString()))));
		assertThat(c1Before.get("children")).isEmpty();
		assertThat(c1Before.get("own").get("systems").asLong()).isEqualTo(3);
	}

	@Test
	void aLevelApprovedAnItemDoneOrASystemMovedAfterTheDayDoNotCountOnIt() throws Exception {
		LocalDate between = today.minusDays(28);
		// the late level was approved 25 days ago, the second item done 25 days ago, the system moved 20 days ago
		JsonNode day = api(admin, between);
		assertThat(figures(day, c1)).containsExactly(3L, 1L, (long) requirements, 1L, 2L, 1L);
		JsonNode later = api(admin, today.minusDays(22));
		assertThat(figures(later, c1)).containsExactly(3L, 2L, 2L * requirements, 2L, 1L, 2L);
		JsonNode afterMove = api(admin, today.minusDays(18));
		assertThat(figures(afterMove, c1)).containsExactly(2L, 2L, 2L * requirements, 2L, 0L, 2L);
		assertThat(figures(afterMove, c3)).containsExactly(1L, 0L, 0L, 0L, 1L, 0L);
		// before any system existed: the units without figures
		JsonNode empty = api(admin, today.minusDays(39));
		assertThat(empty.get("total").get("systems").asLong()).isZero();
	}

	@Test
	void thePageTheExportAndTheApiCarryTheFiguresOfTheDay() throws Exception {
		String page = body(perform(admin, get("/levels/dashboard").param("unit", Long.toString(tree.districtA().id()))
			.param("campaign", Long.toString(directive))
			.param("asOf", beforeMerge.toString())));
		assertThat(row(page, "dashboard-unit-" + c2.id())).contains(">3<").contains("1 (33 %)");
		assertThat(page).contains("name=\"asOf\"")
			.contains("value=\"" + beforeMerge + "\"")
			.contains("id=\"dashboard-as-of\"")
			.contains("href=\"/levels/dashboard?unit=" + c1.id() + "&amp;campaign=" + directive + "&amp;asOf="
					+ beforeMerge + "\"")
			.contains("/levels/dashboard/export?campaign=" + directive + "&amp;unit=" + tree.districtA().id()
					+ "&amp;asOf=" + beforeMerge)
			// the histories began when the database was made, today: the footnote says what that means
			.contains("id=\"dashboard-history-note\"")
			.contains("use each system&#39;s current unit and status");
		String vi = body(mvc.perform(get("/levels/dashboard").param("lang", "vi")
			.param("unit", Long.toString(tree.districtA().id()))
			.param("asOf", beforeMerge.toString())
			.with(user(admin.principal()))).andReturn().getResponse());
		assertThat(vi).contains("Tính đến ngày").contains("dùng đơn vị và trạng thái hiện tại");
		String current = body(perform(admin, get("/levels/dashboard").param("unit", Long.toString(tree.districtA().id()))
			.param("campaign", Long.toString(directive))));
		assertThat(current).doesNotContain("id=\"dashboard-unit-" + c2.id() + "\"")
			.doesNotContain("id=\"dashboard-as-of\"")
			.doesNotContain("id=\"dashboard-history-note\"");

		List<List<String>> rows = xlsx(perform(admin, get("/levels/dashboard/export")
			.param("unit", Long.toString(tree.districtA().id()))
			.param("campaign", Long.toString(directive))
			.param("asOf", beforeMerge.toString())).getContentAsByteArray());
		assertThat(rows).anySatisfy(r -> assertThat(r).containsSequence(c2.code(), c2.name(), "3", "1", "33"));
		assertThat(rows).anySatisfy(r -> assertThat(r).containsSequence(c1.code(), c1.name(), "3", "1"));
	}

	@Test
	void aBadOrFutureDateIsRefusedWithTheReasonAndOtherUnitsStayOutOfReach() throws Exception {
		MockHttpServletResponse bad = perform(admin, dashboardApi().param("asOf", "2025-13-40"));
		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(body(bad)).contains("\"field\":\"asOf\"").contains("is not a date");
		MockHttpServletResponse future = perform(admin, dashboardApi().param("asOf", today.plusDays(1).toString()));
		assertThat(future.getStatus()).isEqualTo(400);
		assertThat(body(future)).contains("has not come yet");
		MockHttpServletResponse export = perform(admin,
				get("/levels/dashboard/export").param("unit", Long.toString(tree.districtA().id())).param("asOf", "x"));
		assertThat(export.getStatus()).isEqualTo(400);
		assertThat(body(export)).contains("\"x\" is not a date");

		// the page keeps what was typed, says why and shows today's figures
		String page = body(perform(admin, get("/levels/dashboard").param("unit", Long.toString(tree.districtA().id()))
			.param("asOf", "30/02/2025")));
		assertThat(page).contains("id=\"dashboard-as-of-problem\"")
			.contains("&quot;30/02/2025&quot; is not a date")
			.contains("value=\"30/02/2025\"")
			.contains("id=\"dashboard-unit-" + c1.id() + "\"")
			.doesNotContain("id=\"dashboard-as-of\"");

		// an officer of district B reaches district A on no day
		for (LocalDate day : List.of(beforeMerge, today)) {
			assertThat(perform(officerB, dashboardApi().param("unit", Long.toString(tree.districtA().id()))
				.param("asOf", day.toString())).getStatus()).isEqualTo(404);
			assertThat(perform(officerB, get("/levels/dashboard").param("unit", Long.toString(c2.id()))
				.param("asOf", day.toString())).getStatus()).isEqualTo(404);
		}
		// and sees only its own district's rows as of a past day
		JsonNode own = JSON.readTree(
				body(perform(officerB, get("/api/v1/levels/dashboard").param("asOf", beforeMerge.toString()))));
		assertThat(own.get("unit").get("id").asLong()).isEqualTo(tree.districtB().id());
		assertThat(codes(own)).containsExactly(tree.communeB().code());
	}

	@Test
	void everyWriterRecordsTheHistoryInItsChange() throws Exception {
		TestTree other = TestTree.create(setup);
		TestTree.TestUser otherAdmin = other.user("asof.writer", Role.PROVINCE_ADMIN, other.province());
		// inventory: create, change status, move, a change of neither, delete
		String created = body(perform(otherAdmin, post("/api/v1/inventory/systems").contentType(MediaType.APPLICATION_JSON)
			.content(systemJson(other.communeA(), "Ghi", "OPERATING"))));
		long id = JSON.readTree(created).get("id").asLong();
		assertThat(periods(id)).containsExactly(other.communeA().id() + " OPERATING open");
		assertThat(perform(otherAdmin, put("/api/v1/inventory/systems/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(systemJson(other.communeA(), "Ghi", "SUSPENDED"))).getStatus()).isEqualTo(200);
		assertThat(perform(otherAdmin, put("/api/v1/inventory/systems/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(systemJson(other.communeB(), "Ghi", "SUSPENDED"))).getStatus()).isEqualTo(200);
		assertThat(perform(otherAdmin, put("/api/v1/inventory/systems/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(systemJson(other.communeB(), "Ghi lại", "SUSPENDED"))).getStatus()).isEqualTo(200);
		assertThat(periods(id)).containsExactly(other.communeA().id() + " OPERATING closed",
				other.communeA().id() + " SUSPENDED closed", other.communeB().id() + " SUSPENDED open");
		// a unit merge moves the system's period with it
		assertThat(perform(otherAdmin, post("/units/merge").param("sourceId", Long.toString(other.districtB().id()))
			.param("targetId", Long.toString(other.districtA().id()))).getStatus()).isEqualTo(302);
		assertThat(perform(otherAdmin, post("/units/merge").param("sourceId", Long.toString(other.communeB().id()))
			.param("targetId", Long.toString(other.communeA().id()))).getStatus()).isEqualTo(302);
		assertThat(periods(id)).last().isEqualTo(other.communeA().id() + " SUSPENDED open");
		assertThat(periods(id)).hasSize(4);
		assertThat(perform(otherAdmin, delete("/api/v1/inventory/systems/" + id).param("reason", "nhập nhầm"))
			.getStatus()).isEqualTo(204);
		assertThat(periods(id)).hasSize(4).allSatisfy(p -> assertThat(p).endsWith("closed"));

		// plans: each change of an item's status starts a period, a save of the same status does not
		long system = system(other.communeA(), "Phương án", SystemStatus.OPERATING, 3);
		long dossier = approve(system, other.communeA(), 3);
		FrameworkItem item = items(dossier).getFirst();
		save(dossier, item, PlanStatus.IN_PROGRESS, 2);
		save(dossier, item, PlanStatus.IN_PROGRESS, 1);
		save(dossier, item, PlanStatus.DONE, 0);
		assertThat(jdbc.sql("""
				SELECT status || ' ' || CASE WHEN valid_to IS NULL THEN 'open' ELSE 'closed' END
				FROM level_plan_item_period WHERE dossier_id = :d AND item_key = :k ORDER BY id""")
			.param("d", dossier)
			.param("k", item.key())
			.query(String.class)
			.list()).containsExactly("IN_PROGRESS closed", "DONE open");
	}

	private List<String> periods(long systemId) {
		return jdbc.sql("""
				SELECT unit_id, status, valid_to FROM inventory_system_period WHERE system_id = :id ORDER BY id""")
			.param("id", systemId)
			.query((rs, row) -> rs.getLong("unit_id") + " " + rs.getString("status") + " "
					+ (rs.getObject("valid_to") == null ? "open" : "closed"))
			.list();
	}

	private static String systemJson(UnitRef unit, String name, String status) {
		return "{\"unitId\":" + unit.id() + ",\"name\":\"" + name + "\",\"status\":\"" + status + "\"}";
	}

	/** Systems, approved, applicable, done, levels overdue, plans overdue of the row of a unit. */
	private static List<Long> figures(JsonNode dashboard, UnitRef unit) {
		for (JsonNode child : dashboard.get("children")) {
			if (child.get("unit").get("id").asLong() == unit.id()) {
				return List.of(child.get("systems").asLong(), child.get("approved").asLong(),
						child.get("applicable").asLong(), child.get("done").asLong(), child.get("levelsOverdue").asLong(),
						child.get("plansOverdue").asLong());
			}
		}
		throw new AssertionError("no row of " + unit.code() + " in " + dashboard);
	}

	private static List<String> codes(JsonNode dashboard) {
		List<String> codes = new ArrayList<>();
		dashboard.get("children").forEach(c -> codes.add(c.get("unit").get("code").asString()));
		return codes;
	}

	private JsonNode api(TestTree.TestUser caller, LocalDate day) throws Exception {
		MockHttpServletResponse response = perform(caller, dashboardApi().param("campaign", Long.toString(directive))
			.param("asOf", day.toString()));
		assertThat(response.getStatus()).as(body(response)).isEqualTo(200);
		return JSON.readTree(body(response));
	}

	private AbstractMockHttpServletRequestBuilder<?> dashboardApi() {
		return get("/api/v1/levels/dashboard").param("unit", Long.toString(tree.districtA().id()));
	}

	private static OffsetDateTime at(LocalDate day) {
		return day.atTime(LocalTime.NOON).atZone(PROVINCE).toOffsetDateTime();
	}

	private long system(UnitRef unit, String name, SystemStatus status, int daysAgo) {
		return systems.insert(new SystemDraft(unit.id(), name + " " + tree.prefix(), null, null, null, status),
				at(today.minusDays(daysAgo)));
	}

	/** A level 1 dossier under the current Decree 85 version approved on the day, with its timeline. */
	private long approve(long system, UnitRef unit, int daysAgo) {
		OffsetDateTime when = at(today.minusDays(daysAgo));
		OffsetDateTime submitted = when.minusDays(1);
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		long determination = determinations.insert(new Determination(0, system, unit.id(), framework, Map.of(), 1, 1,
				List.of(), 1, null, Determination.DRAFT, "test", submitted));
		long dossier = dossiers.insert(new Dossier(0, system, unit.id(), determination, framework, 1,
				DossierStatus.DRAFT, null, null, null, null, null, "test", submitted, submitted));
		dossiers.insertEvent(dossier, "CREATE", null, DossierStatus.DRAFT, "test", null, submitted);
		dossiers.transition(dossier, DossierStatus.DRAFT, DossierStatus.SUBMITTED, null, null, null, submitted);
		dossiers.insertEvent(dossier, "SUBMIT", DossierStatus.DRAFT, DossierStatus.SUBMITTED, "test", null, submitted);
		dossiers.transition(dossier, DossierStatus.SUBMITTED, DossierStatus.APPROVED, null, null,
				new Dossier.Decision("9/QĐ", when.toLocalDate(), "Giám đốc"), when);
		dossiers.insertEvent(dossier, "APPROVE", DossierStatus.SUBMITTED, DossierStatus.APPROVED, "test", null, when);
		return dossier;
	}

	private List<FrameworkItem> items(long dossier) {
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		List<FrameworkItem> items = frameworks.framework(framework).orElseThrow().forLevel(ItemKind.REQUIREMENT, 1);
		assertThat(items).as("the shipped catalogue of level 1").hasSizeGreaterThan(2);
		return items;
	}

	private void markDone(long dossier, FrameworkItem item, int daysAgo) {
		save(dossier, item, PlanStatus.DONE, daysAgo);
	}

	private void save(long dossier, FrameworkItem item, PlanStatus status, int daysAgo) {
		plans.save(new PlanItemState(dossier, item.key(), status, null, null, null, null, null, "test",
				at(today.minusDays(daysAgo))));
	}

	private MockHttpServletResponse perform(TestTree.TestUser caller, AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return mvc.perform(request.param("lang", "en").with(csrf()).with(user(caller.principal())))
			.andReturn()
			.getResponse();
	}

	private static String body(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String row(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static List<List<String>> xlsx(byte[] bytes) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		new TabularFile(10_000, TabularFile.BlankLines.COUNTED).read("export.xlsx", new ByteArrayInputStream(bytes),
				row -> rows.add(row.cells()));
		return rows;
	}

}
