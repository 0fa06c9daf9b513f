package vn.camguard.levels.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.camguard.levels.domain.Determination;

/** Level determinations; scope is checked by the caller through the system they belong to. */
@Repository
public class DeterminationStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	public DeterminationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(Determination determination) {
		Map<String, Object> values = new HashMap<>();
		values.put("systemId", determination.systemId());
		values.put("unitId", determination.unitId());
		values.put("frameworkVersionId", determination.frameworkVersionId());
		values.put("answers", JSON.writeValueAsString(new java.util.TreeMap<>(determination.answers())));
		values.put("proposedMin", determination.proposedMin());
		values.put("proposedMax", determination.proposedMax());
		values.put("decidingRules", String.join(",", determination.decidingRules()));
		values.put("chosenLevel", determination.chosenLevel());
		values.put("justification", determination.justification());
		values.put("status", determination.status());
		values.put("createdBy", determination.createdBy());
		values.put("createdAt", determination.createdAt());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO level_determination (system_id, unit_id, framework_version_id, answers_json, proposed_min,
				  proposed_max, deciding_rules, chosen_level, justification, status, created_by, created_at)
				VALUES (:systemId, :unitId, :frameworkVersionId, :answers, :proposedMin, :proposedMax, :decidingRules,
				  :chosenLevel, :justification, :status, :createdBy, :createdAt)""")
			.params(values)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	public Optional<Determination> find(long id) {
		return jdbc.sql("SELECT * FROM level_determination WHERE id = :id")
			.param("id", id)
			.query(DeterminationStore::determination)
			.optional();
	}

	/** The system's determinations, newest first. */
	public List<Determination> forSystem(long systemId) {
		return jdbc.sql("SELECT * FROM level_determination WHERE system_id = :id ORDER BY id DESC")
			.param("id", systemId)
			.query(DeterminationStore::determination)
			.list();
	}

	private static Determination determination(ResultSet rs, int row) throws SQLException {
		String rules = rs.getString("deciding_rules");
		return new Determination(rs.getLong("id"), rs.getLong("system_id"), rs.getLong("unit_id"),
				rs.getLong("framework_version_id"),
				JSON.readValue(rs.getString("answers_json"), new TypeReference<Map<String, String>>() {
				}), rs.getInt("proposed_min"), rs.getInt("proposed_max"),
				rules.isEmpty() ? List.of() : Arrays.asList(rules.split(",")), rs.getInt("chosen_level"),
				rs.getString("justification"), rs.getString("status"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
