package vn.camguard.levels.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.levels.domain.Attachment;
import vn.camguard.levels.domain.AttachmentType;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierEvent;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.organization.UnitScope;

/** Dossiers, their timelines and attachment records; scope is checked by the caller. */
@Repository
public class DossierStore {

	private final JdbcClient jdbc;

	public DossierStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(Dossier dossier) {
		Map<String, Object> values = new HashMap<>();
		values.put("systemId", dossier.systemId());
		values.put("unitId", dossier.unitId());
		values.put("determinationId", dossier.determinationId());
		values.put("frameworkVersionId", dossier.frameworkVersionId());
		values.put("level", dossier.level());
		values.put("status", dossier.status().name());
		values.put("relevelOfId", dossier.relevelOfId());
		values.put("relevelReason", dossier.relevelReason());
		values.put("createdBy", dossier.createdBy());
		values.put("createdAt", dossier.createdAt());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO level_dossier (system_id, unit_id, determination_id, framework_version_id, level, status,
				  relevel_of_id, relevel_reason, created_by, created_at, updated_at)
				VALUES (:systemId, :unitId, :determinationId, :frameworkVersionId, :level, :status, :relevelOfId,
				  :relevelReason, :createdBy, :createdAt, :createdAt)""").params(values).update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/**
	 * Moves the dossier on, only if it is still in the status the caller saw (two people acting at
	 * once: the second one finds it moved and is told so). Answers whether it moved.
	 */
	public boolean transition(long id, DossierStatus from, DossierStatus to, LocalDate stepStartedOn,
			LocalDate stepDueOn, Dossier.Decision decision, OffsetDateTime at) {
		return jdbc.sql("""
				UPDATE level_dossier SET status = :to, step_started_on = :started, step_due_on = :due,
				  decision_number = COALESCE(:number, decision_number), decision_date = COALESCE(:date, decision_date),
				  decision_signer = COALESCE(:signer, decision_signer), updated_at = :at
				WHERE id = :id AND status = :from""")
			.param("to", to.name())
			.param("started", stepStartedOn)
			.param("due", stepDueOn)
			.param("number", decision == null ? null : decision.number())
			.param("date", decision == null ? null : decision.date())
			.param("signer", decision == null ? null : decision.signer())
			.param("at", at)
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	public Optional<Dossier> find(long id) {
		return jdbc.sql("SELECT * FROM level_dossier WHERE id = :id").param("id", id).query(DossierStore::dossier).optional();
	}

	public Optional<Dossier> forDetermination(long determinationId) {
		return jdbc.sql("SELECT * FROM level_dossier WHERE determination_id = :id")
			.param("id", determinationId)
			.query(DossierStore::dossier)
			.optional();
	}

	/** The system's dossiers, newest first. */
	public List<Dossier> forSystem(long systemId) {
		return jdbc.sql("SELECT * FROM level_dossier WHERE system_id = :id ORDER BY id DESC")
			.param("id", systemId)
			.query(DossierStore::dossier)
			.list();
	}

	/** The approved dossier of each of the systems that has one (at most one each). */
	public Map<Long, Dossier> approved(Collection<Long> systemIds) {
		if (systemIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM level_dossier WHERE status = 'APPROVED' AND system_id IN (:ids)")
			.param("ids", systemIds)
			.query(DossierStore::dossier)
			.list()
			.stream()
			.collect(Collectors.toMap(Dossier::systemId, d -> d, (a, b) -> a.id() > b.id() ? a : b));
	}

	/** Dossiers of units inside the scope waiting for an appraising or approving body, earliest deadline first. */
	public List<Dossier> awaitingAuthority(UnitScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM level_dossier WHERE status IN ('SUBMITTED', 'UNDER_APPRAISAL', 'APPRAISED') "
				+ "AND unit_id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN ("
				+ scope.sqlIdList() + ")) ORDER BY step_due_on, step_started_on, id")
			.query(DossierStore::dossier)
			.list();
	}

	/**
	 * Dossiers of units inside the scope, newest first, at most {@code limit}; only of the status and
	 * the system when given.
	 */
	public List<Dossier> inScope(UnitScope scope, DossierStatus status, Long systemId, int limit) {
		if (scope.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT * FROM level_dossier WHERE unit_id IN (SELECT descendant_id "
				+ "FROM organization_unit_closure WHERE ancestor_id IN (" + scope.sqlIdList() + "))");
		Map<String, Object> params = new HashMap<>();
		if (status != null) {
			sql.append(" AND status = :status");
			params.put("status", status.name());
		}
		if (systemId != null) {
			sql.append(" AND system_id = :systemId");
			params.put("systemId", systemId);
		}
		sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, limit));
		return jdbc.sql(sql.toString()).params(params).query(DossierStore::dossier).list();
	}

	public void insertEvent(long dossierId, String action, DossierStatus from, DossierStatus to, String actor,
			String comment, OffsetDateTime at) {
		jdbc.sql("""
				INSERT INTO level_dossier_event (dossier_id, action, from_status, to_status, actor, comment, occurred_at)
				VALUES (:dossierId, :action, :from, :to, :actor, :comment, :at)""")
			.param("dossierId", dossierId)
			.param("action", action)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("actor", actor)
			.param("comment", comment)
			.param("at", at)
			.update();
	}

	/** The timeline, oldest first. */
	public List<DossierEvent> events(long dossierId) {
		return jdbc.sql("SELECT * FROM level_dossier_event WHERE dossier_id = :id ORDER BY id")
			.param("id", dossierId)
			.query((rs, row) -> new DossierEvent(rs.getLong("id"), rs.getLong("dossier_id"), rs.getString("action"),
					rs.getString("from_status") == null ? null : DossierStatus.valueOf(rs.getString("from_status")),
					DossierStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("comment"),
					rs.getObject("occurred_at", OffsetDateTime.class)))
			.list();
	}

	public long insertAttachment(Attachment attachment) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO level_dossier_attachment (dossier_id, part_key, file_name, media_type, size_bytes, sha256,
				  storage_key, uploaded_by, uploaded_at)
				VALUES (:dossierId, :partKey, :fileName, :mediaType, :size, :sha256, :storageKey, :uploadedBy, :uploadedAt)""")
			.param("dossierId", attachment.dossierId())
			.param("partKey", attachment.partKey())
			.param("fileName", attachment.fileName())
			.param("mediaType", attachment.type().name())
			.param("size", attachment.size())
			.param("sha256", attachment.sha256())
			.param("storageKey", attachment.storageKey())
			.param("uploadedBy", attachment.uploadedBy())
			.param("uploadedAt", attachment.uploadedAt())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	public List<Attachment> attachments(long dossierId) {
		return jdbc.sql("SELECT * FROM level_dossier_attachment WHERE dossier_id = :id ORDER BY part_key, id")
			.param("id", dossierId)
			.query(DossierStore::attachment)
			.list();
	}

