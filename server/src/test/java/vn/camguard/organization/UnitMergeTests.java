package vn.camguard.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.camguard.TestTree;
import vn.camguard.TestTree.TestUser;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitTreeAsOf.UnitAsOf;

/**
 * Merging a unit into another (issue 17, the 2025 reorganisation): everything the unit owns moves in
 * one transaction, grants fold into the stronger one, the unit is closed but kept, a clash rolls all
 * of it back, refusals say why, and the tree of a date before the merge still shows the old tree.
 * District A (with commune A1) is merged into district B (with commune B1) of a fresh test province.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnitMergeTests {

	/** The tables a merge of A moves, with the column naming the owning unit. */
	static final Map<String, String> OWNED = owned();

	static final AtomicInteger SERIALS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	UnitDirectory directory;

	@Autowired
	UnitTreeAsOf history;

	@Autowired
	List<UnitTransfer> transfers;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestUser admin;

	@BeforeEach
	void tree() {
		tree = TestTree.create(setup);
		admin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
	}

	@Test
	void mergingMovesEverythingTheUnitOwnsAndClosesIt() throws Exception {
		long systemA = ownedRows(tree.districtA(), "A");
		ownedRows(tree.districtB(), "B");
		TestUser officerA = tree.user("officera", Role.UNIT_OFFICER, tree.districtA());
		Map<String, Long> beforeA = counts(tree.districtA().id());
		Map<String, Long> beforeB = counts(tree.districtB().id());
		assertThat(beforeA.values()).allMatch(n -> n > 0);

		String preview = page(get("/units/merge?sourceId=" + tree.districtA().id() + "&targetId="
				+ tree.districtB().id() + "&lang=en"), admin);
		assertThat(preview).contains("What moves from", "Information systems", "Devices", "Level dossiers",
				"data-table=\"inventory_device\">1<", "data-table=\"organization_unit\">1<");
		// the preview changed nothing
		assertThat(counts(tree.districtA().id())).isEqualTo(beforeA);

		MockHttpServletResponse merged = merge(admin, tree.districtA(), tree.districtB());
		assertThat(merged.getRedirectedUrl()).isEqualTo("/units/" + tree.districtB().id());

		Map<String, Long> afterA = counts(tree.districtA().id());
		Map<String, Long> afterB = counts(tree.districtB().id());
		for (String table : OWNED.keySet()) {
			assertThat(afterA.get(table)).as(table).isZero();
			assertThat(afterB.get(table)).as(table).isEqualTo(beforeA.get(table) + beforeB.get(table));
		}
		assertThat(jdbc.sql("SELECT unit_id FROM inventory_system WHERE id = :id").param("id", systemA)
			.query(Long.class).single()).isEqualTo(tree.districtB().id());
		// the child commune hangs under B, in the closure table too; the user is homed in B
		assertThat(directory.find(tree.communeA().id()).orElseThrow().parentId()).isEqualTo(tree.districtB().id());
		assertThat(under(tree.districtB().id())).contains(tree.communeA().id(), tree.districtA().id());
		assertThat(under(tree.province().id())).contains(tree.communeA().id());
		assertThat(jdbc.sql("SELECT unit_id FROM organization_user WHERE id = :id").param("id", officerA.id())
			.query(Long.class).single()).isEqualTo(tree.districtB().id());
		// the merged unit is kept, closed, marked and no longer offered for new data
		UnitRef closed = directory.find(tree.districtA().id()).orElseThrow();
		assertThat(closed.active()).isFalse();
		assertThat(jdbc.sql("SELECT merged_into_id FROM organization_unit WHERE id = :id")
			.param("id", tree.districtA().id()).query(Long.class).single()).isEqualTo(tree.districtB().id());
		assertThat(directory.within(new UnitScope(Set.of(tree.province().id()))).stream().map(UnitRef::id))
			.doesNotContain(tree.districtA().id())
			.contains(tree.districtB().id(), tree.communeA().id());
		assertThat(page(get("/units/" + tree.districtA().id() + "?lang=en"), admin))
			.contains("Merged into " + tree.districtB().name());

		// one audit entry with the counts, on the target, shown on the audit page in the reader's words
		String after = jdbc.sql("SELECT after_json FROM audit_entry WHERE action = 'unit.merge' AND entity_id = :id")
			.param("id", Long.toString(tree.districtA().id())).query(String.class).single();
		assertThat(after).contains("\"inventory_device\":1", "\"organization_unit\":1", "\"level_dossier\":1",
				"\"intoCode\":\"" + tree.districtB().code() + "\"");
		assertThat(page(get("/audit?action=unit.merge&lang=en"), admin)).contains("Unit merged", "Devices",
				tree.districtB().code());
	}

	@Test
	void aPersonGrantedOnBothUnitsKeepsTheStrongerGrantOnly() throws Exception {
		TestUser both = tree.user("both", Role.UNIT_OFFICER, tree.districtA());
		setup.grant(both.id(), Role.PROVINCE_ADMIN, tree.districtB().id());
		TestUser twice = tree.user("twice", Role.UNIT_OFFICER, tree.districtA());
		setup.grant(twice.id(), Role.UNIT_OFFICER, tree.districtB().id());
		TestUser weakerOnTarget = tree.user("weaker", Role.PROVINCE_ADMIN, tree.districtA());
		setup.grant(weakerOnTarget.id(), Role.UNIT_OFFICER, tree.districtB().id());

		merge(admin, tree.districtA(), tree.districtB());

		assertThat(grants(both)).containsExactly("PROVINCE_ADMIN@" + tree.districtB().id());
		assertThat(grants(twice)).containsExactly("UNIT_OFFICER@" + tree.districtB().id());
		assertThat(grants(weakerOnTarget)).containsExactly("PROVINCE_ADMIN@" + tree.districtB().id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organization_grant WHERE unit_id = :id")
			.param("id", tree.districtA().id()).query(Long.class).single()).isZero();
	}

	@Test
	void afterTheMergeScopeFollowsTheGrants() throws Exception {
		String deviceA = device(tree.districtA().id(), null);
		String deviceA1 = device(tree.communeA().id(), null);
		String deviceB = device(tree.districtB().id(), null);
		TestUser officerA = tree.user("offa", Role.UNIT_OFFICER, tree.districtA());
		TestUser officerB = tree.user("offb", Role.UNIT_OFFICER, tree.districtB());
		// homed in A but granted only on its commune A1
		TestUser communeOnly = tree.user("a1only", null, tree.districtA());
		setup.grant(communeOnly.id(), Role.UNIT_OFFICER, tree.communeA().id());
		TestUser outsider = tree.user("outside", Role.UNIT_OFFICER,
				tree.unit("C", "DISTRICT", tree.province()));
		assertThat(devices(officerB)).contains(deviceB).doesNotContain(deviceA, deviceA1);
		assertThat(devices(officerA)).contains(deviceA, deviceA1).doesNotContain(deviceB);

		merge(admin, tree.districtA(), tree.districtB());

		// B's officers see the moved devices; A's officer, now granted on B, sees B's data
		assertThat(devices(officerB)).contains(deviceA, deviceA1, deviceB);
		assertThat(devices(officerA)).contains(deviceA, deviceA1, deviceB);
		// a person of the merged unit sees the target's data only where granted: here only A1
		assertThat(devices(communeOnly)).contains(deviceA1).doesNotContain(deviceA, deviceB);
		assertThat(devices(outsider)).doesNotContain(deviceA, deviceA1, deviceB);
	}

	@Test
	void aClashRollsTheWholeMergeBack() throws Exception {
		ownedRows(tree.districtA(), "A");
		TestUser officerA = tree.user("offa", Role.UNIT_OFFICER, tree.districtA());
		// system names are unique per unit: both districts have one of this name
		system(tree.districtA().id(), "Camera trụ sở");
		system(tree.districtB().id(), "Camera trụ sở");
		Map<String, Long> beforeA = counts(tree.districtA().id());
		Map<String, Long> beforeB = counts(tree.districtB().id());
		long periods = jdbc.sql("SELECT COUNT(*) FROM organization_unit_parent").query(Long.class).single();

		assertThat(page(get("/units/merge?sourceId=" + tree.districtA().id() + "&targetId=" + tree.districtB().id()
				+ "&lang=en"), admin)).contains("cannot be done while these records clash", "Camera trụ sở")
			.doesNotContain("name=\"sourceId\" value=");
		MockHttpServletResponse refused = mvc.perform(post("/units/merge?lang=en").with(user(admin.principal()))
			.with(csrf())
			.param("sourceId", Long.toString(tree.districtA().id()))
			.param("targetId", Long.toString(tree.districtB().id()))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("clashes with one of the target unit", "Camera trụ sở");

		// the child unit and the grants were moved before inventory refused: all of it is undone
		assertThat(counts(tree.districtA().id())).isEqualTo(beforeA);
		assertThat(counts(tree.districtB().id())).isEqualTo(beforeB);
		assertThat(directory.find(tree.communeA().id()).orElseThrow().parentId()).isEqualTo(tree.districtA().id());
		assertThat(under(tree.districtB().id())).doesNotContain(tree.communeA().id());
		assertThat(grants(officerA)).containsExactly("UNIT_OFFICER@" + tree.districtA().id());
		assertThat(directory.find(tree.districtA().id()).orElseThrow().active()).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organization_unit_parent").query(Long.class).single())
			.isEqualTo(periods);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'unit.merge' AND entity_id = :id")
			.param("id", Long.toString(tree.districtA().id())).query(Long.class).single()).isZero();
	}

	@Test
	void theTreeOfADateBeforeTheMergeIsTheOldTree() throws Exception {
		Instant before = Instant.now();
		merge(admin, tree.districtA(), tree.districtB());
		Instant after = Instant.now();
		UnitScope province = new UnitScope(Set.of(tree.province().id()));

		Map<Long, UnitAsOf> then = byId(history.within(province, before));
		assertThat(then.get(tree.communeA().id()).parentId()).isEqualTo(tree.districtA().id());
		assertThat(then.get(tree.districtA().id()).parentId()).isEqualTo(tree.province().id());
		assertThat(then.get(tree.districtA().id()).mergedIntoId()).isNull();
		assertThat(history.subtree(tree.districtA().id(), before)).containsExactlyInAnyOrder(tree.districtA().id(),
				tree.communeA().id());
		assertThat(history.subtree(tree.districtB().id(), before)).containsExactlyInAnyOrder(tree.districtB().id(),
				tree.communeB().id());

		Map<Long, UnitAsOf> now = byId(history.within(province, after));
		assertThat(now.get(tree.communeA().id()).parentId()).isEqualTo(tree.districtB().id());
		assertThat(now.get(tree.districtA().id()).parentId()).isEqualTo(tree.districtB().id());
		assertThat(now.get(tree.districtA().id()).mergedIntoId()).isEqualTo(tree.districtB().id());
		assertThat(now.get(tree.districtA().id()).mergedOn()).isNotNull();
		assertThat(history.subtree(tree.districtB().id(), after)).containsExactlyInAnyOrder(tree.districtB().id(),
				tree.communeB().id(), tree.districtA().id(), tree.communeA().id());
		// before the units existed there was no tree
		assertThat(history.within(province, before.minusSeconds(86_400 * 400))).isEmpty();
	}

	@Test
	void theTreePageShowsTheTreeOfTheChosenDate() throws Exception {
		// the province was set up in 2024; the merge happens today
		jdbc.sql("""
				UPDATE organization_unit_parent SET valid_from = :then WHERE unit_id IN
				  (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id = :province)""")
			.param("then", OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
			.param("province", tree.province().id())
			.update();
		merge(admin, tree.districtA(), tree.districtB());

		String old = page(get("/units?asOf=2025-06-30&lang=en"), admin);
		assertThat(old).contains("The tree as it stood at the end of 30/06/2025")
			.doesNotContain("Merged into " + tree.districtB().name());
		// in tree order: A, then A1 under it, then B, then B1 under it
		assertThat(old.indexOf(tree.districtA().code())).isLessThan(old.indexOf(tree.communeA().code() + "<"));
		assertThat(old.indexOf(tree.communeA().code() + "<")).isLessThan(old.indexOf(tree.districtB().code() + "<"));

		String today = page(get("/units?asOf=" + LocalDate.now(UnitTreeAsOf.PROVINCE_ZONE) + "&lang=en"), admin);
		assertThat(today).contains("Merged into " + tree.districtB().name());
		assertThat(today.indexOf(tree.districtB().code() + "<")).isLessThan(today.indexOf(tree.communeA().code() + "<"));

		assertThat(page(get("/units?asOf=2023-12-31&lang=en"), admin)).doesNotContain(tree.districtA().code() + "<");
		assertThat(page(get("/units?asOf=31-12-2025&lang=en"), admin)).contains("Invalid date; today",
				tree.districtA().code());
	}

	@Test
	void refusesMergingIntoItselfADescendantOrAClosedUnit() throws Exception {
		assertThat(refusal(admin, tree.districtA(), tree.districtA())).contains("cannot be merged into itself");
		assertThat(refusal(admin, tree.districtA(), tree.communeA()))
			.contains("cannot be merged into one of its own sub-units");
		// a district's communes cannot hang under a commune
		assertThat(refusal(admin, tree.districtA(), tree.communeB())).contains("cannot be placed under the target",
				tree.communeA().code());
		merge(admin, tree.communeB(), tree.districtB());
		assertThat(refusal(admin, tree.communeA(), tree.communeB())).contains("target unit is deactivated or merged");
		assertThat(refusal(admin, tree.communeB(), tree.districtA())).contains("already merged");
		// a closed unit is not brought back or moved
		mvc.perform(post("/units/" + tree.communeB().id() + "/reactivate").with(user(admin.principal())).with(csrf()));
		assertThat(directory.find(tree.communeB().id()).orElseThrow().active()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'unit.merge' AND entity_id = :id")
			.param("id", Long.toString(tree.districtA().id())).query(Long.class).single()).isZero();
	}

	@Test
	void onlyAnAdminManagingBothUnitsMerges() throws Exception {
		TestUser districtAdmin = tree.user("dadmin", Role.PROVINCE_ADMIN, tree.districtA());
		TestUser officer = tree.user("officer", Role.UNIT_OFFICER, tree.province());
		var secondCommune = tree.unit("2", "COMMUNE", tree.districtA());
		// B1 lies outside the district admin's units: as if it did not exist
		assertThat(mvc.perform(post("/units/merge").with(user(districtAdmin.principal())).with(csrf())
			.param("sourceId", Long.toString(tree.communeA().id()))
			.param("targetId", Long.toString(tree.communeB().id()))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(post("/units/merge").with(user(officer.principal())).with(csrf())
			.param("sourceId", Long.toString(tree.communeA().id()))
			.param("targetId", Long.toString(secondCommune.id()))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(directory.find(tree.communeA().id()).orElseThrow().active()).isTrue();
		// two communes of its own district: allowed
		merge(districtAdmin, tree.communeA(), secondCommune);
		assertThat(directory.find(tree.communeA().id()).orElseThrow().active()).isFalse();
	}

	@Test
	void theRestApiPreviewsMergesAndGivesTheTreeOfADate() throws Exception {
		ownedRows(tree.districtA(), "A");
		String preview = page(get("/api/v1/units/" + tree.districtA().id() + "/merge-preview?targetId="
				+ tree.districtB().id()), admin);
		assertThat(preview).contains("\"inventory_device\":1", "\"organization_unit\":1", "\"conflicts\":[]");
		MockHttpServletResponse self = mvc.perform(post("/api/v1/units/" + tree.districtA().id() + "/merge?lang=en")
			.with(user(admin.principal()))
			.with(csrf())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"targetId\":" + tree.districtA().id() + "}")).andReturn().getResponse();
		assertThat(self.getStatus()).isEqualTo(422);
		assertThat(self.getContentAsString()).contains("\"code\":\"merge-self\"");

		MockHttpServletResponse done = mvc.perform(post("/api/v1/units/" + tree.districtA().id() + "/merge")
			.with(user(admin.principal()))
			.with(csrf())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"targetId\":" + tree.districtB().id() + "}")).andReturn().getResponse();
		assertThat(done.getStatus()).isEqualTo(200);
		assertThat(done.getContentAsString()).contains("\"mergedIntoId\":" + tree.districtB().id(),
				"\"inventory_device\":1");

		String today = page(get("/api/v1/units?asOf=" + LocalDate.now(UnitTreeAsOf.PROVINCE_ZONE)), admin);
		assertThat(today).contains("\"code\":\"" + tree.communeA().code() + "\",\"name\":\"" + tree.communeA().name()
				+ "\",\"kind\":\"COMMUNE\",\"parentId\":" + tree.districtB().id());
		MockHttpServletResponse bad = mvc.perform(get("/api/v1/units?asOf=yesterday").with(user(admin.principal())))
			.andReturn().getResponse();
		assertThat(bad.getStatus()).isEqualTo(422);
	}

	@Test
	void theMergedUnitTakesNoNewData() throws Exception {
		merge(admin, tree.districtA(), tree.districtB());
		for (String path : List.of("/api/v1/inventory/devices", "/api/v1/inventory/systems")) {
			MockHttpServletResponse refused = createIn(path, tree.districtA());
			assertThat(refused.getStatus()).as(path).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("unit-closed");
			assertThat(createIn(path, tree.districtB()).getStatus()).as(path).isEqualTo(201);
		}
		assertThat(page(get("/units/new"), admin)).doesNotContain("value=\"" + tree.districtA().code() + "\"");
	}

	private MockHttpServletResponse createIn(String path, UnitRef unit) throws Exception {
		String serial = tree.prefix() + "N" + SERIALS.incrementAndGet();
		return mvc.perform(post(path).with(user(admin.principal()))
			.with(csrf())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"unitId\":" + unit.id() + ",\"kind\":\"CAMERA\",\"vendor\":\"Dahua\",\"serial\":\"" + serial
					+ "\",\"name\":\"API " + serial + "\"}"))
			.andReturn()
			.getResponse();
	}

	@Test
	void everyCountHasItsWordsInBothLanguages() {
		List<String> tables = new java.util.ArrayList<>(List.of("organization_unit"));
		transfers.forEach(t -> tables.addAll(t.count(tree.districtA().id()).keySet()));
		assertThat(tables).containsAll(OWNED.keySet());
		for (String table : tables) {
			for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
				assertThat(messages.getMessage("audit.field." + table, null, null, locale)).as(table + " " + locale)
					.isNotBlank();
			}
		}
	}

	/**
	 * A table that names an owning unit but that no feature moves would keep rows on a closed unit after
	 * a merge. A feature adding such a table adds it to its {@link UnitTransfer} (or, for history that
	 * must keep the unit of its time, to the list here with the reason).
	 */
	@Test
	void everyTableOwnedByAUnitIsMovedByAFeature() {
		Set<String> kept = Set.of(
				// the log says which unit an entry was about at the time; it is never rewritten
				"audit_entry",
				// the parent history is the record of the old tree itself
				"organization_unit_parent",
				// a unit's internal security regulation binds that unit only; the merged unit keeps its own as
				// history and the target's regulation stays the one in force
				"level_unit_regulation",
				// a system's periods record the unit it belonged to at each time; a merge closes the open period
				// and opens one in the target (InventoryTransfer), the past ones keep the merged unit
				"inventory_system_period");
		Set<String> moved = new java.util.HashSet<>();
		transfers.forEach(t -> moved.addAll(t.count(tree.districtA().id()).keySet()));
		List<String> owning = jdbc.sql("""
				SELECT LOWER(table_name) FROM information_schema.columns
				WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
				  AND (LOWER(column_name) IN ('unit_id', 'organization_id') OR LOWER(column_name) LIKE '%\\_unit\\_id' ESCAPE '\\')""")
			.query(String.class)
			.list();
		assertThat(owning).contains("inventory_device", "monitoring_finding", "product");
		assertThat(owning.stream().filter(table -> !kept.contains(table) && !moved.contains(table)).distinct().sorted())
			.as("tables owned by a unit that no UnitTransfer moves")
			.isEmpty();
	}

	// ---- helpers

	private static Map<String, String> owned() {
		Map<String, String> owned = new LinkedHashMap<>();
		owned.put("inventory_system", "unit_id");
		owned.put("inventory_site", "unit_id");
		owned.put("inventory_device", "unit_id");
		owned.put("level_determination", "unit_id");
		owned.put("level_dossier", "unit_id");
		owned.put("monitoring_range", "organization_id");
		owned.put("notification", "unit_id");
		owned.put("organization_user", "unit_id");
		owned.put("organization_grant", "unit_id");
		return owned;
	}

	/** One row in each owned table, for the unit; returns the system's id. */
	private long ownedRows(UnitRef unit, String tag) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long system = system(unit.id(), "Hệ thống " + tag + " " + tree.prefix());
		jdbc.sql("""
				INSERT INTO inventory_site (unit_id, name, created_at, updated_at) VALUES (:unit, :name, :now, :now)""")
			.param("unit", unit.id()).param("name", "Địa điểm " + tag).param("now", now).update();
		long site = siteId(unit.id());
		device(unit.id(), system, site);
		long framework = jdbc.sql("SELECT MIN(id) FROM level_framework_version").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO level_determination (system_id, unit_id, framework_version_id, answers_json, proposed_min,
				  proposed_max, deciding_rules, chosen_level, status, created_by, created_at)
				VALUES (:system, :unit, :framework, '{}', 1, 1, 'R1-1', 1, 'DRAFT', 'test', :now)""")
			.param("system", system).param("unit", unit.id()).param("framework", framework).param("now", now).update();
		long determination = jdbc.sql("SELECT MAX(id) FROM level_determination WHERE unit_id = :unit")
			.param("unit", unit.id()).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO level_dossier (system_id, unit_id, determination_id, framework_version_id, level, status,
				  created_by, created_at, updated_at)
				VALUES (:system, :unit, :determination, :framework, 1, 'DRAFT', 'test', :now, :now)""")
			.param("system", system).param("unit", unit.id()).param("determination", determination)
			.param("framework", framework).param("now", now).update();
		jdbc.sql("""
				INSERT INTO monitoring_range (organization_id, range_text, first_address, last_address, first_number,
				  last_number, status, requested_by, requested_at)
				VALUES (:unit, '127.73.0.0/30', '127.73.0.0', '127.73.0.3', 2135490560, 2135490563, 'PENDING', 'test', :now)""")
			.param("unit", unit.id()).param("now", now).update();
		jdbc.sql("""
				INSERT INTO notification (unit_id, kind, text_vi, text_en, created_at)
				VALUES (:unit, 'WARNING', 'Cảnh báo', 'Warning', :now)""")
			.param("unit", unit.id()).param("now", now).update();
		tree.user("home" + tag.toLowerCase(), Role.AUDITOR, unit);
		return system;
	}

	private long siteId(long unitId) {
		return jdbc.sql("SELECT MAX(id) FROM inventory_site WHERE unit_id = :unit").param("unit", unitId)
			.query(Long.class).single();
	}

	private long system(long unitId, String name) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO inventory_system (unit_id, name, status, created_at, updated_at)
				VALUES (:unit, :name, 'OPERATING', :now, :now)""")
			.param("unit", unitId).param("name", name).param("now", now).update();
		return jdbc.sql("SELECT id FROM inventory_system WHERE unit_id = :unit AND name = :name")
			.param("unit", unitId).param("name", name).query(Long.class).single();
	}

	private String device(long unitId, Long system) {
		return device(unitId, system, null);
	}

	private String device(long unitId, Long system, Long site) {
		String serial = (tree.prefix() + "SN" + SERIALS.incrementAndGet()).toUpperCase();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO inventory_device (unit_id, system_id, site_id, kind, status, vendor, serial, created_at, updated_at)
				VALUES (:unit, :system, :site, 'CAMERA', 'ACTIVE', 'Hikvision', :serial, :now, :now)""")
			.param("unit", unitId).param("system", system).param("site", site).param("serial", serial)
			.param("now", now).update();
		return serial;
	}

	private Map<String, Long> counts(long unitId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		OWNED.forEach((table, column) -> counts.put(table,
				jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :unit").param("unit", unitId)
					.query(Long.class).single()));
		counts.put("children", jdbc.sql("SELECT COUNT(*) FROM organization_unit WHERE parent_id = :unit")
			.param("unit", unitId).query(Long.class).single());
		return counts;
	}

	private List<Long> under(long unitId) {
		return jdbc.sql("SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id = :id")
			.param("id", unitId).query(Long.class).list();
	}

	private List<String> grants(TestUser user) {
		return jdbc.sql("SELECT role, unit_id FROM organization_grant WHERE user_id = :id ORDER BY role")
			.param("id", user.id())
			.query((rs, n) -> rs.getString(1) + "@" + rs.getLong(2))
			.list();
	}

	private String devices(TestUser user) throws Exception {
		return page(get("/api/v1/inventory/devices?size=100&q=" + tree.prefix()), user);
	}

	private MockHttpServletResponse merge(TestUser caller, UnitRef source, UnitRef target) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/units/merge").with(user(caller.principal()))
			.with(csrf())
			.param("sourceId", Long.toString(source.id()))
			.param("targetId", Long.toString(target.id()))).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		return response;
	}

	private String refusal(TestUser caller, UnitRef source, UnitRef target) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/units/merge?lang=en").with(user(caller.principal()))
			.with(csrf())
			.param("sourceId", Long.toString(source.id()))
			.param("targetId", Long.toString(target.id()))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		return response.getContentAsString();
	}

	private String page(MockHttpServletRequestBuilder request, TestUser caller) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(user(caller.principal()))).andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private static Map<Long, UnitAsOf> byId(List<UnitAsOf> units) {
		Map<Long, UnitAsOf> byId = new LinkedHashMap<>();
		units.forEach(u -> byId.put(u.id(), u));
		return byId;
	}

}
