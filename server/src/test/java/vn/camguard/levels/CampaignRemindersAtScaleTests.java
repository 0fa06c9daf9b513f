package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.TestTree;
import vn.camguard.levels.Campaigns.DeadlineKind;
import vn.camguard.notifications.Deadline;
import vn.camguard.notifications.DeadlineSource;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The campaign reminder reaches every unit that owes something however many systems the province holds: a
 * unit with 100,000 systems without a level and a unit after it (by name) with one both get their officer
 * reminded with their own counts. The reminder source used to read the owing systems one by one, at most
 * 100,000, so the later unit was left out; it now reads how many each unit owes.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignRemindersAtScaleTests {

	private static final int MANY = 100_000;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	Campaigns campaigns;

	@Autowired
	List<DeadlineSource> sources;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	UnitRef crowded;

	UnitRef later;

	TestTree.TestUser crowdedOfficer;

	TestTree.TestUser laterOfficer;

	long directive;

	@BeforeAll
	void data() {
		tree = TestTree.create(setup);
		// unit names sort "Đơn vị A..." before "Đơn vị Z..." in any collation
		crowded = tree.unit("A" + tree.prefix(), "COMMUNE", tree.districtA());
		later = tree.unit("Z" + tree.prefix(), "COMMUNE", tree.districtB());
		crowdedOfficer = tree.user("scale.crowded", Role.UNIT_OFFICER, crowded);
		laterOfficer = tree.user("scale.later", Role.UNIT_OFFICER, later);
		directive = campaigns.all().stream().filter(c -> c.code().equals("CT23_2023")).findFirst().orElseThrow().id();
		String digits = "(SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
				+ "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
		jdbc.sql("""
				INSERT INTO inventory_system (unit_id, name, status, created_at, updated_at)
				SELECT :unit, 'Hàng loạt ' || CAST(a.n + 10 * b.n + 100 * c.n + 1000 * d.n + 10000 * e.n AS VARCHAR(10)),
				  'OPERATING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
				FROM %1$s a CROSS JOIN %1$s b CROSS JOIN %1$s c CROSS JOIN %1$s d CROSS JOIN %1$s e""".formatted(digits))
			.param("unit", crowded.id())
			.update();
		jdbc.sql("""
				INSERT INTO inventory_system (unit_id, name, status, created_at, updated_at)
				VALUES (:unit, 'Một mình', 'OPERATING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.param("unit", later.id())
			.update();
	}

	@AfterAll
	void removeTheCrowd() {
		// other tests read lists and figures over every unit: leave the database as it was
		jdbc.sql("DELETE FROM inventory_system WHERE unit_id IN (:units)")
			.param("units", List.of(crowded.id(), later.id()))
			.update();
	}

	@Test
	void everyUnitOwingALevelGetsItsReminderWithItsOwnCount() {
		LocalDate due = campaigns.find(directive).orElseThrow().levelsDueOn();
		List<Deadline> reminders = sources.stream()
			.flatMap(source -> source.dueBetween(due, due).stream())
			.filter(d -> d.key().equals("campaign:" + directive + ":" + DeadlineKind.LEVELS_APPROVED))
			.toList();
		assertThat(reminders).filteredOn(d -> d.recipients().getFirst().userId() == crowdedOfficer.id())
			.singleElement()
			.satisfies(d -> {
				assertThat(d.unitId()).isEqualTo(crowded.id());
				assertThat(d.whatEn())
					.contains(": " + MANY + " information system(s) without an approved security level (1 unit)");
			});
		assertThat(reminders).filteredOn(d -> d.recipients().getFirst().userId() == laterOfficer.id())
			.singleElement()
			.satisfies(d -> {
				assertThat(d.unitId()).isEqualTo(later.id());
				assertThat(d.whatEn()).contains(": 1 information system(s) without an approved security level (1 unit)");
			});
	}

}
