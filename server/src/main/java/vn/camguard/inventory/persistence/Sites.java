package vn.camguard.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.inventory.domain.Site;
import vn.camguard.inventory.domain.SiteDraft;

/** The sites table; reads take the caller's scope. */
@Repository
public class Sites extends UnitOwnedTable<Site, SiteDraft> {

	public Sites(JdbcClient jdbc) {
		super(jdbc, "inventory_site", "site_id", List.of("unit_id", "name", "address", "latitude", "longitude", "note"),
				Sites::site);
	}

	@Override
	Map<String, Object> values(SiteDraft draft) {
		// a HashMap, not Map.of: most columns may be null
		Map<String, Object> values = new HashMap<>();
		values.put("unit_id", draft.unitId());
		values.put("name", draft.name());
		values.put("address", draft.address());
		values.put("latitude", draft.latitude());
		values.put("longitude", draft.longitude());
		values.put("note", draft.note());
		return values;
	}

	private static Site site(ResultSet rs, int row) throws SQLException {
		return new Site(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"), rs.getString("address"),
				rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("note"),
				rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("device_count"));
	}

}
