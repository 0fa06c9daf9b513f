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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.domain.LocalizedText;

/**
 * The framework versions and their items. Rows are only ever inserted: a version is immutable, so a
 * determination's rules can always be read back exactly as they were applied.
 */
@Repository
public class FrameworkStore {

	private static final String VERSION_COLUMNS = "v.id, v.framework_code, v.version, v.name_vi, v.name_en, "
			+ "v.legal_basis, v.valid_from, v.valid_until, v.transition_until, v.validity_verified, v.validity_source, "
			+ "v.based_on_id, v.change_note, v.created_by, v.created_at, "
			+ "(v.version = (SELECT MAX(o.version) FROM level_framework_version o "
			+ "WHERE o.framework_code = v.framework_code)) AS is_current";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	public FrameworkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every version, newest of each framework first. */
	public List<FrameworkVersion> versions() {
		return jdbc.sql("SELECT " + VERSION_COLUMNS
				+ " FROM level_framework_version v ORDER BY v.framework_code DESC, v.version DESC")
			.query(FrameworkStore::version)
			.list();
	}

	public Optional<FrameworkVersion> version(long id) {
		return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM level_framework_version v WHERE v.id = :id")
			.param("id", id)
			.query(FrameworkStore::version)
			.optional();
	}

	public boolean exists(String code, int version) {
		return jdbc.sql("SELECT COUNT(*) FROM level_framework_version WHERE framework_code = :code AND version = :version")
			.param("code", code)
			.param("version", version)
			.query(Long.class)
			.single() > 0;
	}

	public int nextVersionNumber(String code) {
		return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM level_framework_version WHERE framework_code = :code")
			.param("code", code)
			.query(Integer.class)
			.single();
	}

	public Optional<Framework> framework(long id) {
		return version(id).map(version -> new Framework(version, items(id)));
	}

	/** Per version id, how many of its items are not verified against the official text. */
	public Map<Long, Integer> notVerifiedCounts() {
		return counts("SELECT framework_version_id, COUNT(*) FROM level_framework_item WHERE verified = FALSE "
				+ "GROUP BY framework_version_id");
	}

	/** Per version id, how many determinations were made under it. */
	public Map<Long, Integer> determinationCounts() {
		return counts("SELECT framework_version_id, COUNT(*) FROM level_determination GROUP BY framework_version_id");
	}

	/** Per version id, how many dossiers were filed under it (their plans follow their dossier's version). */
	public Map<Long, Integer> dossierCounts() {
		return counts("SELECT framework_version_id, COUNT(*) FROM level_dossier GROUP BY framework_version_id");
	}

