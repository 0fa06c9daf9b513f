package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;
import vn.camguard.levels.Campaigns.DeadlineKind;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.shared.spreadsheet.TabularFile;

/**
 * Pages of a campaign list after the first start where the systems per unit say (not by reading every
 * earlier page): each page holds exactly the systems the whole list (the export, read in one go) holds at
 * its place, a unit whose systems straddle two pages continues where it stopped, and a page past the end
 * shows the last one. 300 systems in each of three units, half on each list, make three pages per list whose
 * boundaries fall inside units.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignListPagingTests {

	private static final Pattern SYSTEM_ROW = Pattern.compile("<tr id=\"system-(\\d+)\"");

	private static final Pattern UNIT_GROUP = Pattern.compile("<tbody id=\"unit-(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	FrameworkStore frameworks;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser admin;

	long directive;

	@BeforeAll
	void data() {
		tree = TestTree.create(setup);
		admin = tree.user("paging.admin", Role.PROVINCE_ADMIN, tree.province());
		directive = campaigns.all().stream().filter(c -> c.code().equals("CT23_2023")).findFirst().orElseThrow().id();
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		for (UnitRef unit : List.of(tree.districtA(), tree.communeA(), tree.communeB())) {
			// names whose text order differs from their number order, so the order within a unit is the name's
			jdbc.sql("""
					INSERT INTO inventory_system (unit_id, name, status, created_at, updated_at)
					SELECT :unit, :name || CAST(a.n * 10 + b.n + c.n * 100 AS VARCHAR(10)), 'OPERATING',
					  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
					FROM (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
					  UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) a
					CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
					  UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) b
					CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2) c""")
				.param("unit", unit.id())
				.param("name", "Trang " + tree.prefix() + " ")
				.update();
		}
		// every other system gets a level approved with no plan item done (the plans list), the rest a dossier
		// under way (the levels list)
		jdbc.sql("""
				INSERT INTO level_determination (system_id, unit_id, framework_version_id, answers_json, proposed_min,
				  proposed_max, deciding_rules, chosen_level, status, created_by, created_at)
				SELECT s.id, s.unit_id, :fw, '{}', 1, 1, '', 1, 'DRAFT', 'paging', CURRENT_TIMESTAMP
				FROM inventory_system s WHERE s.name LIKE :name""")
			.param("fw", framework)
			.param("name", "Trang " + tree.prefix() + " %")
			.update();
		jdbc.sql("""
				INSERT INTO level_dossier (system_id, unit_id, determination_id, framework_version_id, level, status,
				  decision_number, decision_date, created_by, created_at, updated_at)
				SELECT d.system_id, d.unit_id, d.id, d.framework_version_id, 1,
				  CASE WHEN MOD(d.system_id, 2) = 0 THEN 'SUBMITTED' ELSE 'APPROVED' END, NULL, NULL, 'paging',
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
				FROM level_determination d JOIN inventory_system s ON s.id = d.system_id
				WHERE s.name LIKE :name""")
			.param("name", "Trang " + tree.prefix() + " %")
			.update();
	}

	@ParameterizedTest
	@EnumSource(DeadlineKind.class)
	void everyPageHoldsTheSystemsTheWholeListHoldsAtItsPlace(DeadlineKind kind) throws Exception {
		List<Long> whole = exported(kind);
		int total = whole.size();
		assertThat(total).as("three pages").isBetween(401, 600);
		List<Long> paged = new ArrayList<>();
		List<List<Long>> unitsPerPage = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			String html = page(kind, page);
			List<Long> rows = ids(SYSTEM_ROW, html);
			assertThat(rows).as("page " + page)
				.containsExactlyElementsOf(whole.subList((page - 1) * 200, Math.min(page * 200, total)));
			assertThat(html).contains("Page " + page + " of 3");
			paged.addAll(rows);
			unitsPerPage.add(ids(UNIT_GROUP, html));
		}
		assertThat(paged).containsExactlyElementsOf(whole);
		// links as the link expressions wrote them per row before they were resolved once per page
		String first = page(kind, 1);
		long system = whole.getFirst();
		long unit = unitsPerPage.getFirst().getFirst();
		assertThat(first).contains("href=\"/levels/systems/" + system
				+ (kind == DeadlineKind.LEVELS_APPROVED ? "\"" : "/plan\""))
			.contains("href=\"/levels/campaigns/" + directive + "/systems?kind=" + kind + "&amp;unit=" + unit + "\"");
		// the unit closing page 1 opens page 2, and the unit closing page 2 opens page 3
		assertThat(unitsPerPage.get(1).getFirst()).isEqualTo(unitsPerPage.get(0).getLast());
		assertThat(unitsPerPage.get(2).getFirst()).isEqualTo(unitsPerPage.get(1).getLast());

		assertThat(ids(SYSTEM_ROW, page(kind, 99))).containsExactlyElementsOf(whole.subList(400, total));
		assertThat(ids(SYSTEM_ROW, page(kind, 0))).containsExactlyElementsOf(whole.subList(0, 200));
		String api = mvc.perform(get("/api/v1/levels/campaigns/" + directive + "/systems").param("kind", kind.name())
			.param("unit", Long.toString(tree.province().id()))
			.param("page", "2")
			.with(user(admin.principal()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains("\"total\":" + total).contains("\"page\":2").contains("\"pageCount\":3");
		assertThat(ids(Pattern.compile("\"systemId\":(\\d+)"), api)).containsExactlyElementsOf(whole.subList(200, 400));
	}

	private String page(DeadlineKind kind, int page) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/levels/campaigns/" + directive + "/systems")
			.param("kind", kind.name())
			.param("unit", Long.toString(tree.province().id()))
			.param("page", Integer.toString(page))
			.param("lang", "en")
			.with(user(admin.principal()))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The system ids of the whole list in its order, from the export (one read, no page). */
	private List<Long> exported(DeadlineKind kind) throws Exception {
		byte[] xlsx = mvc.perform(get("/levels/campaigns/" + directive + "/systems/export").param("kind", kind.name())
			.param("unit", Long.toString(tree.province().id()))
			.with(user(admin.principal()))).andReturn().getResponse().getContentAsByteArray();
		List<Long> ids = new ArrayList<>();
		new TabularFile(10_000, TabularFile.BlankLines.COUNTED).read("export.xlsx", new ByteArrayInputStream(xlsx),
				row -> ids.add(row.cells().get(2).matches("\\d+") ? Long.parseLong(row.cells().get(2)) : -1));
		return ids.subList(1, ids.size());
	}

	private static List<Long> ids(Pattern pattern, String text) {
		List<Long> ids = new ArrayList<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

}
