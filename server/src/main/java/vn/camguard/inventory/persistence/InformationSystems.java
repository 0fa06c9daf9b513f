package vn.camguard.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.inventory.domain.InformationSystem;
import vn.camguard.inventory.domain.NameFilter;
import vn.camguard.inventory.domain.ResultPage;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.organization.UnitScope;

/** The information systems table; reads take the caller's scope. */
@Repository
public class InformationSystems {

	/** Most systems a drop-down offers; a province has a few hundred at most. */
	public static final int OPTIONS_LIMIT = 1_000;

	private static final String SELECT = """
			SELECT s.*, (SELECT COUNT(*) FROM inventory_device d WHERE d.system_id = s.id) AS device_count
			FROM inventory_system s
			""";

	private final JdbcClient jdbc;

	public InformationSystems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ResultPage<InformationSystem> page(UnitScope scope, NameFilter filter, int page, int size) {
		if (scope.isEmpty()) {
			return new ResultPage<>(List.of(), page, size, 0, Devices.COUNT_CAP);
		}
		ScopedQuery query = query(scope, filter);
		long total = jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM inventory_system s WHERE " + query.where() + " LIMIT "
					+ Devices.COUNT_CAP + ") x")
			.params(query.params())
			.query(Long.class)
			.single();
		List<InformationSystem> items = jdbc
			.sql(SELECT + " WHERE " + query.where() + " ORDER BY s.name, s.id LIMIT :limit OFFSET :offset")
			.params(query.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(InformationSystems::system)
			.list();
		return new ResultPage<>(items, page, size, total, Devices.COUNT_CAP);
	}

	/** Systems in scope by name, for drop-downs (without device counts). */
	public List<InformationSystem> options(UnitScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		ScopedQuery query = new ScopedQuery("s.unit_id", scope);
		return jdbc.sql("SELECT s.*, 0 AS device_count FROM inventory_system s WHERE " + query.where()
				+ " ORDER BY s.name, s.id LIMIT " + OPTIONS_LIMIT)
			.params(query.params())
			.query(InformationSystems::system)
			.list();
	}

	public Optional<InformationSystem> find(UnitScope scope, long id) {
		if (scope.isEmpty()) {
			return Optional.empty();
		}
		ScopedQuery query = new ScopedQuery("s.unit_id", scope).and("s.id = :id", "id", id);
		return jdbc.sql(SELECT + " WHERE " + query.where())
			.params(query.params())
			.query(InformationSystems::system)
			.optional();
	}

	/** The system with this name in this unit (names are unique per unit). */
	public Optional<Long> idByName(long unitId, String name) {
		return jdbc.sql("SELECT id FROM inventory_system WHERE unit_id = :unitId AND name = :name")
			.param("unitId", unitId)
			.param("name", name)
			.query(Long.class)
			.optional();
	}

	/** The unit a system belongs to, whatever the caller's scope (for consistency checks). */
	public Optional<Long> unitOf(long id) {
		return jdbc.sql("SELECT unit_id FROM inventory_system WHERE id = :id").param("id", id).query(Long.class).optional();
	}

	public long insert(SystemDraft draft, OffsetDateTime now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inventory_system (unit_id, name, purpose, location, operator, status, created_at, updated_at)
				VALUES (:unitId, :name, :purpose, :location, :operator, :status, :now, :now)""")
			.params(params(draft))
			.param("now", now)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	public void update(long id, SystemDraft draft, OffsetDateTime now) {
		jdbc.sql("""
				UPDATE inventory_system SET unit_id = :unitId, name = :name, purpose = :purpose, location = :location,
				operator = :operator, status = :status, updated_at = :now WHERE id = :id""")
			.params(params(draft))
			.param("now", now)
			.param("id", id)
			.update();
	}

	private static Map<String, Object> params(SystemDraft draft) {
		Map<String, Object> params = new HashMap<>();
		params.put("unitId", draft.unitId());
		params.put("name", draft.name());
		params.put("purpose", draft.purpose());
		params.put("location", draft.location());
		params.put("operator", draft.operator());
		params.put("status", draft.status().name());
		return params;
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

	private static InformationSystem system(ResultSet rs, int row) throws SQLException {
		return new InformationSystem(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"),
				rs.getString("purpose"), rs.getString("location"), rs.getString("operator"),
				SystemStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("device_count"));
	}

}
