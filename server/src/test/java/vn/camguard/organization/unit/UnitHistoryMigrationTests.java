package vn.camguard.organization.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.camguard.organization.UnitScope;
import vn.camguard.organization.UnitTreeAsOf.UnitAsOf;

/**
 * A unit tree written before the parent history existed, upgraded: every unit gets one period under
 * its current parent from its creation on, so the tree of any date since then is today's tree and the
 * tree of a date before a unit's creation lacks it. Runs in a database of its own: a fresh H2, or a
 * fresh schema of the PostgreSQL database the CI names in SPRING_DATASOURCE_URL.
 */
class UnitHistoryMigrationTests {

	private static final MigrationVersion HISTORY = MigrationVersion.fromVersion("202612051200");

	private final String schema = "unit_history_" + Long.toString(System.nanoTime(), 36);

	private DataSource dataSource;

	private boolean postgres;

	private JdbcClient jdbc;

	@BeforeEach
	void freshDatabase() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		postgres = url != null && url.startsWith("jdbc:postgresql:");
		if (postgres) {
			String separator = url.contains("?") ? "&" : "?";
			dataSource = new DriverManagerDataSource(url + separator + "currentSchema=" + schema,
					System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"));
		}
		else {
			dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + schema
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
		}
		jdbc = JdbcClient.create(dataSource);
	}

	@AfterEach
	void dropDatabase() {
		if (postgres) {
			jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
		}
		else {
			jdbc.sql("SHUTDOWN").update();
		}
	}

	@Test
	void existingUnitsHangUnderTheirCurrentParentSinceTheirCreation() {
		MigrationVersion before = Arrays.stream(configure().load().info().all())
			.map(MigrationInfo::getVersion)
			.filter(version -> version.compareTo(HISTORY) < 0)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		configure().target(before).load().migrate();
		OffsetDateTime created = OffsetDateTime.of(2023, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
		long province = unit("MP", "PROVINCE", null, created);
		long district = unit("MP-D", "DISTRICT", province, created.plusDays(1));
		long commune = unit("MP-D-1", "COMMUNE", district, created.plusDays(2));

		configure().load().migrate();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM organization_unit_parent WHERE valid_to IS NULL AND NOT merged")
			.query(Long.class).single()).isEqualTo(3);
		JdbcUnitTreeAsOf history = new JdbcUnitTreeAsOf(new UnitStore(jdbc));
		UnitScope all = new UnitScope(Set.of(province));
		List<UnitAsOf> today = history.within(all, OffsetDateTime.now().toInstant());
		assertThat(today).extracting(UnitAsOf::code).containsExactly("MP", "MP-D", "MP-D-1");
		assertThat(today).extracting(UnitAsOf::parentId).containsExactly(null, province, district);
		assertThat(today).extracting(UnitAsOf::depth).containsExactly(0, 1, 2);
		// the day after the district was created, the commune did not exist yet
		assertThat(history.within(all, created.plusDays(1).plusHours(1).toInstant())).extracting(UnitAsOf::id)
			.containsExactly(province, district);
		assertThat(history.subtree(district, created.plusDays(3).toInstant())).containsExactlyInAnyOrder(district,
				commune);
	}

	private long unit(String code, String kind, Long parent, OffsetDateTime created) {
		jdbc.sql("""
				INSERT INTO organization_unit (code, name, kind, parent_id, active, created_at)
				VALUES (:code, :code, :kind, :parent, TRUE, :created)""")
			.param("code", code).param("kind", kind).param("parent", parent).param("created", created).update();
		long id = jdbc.sql("SELECT id FROM organization_unit WHERE code = :code").param("code", code)
			.query(Long.class).single();
		// the closure rows as the store writes them
		jdbc.sql("INSERT INTO organization_unit_closure (ancestor_id, descendant_id, depth) VALUES (:id, :id, 0)")
			.param("id", id).update();
		if (parent != null) {
			jdbc.sql("""
					INSERT INTO organization_unit_closure (ancestor_id, descendant_id, depth)
					SELECT ancestor_id, :id, depth + 1 FROM organization_unit_closure WHERE descendant_id = :parent""")
				.param("id", id).param("parent", parent).update();
		}
		return id;
	}

	private FluentConfiguration configure() {
		var flyway = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/" + (postgres ? "postgresql" : "h2"))
			.failOnMissingLocations(false);
		if (postgres) {
			flyway.schemas(schema).defaultSchema(schema);
		}
		return flyway;
	}

}
