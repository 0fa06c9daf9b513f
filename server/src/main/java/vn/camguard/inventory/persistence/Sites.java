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

import vn.camguard.inventory.domain.Site;
import vn.camguard.inventory.domain.NameFilter;
import vn.camguard.inventory.domain.ResultPage;
import vn.camguard.inventory.domain.SiteDraft;
import vn.camguard.organization.UnitScope;

/** The sites table; reads take the caller's scope. */
@Repository
public class Sites {

	/** Most sites a drop-down offers. */
	public static final int OPTIONS_LIMIT = 1_000;

	private static final String SELECT = """
			SELECT s.*, (SELECT COUNT(*) FROM inventory_device d WHERE d.site_id = s.id) AS device_count
			FROM inventory_site s
			""";

	private final JdbcClient jdbc;

	public Sites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ResultPage<Site> page(UnitScope scope, NameFilter filter, int page, int size) {
		if (scope.isEmpty()) {
			return new ResultPage<>(List.of(), page, size, 0, Devices.COUNT_CAP);
		}
		ScopedQuery query = query(scope, filter);
		long total = jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM inventory_site s WHERE " + query.where() + " LIMIT "
					+ Devices.COUNT_CAP + ") x")
			.params(query.params())
			.query(Long.class)
			.single();
		List<Site> items = jdbc
			.sql(SELECT + " WHERE " + query.where() + " ORDER BY s.name, s.id LIMIT :limit OFFSET :offset")
			.params(query.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Sites::site)
			.list();
		return new ResultPage<>(items, page, size, total, Devices.COUNT_CAP);
	}

	/** Sites in scope by name, for drop-downs (without device counts). */
	public List<Site> options(UnitScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		ScopedQuery query = new ScopedQuery("s.unit_id", scope);
		return jdbc.sql("SELECT s.*, 0 AS device_count FROM inventory_site s WHERE " + query.where()
				+ " ORDER BY s.name, s.id LIMIT " + OPTIONS_LIMIT)
			.params(query.params())
			.query(Sites::site)
			.list();
	}

	public Optional<Site> find(UnitScope scope, long id) {
		if (scope.isEmpty()) {
			return Optional.empty();
		}
		ScopedQuery query = new ScopedQuery("s.unit_id", scope).and("s.id = :id", "id", id);
		return jdbc.sql(SELECT + " WHERE " + query.where())
			.params(query.params())
			.query(Sites::site)
			.optional();
	}

	/** The site with this name in this unit (names are unique per unit). */
	public Optional<Long> idByName(long unitId, String name) {
		return jdbc.sql("SELECT id FROM inventory_site WHERE unit_id = :unitId AND name = :name")
			.param("unitId", unitId)
			.param("name", name)
			.query(Long.class)
			.optional();
	}

	/** The unit a site belongs to, whatever the caller's scope (for consistency checks). */
	public Optional<Long> unitOf(long id) {
		return jdbc.sql("SELECT unit_id FROM inventory_site WHERE id = :id").param("id", id).query(Long.class).optional();
	}

	public long insert(SiteDraft draft, OffsetDateTime now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inventory_site (unit_id, name, address, latitude, longitude, note, created_at, updated_at)
				VALUES (:unitId, :name, :address, :latitude, :longitude, :note, :now, :now)""")
			.params(params(draft))
			.param("now", now)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	public void update(long id, SiteDraft draft, OffsetDateTime now) {
		jdbc.sql("""
				UPDATE inventory_site SET unit_id = :unitId, name = :name, address = :address, latitude = :latitude,
				longitude = :longitude, note = :note, updated_at = :now WHERE id = :id""")
			.params(params(draft))
			.param("now", now)
			.param("id", id)
			.update();
	}

	private static Map<String, Object> params(SiteDraft draft) {
		Map<String, Object> params = new HashMap<>();
		params.put("unitId", draft.unitId());
		params.put("name", draft.name());
		params.put("address", draft.address());
		params.put("latitude", draft.latitude());
		params.put("longitude", draft.longitude());
		params.put("note", draft.note());
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

	private static Site site(ResultSet rs, int row) throws SQLException {
		return new Site(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"), rs.getString("address"),
				rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("note"),
				rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("device_count"));
	}

}