	public Optional<Attachment> attachment(long dossierId, long attachmentId) {
		return jdbc.sql("SELECT * FROM level_dossier_attachment WHERE dossier_id = :dossier AND id = :id")
			.param("dossier", dossierId)
			.param("id", attachmentId)
			.query(DossierStore::attachment)
			.optional();
	}

	private static Attachment attachment(ResultSet rs, int row) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getLong("dossier_id"), rs.getString("part_key"),
				rs.getString("file_name"), AttachmentType.valueOf(rs.getString("media_type")), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getString("storage_key"), rs.getString("uploaded_by"),
				rs.getObject("uploaded_at", OffsetDateTime.class));
	}

	private static Dossier dossier(ResultSet rs, int row) throws SQLException {
		String number = rs.getString("decision_number");
		Dossier.Decision decision = number == null ? null
				: new Dossier.Decision(number, rs.getObject("decision_date", LocalDate.class),
						rs.getString("decision_signer"));
		Long relevelOf = rs.getObject("relevel_of_id", Long.class);
		return new Dossier(rs.getLong("id"), rs.getLong("system_id"), rs.getLong("unit_id"),
				rs.getLong("determination_id"), rs.getLong("framework_version_id"), rs.getInt("level"),
				DossierStatus.valueOf(rs.getString("status")), relevelOf,
				rs.getString("relevel_reason"), rs.getObject("step_started_on", LocalDate.class),
				rs.getObject("step_due_on", LocalDate.class), decision, rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

}