	private Map<Long, Integer> counts(String sql) {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql(sql).query((rs, row) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
		return counts;
	}

	public List<FrameworkItem> items(long versionId) {
		return jdbc.sql("SELECT * FROM level_framework_item WHERE framework_version_id = :id ORDER BY position")
			.param("id", versionId)
			.query(FrameworkStore::item)
			.list();
	}

	/** Writes a new version with its items; the caller's transaction makes it all-or-nothing. */
	public long insert(FrameworkVersion version, List<FrameworkItem> items) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO level_framework_version (framework_code, version, name_vi, name_en, legal_basis, valid_from,
				  valid_until, transition_until, validity_verified, validity_source, based_on_id, change_note,
				  created_by, created_at)
				VALUES (:code, :version, :nameVi, :nameEn, :legalBasis, :validFrom, :validUntil, :transitionUntil,
				  :validityVerified, :validitySource, :basedOnId, :changeNote, :createdBy, :createdAt)""")
			.params(versionValues(version))
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		insertItems(id, items);
		return id;
	}

	/** Adds items to a stored version (only ever items of a kind the version did not carry yet). */
	public void insertItems(long id, List<FrameworkItem> items) {
		for (FrameworkItem item : items) {
			jdbc.sql("""
					INSERT INTO level_framework_item (framework_version_id, item_key, kind, position, level_min,
					  level_max, text_vi, text_en, amount, amount_unit, role_key, condition_json, answers_json,
					  legal_reference, verified, source)
					VALUES (:versionId, :key, :kind, :position, :levelMin, :levelMax, :textVi, :textEn, :amount,
					  :amountUnit, :roleKey, :conditionJson, :answersJson, :reference, :verified, :source)""")
				.params(itemValues(id, item))
				.update();
		}
	}

	/** The id of a stored version. */
	public Optional<Long> versionId(String code, int version) {
		return jdbc.sql("SELECT id FROM level_framework_version WHERE framework_code = :code AND version = :version")
			.param("code", code)
			.param("version", version)
			.query(Long.class)
			.optional();
	}

	private static Map<String, Object> versionValues(FrameworkVersion version) {
		// a HashMap, not Map.of: several columns may be null
		Map<String, Object> values = new HashMap<>();
		values.put("code", version.code());
		values.put("version", version.version());
		values.put("nameVi", version.name().vi());
		values.put("nameEn", version.name().en());
		values.put("legalBasis", version.legalBasis());
		values.put("validFrom", version.validFrom());
		values.put("validUntil", version.validUntil());
		values.put("transitionUntil", version.transitionUntil());
		values.put("validityVerified", version.validityVerified());
		values.put("validitySource", version.validitySource());
		values.put("basedOnId", version.basedOnId());
		values.put("changeNote", version.changeNote());
		values.put("createdBy", version.createdBy());
		values.put("createdAt", version.createdAt());
		return values;
	}

	private static Map<String, Object> itemValues(long versionId, FrameworkItem item) {
		Map<String, Object> values = new HashMap<>();
		values.put("versionId", versionId);
		values.put("key", item.key());
		values.put("kind", item.kind().name());
		values.put("position", item.position());
		values.put("levelMin", item.levelMin());
		values.put("levelMax", item.levelMax());
		values.put("textVi", item.text().vi());
		values.put("textEn", item.text().en());
		values.put("amount", item.amount());
		values.put("amountUnit", item.amountUnit());
		values.put("roleKey", item.roleKey());
		values.put("conditionJson", item.when().isEmpty() ? null : JSON.writeValueAsString(item.when()));
		values.put("answersJson", item.answers().isEmpty() ? null : JSON.writeValueAsString(item.answers()));
		values.put("reference", item.reference());
		values.put("verified", item.verified());
		values.put("source", item.source());
		return values;
	}

	private static FrameworkVersion version(ResultSet rs, int row) throws SQLException {
		Long basedOn = rs.getObject("based_on_id", Long.class);
		return new FrameworkVersion(rs.getLong("id"), rs.getString("framework_code"), rs.getInt("version"),
				new LocalizedText(rs.getString("name_vi"), rs.getString("name_en")), rs.getString("legal_basis"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
				rs.getObject("transition_until", LocalDate.class), rs.getBoolean("validity_verified"),
				rs.getString("validity_source"), basedOn, rs.getString("change_note"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getBoolean("is_current"));
	}

	private static FrameworkItem item(ResultSet rs, int row) throws SQLException {
		String condition = rs.getString("condition_json");
		String answers = rs.getString("answers_json");
		return new FrameworkItem(rs.getString("item_key"), ItemKind.valueOf(rs.getString("kind")), rs.getInt("position"),
				rs.getObject("level_min", Integer.class), rs.getObject("level_max", Integer.class),
				new LocalizedText(rs.getString("text_vi"), rs.getString("text_en")),
				rs.getObject("amount", Integer.class), rs.getString("amount_unit"), rs.getString("role_key"),
				condition == null ? Map.of() : JSON.readValue(condition, new TypeReference<Map<String, List<String>>>() {
				}), answers == null ? List.of() : JSON.readValue(answers, new TypeReference<List<FrameworkItem.Answer>>() {
				}), rs.getString("legal_reference"), rs.getBoolean("verified"), rs.getString("source"));
	}

}
