package vn.camguard.products.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.products.domain.Catalogue;
import vn.camguard.products.domain.CatalogueGroup;
import vn.camguard.products.domain.CatalogueItem;
import vn.camguard.products.domain.ItemCorrection;

/** The catalogue tables: catalogues, their groups and items. */
@Repository
public class Catalogues {

	private final JdbcClient jdbc;

	public Catalogues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every catalogue by validity start, with groups and items. */
	public List<Catalogue> all() {
		List<Long> ids = jdbc.sql("SELECT id FROM product_catalogue ORDER BY valid_from, code").query(Long.class).list();
		return ids.stream().map(this::load).toList();
	}

	/**
	 * What changes whenever a catalogue, group or item is added or an item corrected (the only writes there are), read
	 * in one small query: a reader may keep what it built from the catalogues while this stays the same.
	 */
	public Version version() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM product_catalogue) AS catalogues,
				       (SELECT COUNT(*) FROM product_catalogue_group) AS catalogue_groups,
				       (SELECT COUNT(*) FROM product_catalogue_item) AS items,
				       (SELECT MAX(updated_at) FROM product_catalogue_item) AS last_update""")
			.query((rs, row) -> new Version(rs.getLong("catalogues"), rs.getLong("catalogue_groups"), rs.getLong("items"),
					rs.getObject("last_update", OffsetDateTime.class)))
			.single();
	}

	/** See {@link #version()}. */
	public record Version(long catalogues, long groups, long items, OffsetDateTime lastUpdate) {
	}

	public Optional<Catalogue> find(String code) {
		return jdbc.sql("SELECT id FROM product_catalogue WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.optional()
			.map(this::load);
	}

	public Optional<Long> idOf(String code) {
		return jdbc.sql("SELECT id FROM product_catalogue WHERE code = :code").param("code", code).query(Long.class).optional();
	}

	private Catalogue load(long id) {
		Map<Long, String[]> groups = new LinkedHashMap<>();
		jdbc.sql("SELECT id, code, name_vi, name_en FROM product_catalogue_group WHERE catalogue_id = :id ORDER BY position, id")
			.param("id", id)
			.query((rs, row) -> groups.put(rs.getLong("id"),
					new String[] { rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en") }))
			.list();
		Map<Long, List<CatalogueItem>> items = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT i.*, g.code AS group_code FROM product_catalogue_item i
				JOIN product_catalogue_group g ON g.id = i.group_id
				WHERE g.catalogue_id = :id ORDER BY i.position, i.id""")
			.param("id", id)
			.query((rs, row) -> items.computeIfAbsent(rs.getLong("group_id"), g -> new ArrayList<>()).add(item(rs)))
			.list();
		List<CatalogueGroup> groupList = new ArrayList<>();
		groups.forEach((groupId, g) -> groupList
			.add(new CatalogueGroup(groupId, g[0], g[1], g[2], items.getOrDefault(groupId, List.of()))));
		return jdbc.sql("SELECT * FROM product_catalogue WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Catalogue(rs.getLong("id"), rs.getString("code"), rs.getString("title_vi"),
					rs.getString("title_en"), rs.getString("issued_by"), rs.getObject("valid_from", LocalDate.class),
					rs.getObject("valid_until", LocalDate.class), rs.getString("source"), groupList))
			.single();
	}

	private static CatalogueItem item(ResultSet rs) throws SQLException {
		return new CatalogueItem(rs.getLong("id"), rs.getString("group_code"), rs.getString("code"),
				rs.getString("text_vi"), rs.getString("text_en"), list(rs.getString("etsi_provisions")),
				list(rs.getString("scanner_checks")), rs.getBoolean("verified"), rs.getString("source"),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
	}

	private static List<String> list(String commaSeparated) {
		return commaSeparated == null || commaSeparated.isBlank() ? List.of()
				: Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
	}

	// ---- writes

	public long insertCatalogue(String code, String titleVi, String titleEn, String issuedBy, LocalDate validFrom,
			LocalDate validUntil, String source, OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO product_catalogue (code, title_vi, title_en, issued_by, valid_from, valid_until, source, created_at)
				VALUES (:code, :titleVi, :titleEn, :issuedBy, :validFrom, :validUntil, :source, :now)""")
			.param("code", code)
			.param("titleVi", titleVi)
			.param("titleEn", titleEn)
			.param("issuedBy", issuedBy)
			.param("validFrom", validFrom)
			.param("validUntil", validUntil)
			.param("source", source)
			.param("now", now)
			.update();
		return idOf(code).orElseThrow();
	}

	/** The group's id, inserting it when the catalogue lacks it. */
	public long ensureGroup(long catalogueId, String code, int position, String nameVi, String nameEn) {
		Optional<Long> existing = jdbc.sql("SELECT id FROM product_catalogue_group WHERE catalogue_id = :c AND code = :code")
			.param("c", catalogueId)
			.param("code", code)
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		jdbc.sql("""
				INSERT INTO product_catalogue_group (catalogue_id, code, position, name_vi, name_en)
				VALUES (:c, :code, :position, :nameVi, :nameEn)""")
			.param("c", catalogueId)
			.param("code", code)
			.param("position", position)
			.param("nameVi", nameVi)
			.param("nameEn", nameEn)
			.update();
		return ensureGroup(catalogueId, code, position, nameVi, nameEn);
	}

	/** Inserts the item unless the group already has one with its code; true when inserted. */
	public boolean insertItemIfAbsent(long groupId, String code, int position, ItemCorrection values, String actor,
			OffsetDateTime now) {
		boolean present = jdbc.sql("SELECT COUNT(*) FROM product_catalogue_item WHERE group_id = :g AND code = :code")
			.param("g", groupId)
			.param("code", code)
			.query(Long.class)
			.single() > 0;
		if (present) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO product_catalogue_item (group_id, code, position, text_vi, text_en, etsi_provisions,
				  scan_verifiable, scanner_checks, verified, source, updated_at, updated_by)
				VALUES (:g, :code, :position, :textVi, :textEn, :etsi, :scan, :checks, :verified, :source, :now, :actor)""")
			.param("g", groupId)
			.param("code", code)
			.param("position", position)
			.param("textVi", values.textVi().strip())
			.param("textEn", values.textEn().strip())
			.param("etsi", String.join(",", values.provisionList()))
			.param("scan", !values.checkList().isEmpty())
			.param("checks", String.join(",", values.checkList()))
			.param("verified", values.verified())
			.param("source", values.source().strip())
			.param("now", now)
			.param("actor", actor)
			.update();
		return true;
	}

	public void updateItem(long itemId, ItemCorrection values, String actor, OffsetDateTime now) {
		jdbc.sql("""
				UPDATE product_catalogue_item SET text_vi = :textVi, text_en = :textEn, etsi_provisions = :etsi,
				  scan_verifiable = :scan, scanner_checks = :checks, verified = :verified, source = :source,
				  updated_at = :now, updated_by = :actor
				WHERE id = :id""")
			.param("id", itemId)
			.param("textVi", values.textVi().strip())
			.param("textEn", values.textEn().strip())
			.param("etsi", String.join(",", values.provisionList()))
			.param("scan", !values.checkList().isEmpty())
			.param("checks", String.join(",", values.checkList()))
			.param("verified", values.verified())
			.param("source", values.source().strip())
			.param("now", now)
			.param("actor", actor)
			.update();
	}

}
