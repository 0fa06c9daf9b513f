package vn.camguard.inventory.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.inventory.domain.DeviceFilter;
import vn.camguard.inventory.domain.DeviceSort;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitScope;

/**
 * On PostgreSQL only (the CI's second run): with 20,000 devices in a province and fresh statistics,
 * the count and the page of a search by serial are planned on an index (the case-insensitive serial index of
 * {@code db/vendor/postgresql}, or the unit index under the closure), not as a scan of the whole table. The planner is left free to choose
 * (no {@code enable_seqscan=off}); the rows are enough for the index to be the cheaper plan. (A text
 * search's trigram index only beats a scan on far bigger tables: see the 1,000,000-device benchmark.)
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceSearchPlanTests {

	private static final int DEVICES = 20_000;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Devices devices;

	@Autowired
	OrganizationSetup setup;

	String tag;

	UnitRef district;

	UnitScope province;

	@BeforeAll
	void fillAProvince() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "PostgreSQL only");
		}
		tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		UnitRef root = setup.ensureUnit("PL" + tag, "Tỉnh kế hoạch " + tag, "PROVINCE", null);
		district = setup.ensureUnit("PL" + tag + "-A", "Huyện kế hoạch " + tag, "DISTRICT", root.code());
		province = new UnitScope(Set.of(root.id()));
		jdbc.sql("""
				INSERT INTO inventory_device (unit_id, kind, status, name, vendor, model, serial, address, created_at,
				  updated_at)
				SELECT :unit, 'CAMERA', 'ACTIVE', 'Camera ' || :tag || ' số ' || i, 'Hikvision', 'DS-2CD2143G2-I',
				  'PLAN-' || :tag || '-' || lpad(i::text, 6, '0'), '10.9.' || (i / 250) || '.' || (i % 250), now(), now()
				FROM generate_series(1, :count) AS i
				""").param("unit", district.id()).param("tag", tag).param("count", DEVICES).update();
		jdbc.sql("ANALYZE inventory_device").update();
	}

	@AfterAll
	void removeThem() {
		if (district != null) {
			jdbc.sql("DELETE FROM inventory_device WHERE unit_id = :unit").param("unit", district.id()).update();
		}
	}

	@Test
	void exactSerialIsFoundThroughAnIndex() {
		String serial = "plan-" + tag.toLowerCase(Locale.ROOT) + "-012345";
		Devices.Matching matching = devices.matching(province, search(serial));
		assertThat(matching.byText()).as("found exactly").isFalse();
		ScopedQuery query = matching.query();
		for (String plan : List.of(plan(Devices.countStatement(query), query.params()),
				plan(Devices.pageStatement(query, DeviceSort.SERIAL, true), page(query)))) {
			// Which index is the planner's choice: the serial index, or (when the other units of the database hold few
			// devices each, as after the whole test suite) the unit index under the closure. Never the whole table.
			assertThat(plan).doesNotContain("Seq Scan on inventory_device")
				.containsPattern("Index (Only )?Scan using \\S+ on inventory_device|Bitmap Index Scan on ix_inventory_device");
		}
	}

	private static DeviceFilter search(String text) {
		return new DeviceFilter(text, null, null, null, null, null, null);
	}

	private static Map<String, Object> page(ScopedQuery query) {
		Map<String, Object> params = new HashMap<>(query.params());
		params.put("limit", 25);
		params.put("offset", 0L);
		return params;
	}

	private String plan(String statement, Map<String, Object> params) {
		String plan = String.join("\n", jdbc.sql("EXPLAIN " + statement).params(params).query(String.class).list());
		return plan;
	}

}
