package vn.camguard.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.camguard.audit.AuditLog;

/**
 * An audit log written by the code before the chain was keyed (plain SHA-256), upgraded: the
 * migrations add the keyed chain without rewriting a row, the first start seals the old entries
 * with one keyed entry, and the whole log verifies; rewriting an old entry and rehashing the old
 * part of the chain is then caught at the sealing entry. Runs in a database of its own: a fresh H2,
 * or a fresh schema of the PostgreSQL database the CI names in SPRING_DATASOURCE_URL.
 */
class AuditUpgradeTests {

	/** The first migration of the keyed chain; the database of the old code has everything before it. */
	private static final org.flywaydb.core.api.MigrationVersion KEYED_CHAIN =
			org.flywaydb.core.api.MigrationVersion.fromVersion("202612041200");

	private final String schema = "audit_upgrade_" + Long.toString(System.nanoTime(), 36);

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

	private void migrate(boolean onlyBeforeTheKeyedChain) {
		var flyway = configure();
		if (onlyBeforeTheKeyedChain) {
			var last = java.util.Arrays.stream(configure().load().info().all())
				.map(org.flywaydb.core.api.MigrationInfo::getVersion)
				.filter(version -> version.compareTo(KEYED_CHAIN) < 0)
				.max(java.util.Comparator.naturalOrder())
				.orElseThrow();
			flyway.target(last);
		}
		flyway.load().migrate();
	}

	private org.flywaydb.core.api.configuration.FluentConfiguration configure() {
		var flyway = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/" + (postgres ? "postgresql" : "h2"))
			.failOnMissingLocations(false);
		if (postgres) {
			flyway.schemas(schema).defaultSchema(schema);
		}
		return flyway;
	}

	@Test
	void entriesOfTheOldCodeAreSealedAndStillVerified() {
		migrate(true);
		writeAsTheOldCode(5);

		migrate(false);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE chain_version = 1").query(Long.class).single())
			.as("no row lost or rewritten").isEqualTo(5);
		AuditKey key = new AuditKey(randomKey());
		ChainedAuditTrail trail = new ChainedAuditTrail(jdbc, key);
		JdbcAuditLog log = new JdbcAuditLog(jdbc, key, java.time.Clock.system(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));

		assertThat(trail.anchorUnkeyedEntries()).isEqualTo(5);
		assertThat(trail.anchorUnkeyedEntries()).as("sealed once").isZero();
		trail.recordFor("after", "test.after-upgrade", "test", "1", null, null, java.util.Map.of("n", 1));
		AuditLog.ChainVerification result = log.verify();
		assertThat(result.intact()).as("%s", result).isTrue();
		assertThat(result.checked()).isEqualTo(7);
		var anchor = new Tampering(dataSource).rowsFrom(6).get(0);
		assertThat(anchor.entry().action()).isEqualTo("audit.chain.keyed");
		assertThat(anchor.entry().afterJson()).contains("\"lastUnkeyedSeq\":5");

		// a forger rewrites an old entry and rehashes the old part of the chain: the seal no longer matches
		Tampering tampering = new Tampering(dataSource);
		var oldRows = tampering.rowsFrom(3).subList(0, 3);
		tampering.asOwner(db -> {
			String prev = oldRows.get(0).entry().prevHash();
			for (var row : oldRows) {
				var e = row.entry();
				var changed = new vn.camguard.audit.AuditEntry(e.seq(), e.at(), e.actor(), e.actorAddress(), e.action(),
						e.entityType(), e.entityId(), e.unitId(), e.beforeJson(),
						e.seq() == 3 ? "{\"forged\":true}" : e.afterJson(), prev, null);
				String hash = AuditChain.hash(changed);
				db.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", e.seq()).update();
				Tampering.insert(db, new Tampering.Row(Tampering.withHash(changed, hash), AuditChain.UNKEYED, null));
				prev = hash;
			}
		});
		AuditLog.ChainVerification forged = log.verify();
		assertThat(forged.firstBrokenSeq()).hasValue(6);
		assertThat(forged.reason()).isEqualTo("link");
	}

	/** Rows as the code before the keyed chain wrote them: SHA-256 only, no version or key id columns. */
	private void writeAsTheOldCode(int count) {
		String prev = AuditChain.GENESIS;
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);
		for (long seq = 1; seq <= count; seq++) {
			String after = "{\"n\":" + seq + "}";
			String hash = AuditChain.hash(seq, at, "old", "127.0.0.1", "unit.create", "unit", Long.toString(seq), null,
					null, after, prev);
			jdbc.sql("""
					INSERT INTO audit_entry (seq, at, actor, actor_address, action, entity_type, entity_id, unit_id,
					  before_json, after_json, prev_hash, hash)
					VALUES (:seq, :at, 'old', '127.0.0.1', 'unit.create', 'unit', :id, NULL, NULL, :after, :prev, :hash)""")
				.param("seq", seq)
				.param("at", at.atOffset(ZoneOffset.UTC))
				.param("id", Long.toString(seq))
				.param("after", after)
				.param("prev", prev)
				.param("hash", hash)
				.update();
			jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
				.param("seq", seq)
				.param("hash", hash)
				.update();
			prev = hash;
		}
	}

	private static byte[] randomKey() {
		byte[] bytes = new byte[AuditKey.KEY_BYTES];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
