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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.levels.domain.AttachmentType;
import vn.camguard.levels.domain.UnitRegulation;

/** Unit regulations; scope is checked by the caller. */
@Repository
public class RegulationStore {

	private final JdbcClient jdbc;

	public RegulationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(UnitRegulation regulation) {
		Map<String, Object> values = new HashMap<>();
		values.put("unitId", regulation.unitId());
		values.put("number", regulation.documentNumber());
		values.put("issuedOn", regulation.issuedOn());
		values.put("covers", regulation.coversCameras());
		values.put("clause", regulation.cameraClause());
		values.put("fileName", regulation.fileName());
		values.put("type", regulation.type().name());
		values.put("size", regulation.size());
		values.put("sha256", regulation.sha256());
		values.put("key", regulation.storageKey());
		values.put("by", regulation.recordedBy());
		values.put("at", regulation.recordedAt());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO level_unit_regulation (unit_id, document_number, issued_on, covers_cameras, camera_clause,
				  file_name, media_type, size_bytes, sha256, storage_key, recorded_by, recorded_at)
				VALUES (:unitId, :number, :issuedOn, :covers, :clause, :fileName, :type, :size, :sha256, :key, :by, :at)""")
			.params(values)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	public Optional<UnitRegulation> find(long id) {
		return jdbc.sql("SELECT * FROM level_unit_regulation WHERE id = :id")
			.param("id", id)
			.query(RegulationStore::regulation)
			.optional();
	}

	/** The regulations a unit recorded, newest (the one in force) first. */
	public List<UnitRegulation> ofUnit(long unitId) {
		return jdbc.sql("SELECT * FROM level_unit_regulation WHERE unit_id = :unit ORDER BY id DESC")
			.param("unit", unitId)
			.query(RegulationStore::regulation)
			.list();
	}

	/**
	 * An active unit of a subtree with its regulation in force, if any.
	 *
	 * @param regulation null when the unit has none
	 */
	public record UnitLine(long unitId, String unitCode, String unitName, String unitKind, UnitRegulation regulation) {
	}

	/*
	 * The regulation in force is the unit's latest: the one no later regulation of the unit follows. Said as
	 * an anti-join on (unit_id, id) rather than "g.id = (SELECT MAX ...)": PostgreSQL put that subquery into
	 * the hash condition and ran it for every unit and every regulation (15,000 times for a province of
	 * 10,000 units) and sorted the whole subtree for one page, where the anti-join lets a page walk the
	 * units' (name, id) index and stop when full. The root is written into the statement as a number (as the
	 * campaign lists do): bound as a parameter, PostgreSQL switched to a generic plan after five runs, which
	 * expects one unit below any root and sorts the whole province for a page (108 ms instead of 1.6 ms).
	 */
	private static final String LINES = """
			FROM organization_unit_closure c JOIN organization_unit u ON u.id = c.descendant_id AND u.active
			  LEFT JOIN level_unit_regulation g ON g.unit_id = u.id
			    AND NOT EXISTS (SELECT 1 FROM level_unit_regulation m WHERE m.unit_id = g.unit_id AND m.id > g.id)
			WHERE c.ancestor_id = %d AND %s""";

	private static final String UNITS = """
			FROM organization_unit_closure c JOIN organization_unit u ON u.id = c.descendant_id AND u.active
			WHERE c.ancestor_id = %d""";

	private static String filter(boolean onlyLacking) {
		return onlyLacking ? "(g.id IS NULL OR g.covers_cameras = FALSE)" : "1 = 1";
	}

	/**
	 * The active units of the subtree with their regulation in force, by name; only those with none or
	 * one not covering cameras when asked.
	 */
	public List<UnitLine> lines(long root, boolean onlyLacking, int limit, long offset) {
		return jdbc.sql("SELECT u.id AS u_id, u.code AS u_code, u.name AS u_name, u.kind AS u_kind, g.* "
				+ LINES.formatted(root, filter(onlyLacking)) + " ORDER BY u.name, u.id LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new UnitLine(rs.getLong("u_id"), rs.getString("u_code"), rs.getString("u_name"),
					rs.getString("u_kind"), rs.getObject("storage_key") == null ? null : regulation(rs, row)))
			.list();
	}

	public long count(long root, boolean onlyLacking) {
		// at most one regulation (the one in force) joins a unit: counting all units needs no regulation
		return jdbc.sql("SELECT COUNT(*) " + (onlyLacking ? LINES.formatted(root, filter(true)) : UNITS.formatted(root)))
			.query(Long.class)
			.single();
	}

	private static UnitRegulation regulation(ResultSet rs, int row) throws SQLException {
		return new UnitRegulation(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("document_number"),
				rs.getObject("issued_on", LocalDate.class), rs.getBoolean("covers_cameras"), rs.getString("camera_clause"),
				rs.getString("file_name"), AttachmentType.valueOf(rs.getString("media_type")), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getString("storage_key"), rs.getString("recorded_by"),
				rs.getObject("recorded_at", OffsetDateTime.class));
	}

}
