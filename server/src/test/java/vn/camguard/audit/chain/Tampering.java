package vn.camguard.audit.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.audit.AuditEntry;

/**
 * What someone with database access does to the audit tables, for the tests that prove it is
 * noticed. On PostgreSQL the append-only triggers refuse it, so the forger here is the tables'
 * owner, who switches them off for the length of one transaction.
 */
public final class Tampering {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final boolean postgres;

	public Tampering(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.postgres = isPostgres(dataSource);
	}

	static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean postgres() {
		return postgres;
	}

	/** Runs the changes in one transaction with the audit triggers off (PostgreSQL only). */
	public void asOwner(java.util.function.Consumer<JdbcClient> change) {
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
			if (postgres) {
				jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
				jdbc.sql("ALTER TABLE audit_head DISABLE TRIGGER USER").update();
			}
			change.accept(jdbc);
			if (postgres) {
				jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
				jdbc.sql("ALTER TABLE audit_head ENABLE TRIGGER USER").update();
			}
		});
	}

	/** The rows from seq on, with what verification needs to put them back. */
	public List<Row> rowsFrom(long seq) {
		return jdbc.sql("SELECT * FROM audit_entry WHERE seq >= :seq ORDER BY seq")
			.param("seq", seq)
			.query((rs, n) -> new Row(new AuditEntry(rs.getLong("seq"),
					rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
					rs.getString("actor_address"), rs.getString("action"), rs.getString("entity_type"),
					rs.getString("entity_id"), rs.getObject("unit_id", Long.class), rs.getString("before_json"),
					rs.getString("after_json"), rs.getString("prev_hash"), rs.getString("hash")),
					rs.getInt("chain_version"), rs.getString("key_id")))
			.list();
	}

	public long headSeq() {
		return jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
	}

	/** Puts rows back exactly as they were (deleting what stands in their place) and the head with them. */
	public void restore(List<Row> rows, long headSeq, String headHash) {
		asOwner(db -> {
			for (Row row : rows) {
				db.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", row.entry().seq()).update();
				insert(db, row);
			}
			db.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
				.param("seq", headSeq)
				.param("hash", headHash)
				.update();
		});
	}

	static void insert(JdbcClient db, Row row) {
		AuditEntry e = row.entry();
		db.sql("""
				INSERT INTO audit_entry (seq, at, actor, actor_address, action, entity_type, entity_id, unit_id,
				  before_json, after_json, prev_hash, hash, chain_version, key_id)
				VALUES (:seq, :at, :actor, :address, :action, :type, :id, :unit, :before, :after, :prev, :hash,
				  :version, :keyId)""")
			.param("seq", e.seq())
			.param("at", e.at().atOffset(java.time.ZoneOffset.UTC))
			.param("actor", e.actor())
			.param("address", e.actorAddress())
			.param("action", e.action())
			.param("type", e.entityType())
			.param("id", e.entityId())
			.param("unit", e.unitId())
			.param("before", e.beforeJson())
			.param("after", e.afterJson())
			.param("prev", e.prevHash())
			.param("hash", e.hash())
			.param("version", row.version())
			.param("keyId", row.keyId())
			.update();
	}

	/**
	 * A forger's rewrite from {@code from} to the end: the row's after_json is replaced and it and
	 * every later row are hashed again with the given function, the head moved along.
	 */
	void rewriteTail(long from, String newAfterJson, Rehash rehash) {
		List<Row> rows = rowsFrom(from);
		asOwner(db -> {
			String prev = rows.get(0).entry().prevHash();
			List<Row> forged = new ArrayList<>();
			for (Row row : rows) {
				AuditEntry e = row.entry();
				AuditEntry changed = new AuditEntry(e.seq(), e.at(), e.actor(), e.actorAddress(), e.action(),
						e.entityType(), e.entityId(), e.unitId(), e.beforeJson(),
						e.seq() == from ? newAfterJson : e.afterJson(), prev, null);
				Row redone = rehash.apply(changed);
				forged.add(redone);
				prev = redone.entry().hash();
			}
			for (Row row : forged) {
				db.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", row.entry().seq()).update();
				insert(db, row);
			}
			db.sql("UPDATE audit_head SET last_hash = :hash WHERE id = 1").param("hash", prev).update();
		});
	}

	/** How a forger hashes an entry (whose hash field is still empty). */
	interface Rehash {

		Row apply(AuditEntry entry);

	}

	static AuditEntry withHash(AuditEntry e, String hash) {
		return new AuditEntry(e.seq(), e.at(), e.actor(), e.actorAddress(), e.action(), e.entityType(), e.entityId(),
				e.unitId(), e.beforeJson(), e.afterJson(), e.prevHash(), hash);
	}

	public record Row(AuditEntry entry, int version, String keyId) {
	}

}
