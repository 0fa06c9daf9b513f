package vn.camguard.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.inventory.domain.ImportBatch;
import vn.camguard.inventory.domain.ResultPage;
import vn.camguard.organization.UnitScope;

/** The device import batches; reads take the caller's scope. */
@Repository
public class ImportBatches {

	private static final String SELECT = """
			SELECT b.*, u.code AS unit_code, u.name AS unit_name,
			  (SELECT COUNT(*) FROM inventory_device d WHERE d.import_batch_id = b.id) AS remaining
			FROM inventory_import_batch b
			JOIN organization_unit u ON u.id = b.unit_id
			""";

	private final JdbcClient jdbc;

	public ImportBatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long unitId, String actor, String fileName, int rows, int units, OffsetDateTime now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inventory_import_batch (unit_id, actor, file_name, row_count, unit_count, created_at)
				VALUES (:unitId, :actor, :fileName, :rows, :units, :now)""")
			.param("unitId", unitId)
			.param("actor", actor)
			.param("fileName", fileName)
			.param("rows", rows)
			.param("units", units)
			.param("now", now)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/** The newest batches first. */
	public ResultPage<ImportBatch> page(UnitScope scope, int page, int size) {
		if (scope.isEmpty()) {
			return new ResultPage<>(List.of(), page, size, 0, Devices.COUNT_CAP);
		}
		ScopedQuery query = new ScopedQuery("b.unit_id", scope);
		long total = jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM inventory_import_batch b WHERE " + query.where() + " LIMIT "
					+ Devices.COUNT_CAP + ") x")
			.params(query.params())
			.query(Long.class)
			.single();
		List<ImportBatch> items = total == 0 ? List.of()
				: jdbc.sql(SELECT + " WHERE " + query.where() + " ORDER BY b.created_at DESC, b.id DESC"
						+ " LIMIT :limit OFFSET :offset")
					.params(query.params())
					.param("limit", size)
					.param("offset", (long) page * size)
					.query(ImportBatches::batch)
					.list();
		return new ResultPage<>(items, page, size, total, Devices.COUNT_CAP);
	}

	public Optional<ImportBatch> find(UnitScope scope, long id) {
		if (scope.isEmpty()) {
			return Optional.empty();
		}
		ScopedQuery query = new ScopedQuery("b.unit_id", scope).and("b.id = :id", "id", id);
		return jdbc.sql(SELECT + " WHERE " + query.where()).params(query.params()).query(ImportBatches::batch).optional();
	}

	/** Locks the batch's row until the transaction ends, so that two rollbacks of one batch take turns. */
	public void lock(long id) {
		jdbc.sql("SELECT id FROM inventory_import_batch WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).list();
	}

	public void markRolledBack(long id, String actor, String reason, int removed, OffsetDateTime now) {
		jdbc.sql("""
				UPDATE inventory_import_batch
				SET rolled_back_at = :now, rolled_back_by = :actor, rollback_reason = :reason, removed_count = :removed
				WHERE id = :id""")
			.param("now", now)
			.param("actor", actor)
			.param("reason", reason)
			.param("removed", removed)
			.param("id", id)
			.update();
	}

	private static ImportBatch batch(ResultSet rs, int row) throws SQLException {
		return new ImportBatch(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_code"),
				rs.getString("unit_name"), rs.getString("actor"), rs.getString("file_name"), rs.getInt("row_count"),
				rs.getInt("unit_count"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("rolled_back_at", OffsetDateTime.class), rs.getString("rolled_back_by"),
				rs.getString("rollback_reason"), rs.getObject("removed_count", Integer.class), rs.getLong("remaining"));
	}

}
