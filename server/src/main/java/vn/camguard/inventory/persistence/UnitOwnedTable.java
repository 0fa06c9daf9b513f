package vn.camguard.inventory.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import vn.camguard.inventory.domain.NameFilter;
import vn.camguard.inventory.domain.ResultPage;
import vn.camguard.organization.UnitScope;

/**
 * A table of things a unit owns by name (information systems, sites) that devices point to: the
 * same scoped reads and writes, told apart only by table, columns and row type. Names are unique
 * per unit; reads take the caller's scope.
 *
 * @param <T> the record read
 * @param <D> the draft written
 */
public abstract class UnitOwnedTable<T, D> {

	/** Most records a drop-down offers; a province has a few hundred systems or sites at most. */
	public static final int OPTIONS_LIMIT = 1_000;

	private final JdbcClient jdbc;

	private final String table;

	private final String select;

	private final String insert;

	private final String update;

	private final RowMapper<T> rows;

	/**
	 * @param table the table, aliased {@code s} in every query
	 * @param deviceColumn the column of {@code inventory_device} that points to this table
	 * @param columns the columns a draft fills, {@code unit_id} and {@code name} first; each is bound
	 *        from the entry of the same name in {@link #values}
	 */
	UnitOwnedTable(JdbcClient jdbc, String table, String deviceColumn, List<String> columns, RowMapper<T> rows) {
		this.jdbc = jdbc;
		this.table = table;
		this.rows = rows;
		this.select = "SELECT s.*, (SELECT COUNT(*) FROM inventory_device d WHERE d." + deviceColumn
				+ " = s.id) AS device_count FROM " + table + " s";
		this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ", created_at, updated_at) VALUES ("
				+ columns.stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ", :now, :now)";
		this.update = "UPDATE " + table + " SET "
				+ columns.stream().map(column -> column + " = :" + column).collect(Collectors.joining(", "))
				+ ", updated_at = :now WHERE id = :id";
	}

	/** The draft's value for every column given to the constructor. */
	abstract Map<String, Object> values(D draft);

	public ResultPage<T> page(UnitScope scope, NameFilter filter, int page, int size) {
		if (scope.isEmpty()) {
			return new ResultPage<>(List.of(), page, size, 0, Devices.COUNT_CAP);
		}
		ScopedQuery query = query(scope, filter);
		long total = jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " s WHERE " + query.where() + " LIMIT "
					+ Devices.COUNT_CAP + ") x")
			.params(query.params())
			.query(Long.class)
			.single();
		List<T> items = jdbc
			.sql(select + " WHERE " + query.where() + " ORDER BY s.name, s.id LIMIT :limit OFFSET :offset")
			.params(query.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(rows)
			.list();
		return new ResultPage<>(items, page, size, total, Devices.COUNT_CAP);
	}

	/** Records in scope by name, for drop-downs (without device counts). */
	public List<T> options(UnitScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		ScopedQuery query = new ScopedQuery("s.unit_id", scope);
		return jdbc.sql("SELECT s.*, 0 AS device_count FROM " + table + " s WHERE " + query.where()
				+ " ORDER BY s.name, s.id LIMIT " + OPTIONS_LIMIT)
			.params(query.params())
			.query(rows)
			.list();
	}

	/** Every record in scope by name (without device counts), for a feature that goes through all of them. */
	public List<T> all(UnitScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		ScopedQuery query = new ScopedQuery("s.unit_id", scope);
		return jdbc.sql("SELECT s.*, 0 AS device_count FROM " + table + " s WHERE " + query.where() + " ORDER BY s.name, s.id")
			.params(query.params())
			.query(rows)
			.list();
	}

	public Optional<T> find(UnitScope scope, long id) {
		if (scope.isEmpty()) {
			return Optional.empty();
		}
		ScopedQuery query = new ScopedQuery("s.unit_id", scope).and("s.id = :id", "id", id);
		return jdbc.sql(select + " WHERE " + query.where()).params(query.params()).query(rows).optional();
	}

	/** The record with this name in this unit. */
	public Optional<Long> idByName(long unitId, String name) {
		return jdbc.sql("SELECT id FROM " + table + " WHERE unit_id = :unitId AND name = :name")
			.param("unitId", unitId)
			.param("name", name)
			.query(Long.class)
			.optional();
	}

	/** The unit a record belongs to, whatever the caller's scope (for consistency checks). */
	public Optional<Long> unitOf(long id) {
		return jdbc.sql("SELECT unit_id FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).optional();
	}

	public long insert(D draft, OffsetDateTime now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(insert).params(values(draft)).param("now", now).update(key, "id");
		return key.getKeyAs(Long.class);
	}

	public void update(long id, D draft, OffsetDateTime now) {
		jdbc.sql(update).params(values(draft)).param("now", now).param("id", id).update();
	}

	public void delete(long id) {
		jdbc.sql("DELETE FROM " + table + " WHERE id = :id").param("id", id).update();
	}

	private static ScopedQuery query(UnitScope scope, NameFilter filter) {
		ScopedQuery query = new ScopedQuery("s.unit_id", scope);
		if (filter.unitId() != null) {
			query.andWithinUnit("s.unit_id", filter.unitId());
		}
		if (filter.search() != null) {
			query.and("LOWER(s.name) LIKE :q ESCAPE '\\'", "q", ScopedQuery.containsPattern(filter.search(), false));
		}
		return query;
	}

}
