package vn.camguard.levels.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.levels.domain.AttachmentType;
import vn.camguard.levels.domain.PlanItemState;
import vn.camguard.levels.domain.PlanStatus;

/** The states of plan requirements; scope is checked by the caller. */
@Repository
public class PlanStore {

	private final JdbcClient jdbc;

	public PlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PlanItemState> items(long dossierId) {
		return jdbc.sql("SELECT * FROM level_plan_item WHERE dossier_id = :id")
			.param("id", dossierId)
			.query(PlanStore::state)
			.list();
	}

	public Optional<PlanItemState> item(long dossierId, String itemKey) {
		return jdbc.sql("SELECT * FROM level_plan_item WHERE dossier_id = :id AND item_key = :key")
			.param("id", dossierId)
			.param("key", itemKey)
			.query(PlanStore::state)
			.optional();
	}

	/**
	 * The plan counters of level_dossier recounted from its items; the backfill migration
	 * (V202612052001) runs the same statement for every dossier.
	 */
	private static final String RECOUNT = """
			UPDATE level_dossier SET
			  plan_done = (SELECT COUNT(*) FROM level_plan_item p WHERE p.dossier_id = level_dossier.id AND p.status = 'DONE'),
			  plan_not_applicable = (SELECT COUNT(*) FROM level_plan_item p
			    WHERE p.dossier_id = level_dossier.id AND p.status = 'NOT_APPLICABLE')""";

	/**
	 * Writes the state (one row per dossier and item) and the dossier's counters of done and not
	 * applicable items, in the caller's transaction. The dossier row is locked first, so concurrent
	 * saves of items of one dossier take turns and each recount sees the items the others committed.
	 */
	public void save(PlanItemState state) {
		jdbc.sql("SELECT id FROM level_dossier WHERE id = :id FOR UPDATE")
			.param("id", state.dossierId())
			.query(Long.class)
			.optional();
		Map<String, Object> values = new HashMap<>();
		values.put("dossierId", state.dossierId());
		values.put("key", state.itemKey());
		values.put("status", state.status().name());
		values.put("reason", state.notApplicableReason());
		values.put("owner", state.owner());
		values.put("dueOn", state.dueOn());
		values.put("link", state.evidenceLink());
		PlanItemState.Evidence evidence = state.evidence();
		values.put("fileName", evidence == null ? null : evidence.fileName());
		values.put("type", evidence == null ? null : evidence.type().name());
		values.put("size", evidence == null ? null : evidence.size());
		values.put("sha256", evidence == null ? null : evidence.sha256());
		values.put("storageKey", evidence == null ? null : evidence.storageKey());
		values.put("by", state.updatedBy());
		values.put("at", state.updatedAt());
		int updated = jdbc.sql("""
				UPDATE level_plan_item SET status = :status, not_applicable_reason = :reason, owner = :owner,
				  due_on = :dueOn, evidence_link = :link, evidence_file_name = :fileName, evidence_type = :type,
				  evidence_size = :size, evidence_sha256 = :sha256, evidence_storage_key = :storageKey,
				  updated_by = :by, updated_at = :at
				WHERE dossier_id = :dossierId AND item_key = :key""").params(values).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO level_plan_item (dossier_id, item_key, status, not_applicable_reason, owner, due_on,
					  evidence_link, evidence_file_name, evidence_type, evidence_size, evidence_sha256,
					  evidence_storage_key, updated_by, updated_at)
					VALUES (:dossierId, :key, :status, :reason, :owner, :dueOn, :link, :fileName, :type, :size, :sha256,
					  :storageKey, :by, :at)""").params(values).update();
		}
		jdbc.sql(RECOUNT + " WHERE id = :id").param("id", state.dossierId()).update();
		recordPeriod(values);
	}

	/**
	 * The item's status history (level_plan_item_period), for the dashboard as of a past date: a new
	 * period begins when the status differs from the open one, in the same transaction as the item.
	 */
	private void recordPeriod(Map<String, Object> values) {
		jdbc.sql("""
				UPDATE level_plan_item_period SET valid_to = :at
				WHERE dossier_id = :dossierId AND item_key = :key AND valid_to IS NULL AND status <> :status""")
			.params(values)
			.update();
		long open = jdbc.sql("""
				SELECT COUNT(*) FROM level_plan_item_period
				WHERE dossier_id = :dossierId AND item_key = :key AND valid_to IS NULL""")
			.params(values)
			.query(Long.class)
			.single();
		if (open == 0) {
			jdbc.sql("""
					INSERT INTO level_plan_item_period (dossier_id, item_key, status, valid_from, valid_to)
					VALUES (:dossierId, :key, :status, :at, NULL)""").params(values).update();
		}
	}

	/** An approved dossier with how many of its plan items are done and not applicable. */
	public record ApprovedPlan(long dossierId, long systemId, long unitId, long frameworkVersionId, int level, int done,
			int notApplicable) {
	}

	/** The approved dossiers of systems of units in the subtree of the unit, with their plan counts. */
	public List<ApprovedPlan> approvedIn(long unitId) {
		return jdbc.sql("""
				SELECT d.id, d.system_id, d.unit_id, d.framework_version_id, d.level, d.plan_done AS done,
				  d.plan_not_applicable AS not_applicable
				FROM level_dossier d
				WHERE d.status = 'APPROVED'
				  AND d.unit_id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id = :unit)
				ORDER BY d.system_id""")
			.param("unit", unitId)
			.query((rs, row) -> new ApprovedPlan(rs.getLong("id"), rs.getLong("system_id"), rs.getLong("unit_id"),
					rs.getLong("framework_version_id"), rs.getInt("level"), rs.getInt("done"),
					rs.getInt("not_applicable")))
			.list();
	}

	private static PlanItemState state(ResultSet rs, int row) throws SQLException {
		String storageKey = rs.getString("evidence_storage_key");
		PlanItemState.Evidence evidence = storageKey == null ? null
				: new PlanItemState.Evidence(rs.getString("evidence_file_name"),
						AttachmentType.valueOf(rs.getString("evidence_type")), rs.getLong("evidence_size"),
						rs.getString("evidence_sha256"), storageKey);
		return new PlanItemState(rs.getLong("dossier_id"), rs.getString("item_key"),
				PlanStatus.valueOf(rs.getString("status")), rs.getString("not_applicable_reason"), rs.getString("owner"),
				rs.getObject("due_on", LocalDate.class), rs.getString("evidence_link"), evidence,
				rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class));
	}

}
