package vn.camguard.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.inventory.domain.InformationSystem;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;

/** The information systems table; reads take the caller's scope. */
@Repository
public class InformationSystems extends UnitOwnedTable<InformationSystem, SystemDraft> {

	private final SystemPeriods periods;

	public InformationSystems(JdbcClient jdbc) {
		super(jdbc, "inventory_system", "system_id",
				List.of("unit_id", "name", "purpose", "location", "operator", "status"), InformationSystems::system);
		this.periods = new SystemPeriods(jdbc);
	}

	// every change of a system's unit or status also writes its period, in the same transaction
	@Override
	public long insert(SystemDraft draft, OffsetDateTime now) {
		long id = super.insert(draft, now);
		periods.record(id, draft.unitId(), draft.status().name(), now);
		return id;
	}

	@Override
	public void update(long id, SystemDraft draft, OffsetDateTime now) {
		super.update(id, draft, now);
		periods.record(id, draft.unitId(), draft.status().name(), now);
	}

	@Override
	public void delete(long id) {
		super.delete(id);
		periods.end(id, OffsetDateTime.now(ZoneOffset.UTC));
	}

	@Override
	Map<String, Object> values(SystemDraft draft) {
		// a HashMap, not Map.of: most columns may be null
		Map<String, Object> values = new HashMap<>();
		values.put("unit_id", draft.unitId());
		values.put("name", draft.name());
		values.put("purpose", draft.purpose());
		values.put("location", draft.location());
		values.put("operator", draft.operator());
		values.put("status", draft.status().name());
		return values;
	}

	private static InformationSystem system(ResultSet rs, int row) throws SQLException {
		return new InformationSystem(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"),
				rs.getString("purpose"), rs.getString("location"), rs.getString("operator"),
				SystemStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("device_count"));
	}

}
