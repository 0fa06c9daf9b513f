package vn.camguard.organization.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.organization.UnitScope;

/** The unit table and its closure table; keeps the two consistent on insert and move. */
@Repository
public class UnitStore {

	private final JdbcClient jdbc;

	UnitStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Unit> find(long id) {
		return jdbc.sql("SELECT * FROM organization_unit WHERE id = :id").param("id", id).query(UnitStore::unit).optional();
	}

	public Optional<Unit> findByCode(String code) {
		return jdbc.sql("SELECT * FROM organization_unit WHERE code = :code")
			.param("code", code)
			.query(UnitStore::unit)
			.optional();
	}

	public List<Unit> findByCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM organization_unit WHERE code IN (:codes)")
			.param("codes", codes)
			.query(UnitStore::unit)
			.list();
	}

	/** Every unit under the given roots (roots included), in no particular order. */
	public List<Unit> under(Collection<Long> roots) {
		if (roots.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM organization_unit WHERE id IN
				  (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (%s))"""
			.formatted(UnitScope.sqlIdList(roots)))
			.query(UnitStore::unit)
			.list();
	}

	public boolean isUnder(long unitId, long ancestorId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM organization_unit_closure
				WHERE ancestor_id = :ancestor AND descendant_id = :unit""")
			.param("ancestor", ancestorId)
			.param("unit", unitId)
			.query(Long.class)
			.single() > 0;
	}

	public long countActiveChildren(long unitId) {
		return jdbc.sql("SELECT COUNT(*) FROM organization_unit WHERE parent_id = :id AND active = TRUE")
			.param("id", unitId)
			.query(Long.class)
			.single();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM organization_unit").query(Long.class).single();
	}

	public Unit insert(String code, String name, UnitKind kind, Long parentId) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO organization_unit (code, name, kind, parent_id, active, created_at)
				VALUES (:code, :name, :kind, :parent, TRUE, :now)""")
			.param("code", code)
			.param("name", name)
			.param("kind", kind.name())
			.param("parent", parentId)
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("INSERT INTO organization_unit_closure (ancestor_id, descendant_id, depth) VALUES (:id, :id, 0)")
			.param("id", id)
			.update();
		if (parentId != null) {
			jdbc.sql("""
					INSERT INTO organization_unit_closure (ancestor_id, descendant_id, depth)
					SELECT ancestor_id, :id, depth + 1 FROM organization_unit_closure WHERE descendant_id = :parent""")
				.param("id", id)
				.param("parent", parentId)
				.update();
		}
		openParentPeriod(id, parentId, now, false);
		return find(id).orElseThrow();
	}

	public void rename(long id, String name) {
		jdbc.sql("UPDATE organization_unit SET name = :name WHERE id = :id").param("name", name).param("id", id).update();
	}

	public void deactivate(long id) {
		jdbc.sql("UPDATE organization_unit SET active = FALSE WHERE id = :id").param("id", id).update();
	}

	public void reactivate(long id) {
		jdbc.sql("UPDATE organization_unit SET active = TRUE WHERE id = :id").param("id", id).update();
	}

	/** Re-hangs a subtree; the caller has checked that the new parent is not inside it. */
	public void move(long id, long newParentId) {
		move(id, newParentId, OffsetDateTime.now(ZoneOffset.UTC));
	}

	/** As {@link #move(long, long)}, the parent history changing at the given instant. */
	public void move(long id, long newParentId, OffsetDateTime at) {
		hang(id, newParentId, at, false);
	}

	/**
	 * Closes the unit for good, merged into the target at the instant: it is kept, inactive, marked
	 * with the target and the date, and hangs (empty) under the target from then on, so that the
	 * target's people see its history and the tree of a date before the merge still shows it under
	 * its old parent. The caller has moved its children and checked the target is not inside it.
	 */
	public void closeMerged(long id, long targetId, OffsetDateTime at, LocalDate on) {
		hang(id, targetId, at, true);
		jdbc.sql("UPDATE organization_unit SET active = FALSE, merged_into_id = :target, merged_on = :on WHERE id = :id")
			.param("target", targetId)
			.param("on", on)
			.param("id", id)
			.update();
	}

	private void hang(long id, long newParentId, OffsetDateTime at, boolean merged) {
		closeParentPeriod(id, at);
		openParentPeriod(id, newParentId, at, merged);
		jdbc.sql("UPDATE organization_unit SET parent_id = :parent WHERE id = :id")
			.param("parent", newParentId)
			.param("id", id)
			.update();
		List<Long> subtree = jdbc.sql("SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id = :id")
			.param("id", id)
			.query(Long.class)
			.list();
		// cut the paths from the old ancestors into the subtree, keep the paths inside it
		jdbc.sql("""
				DELETE FROM organization_unit_closure
				WHERE descendant_id IN (:subtree) AND ancestor_id NOT IN (:subtree)""")
			.param("subtree", subtree)
			.update();
		jdbc.sql("""
				INSERT INTO organization_unit_closure (ancestor_id, descendant_id, depth)
				SELECT above.ancestor_id, below.descendant_id, above.depth + below.depth + 1
				FROM organization_unit_closure above, organization_unit_closure below
				WHERE above.descendant_id = :parent AND below.ancestor_id = :id""")
			.param("parent", newParentId)
			.param("id", id)
			.update();
	}

	/**
	 * Locks the units' rows until the transaction ends, in id order so that two merges of the same units
	 * wait for each other instead of deadlocking.
	 */
	public void lock(Collection<Long> ids) {
		jdbc.sql("SELECT id FROM organization_unit WHERE id IN (:ids) ORDER BY id FOR UPDATE")
			.param("ids", ids)
			.query(Long.class)
			.list();
	}

	/** The direct children of a unit (active or not). */
	public List<Unit> children(long unitId) {
		return jdbc.sql("SELECT * FROM organization_unit WHERE parent_id = :id")
			.param("id", unitId)
			.query(UnitStore::unit)
			.list();
	}

	/**
	 * Every unit that existed at the instant, each with the parent it hung under then. A unit without
	 * any recorded period (written by a bulk load that bypassed this store) counts as hanging under its
	 * current parent since its creation. A merged unit carries its merge only from the merge on.
	 */
	public List<Unit> asOf(OffsetDateTime at) {
		return jdbc.sql("""
				SELECT u.id, u.code, u.name, u.kind, p.parent_id, u.active, u.created_at,
				  CASE WHEN p.merged THEN u.merged_into_id END AS merged_into_id,
				  CASE WHEN p.merged THEN u.merged_on END AS merged_on
				FROM organization_unit u JOIN organization_unit_parent p ON p.unit_id = u.id
				WHERE p.valid_from <= :at AND (p.valid_to IS NULL OR p.valid_to > :at)
				UNION ALL
				SELECT u.id, u.code, u.name, u.kind, u.parent_id, u.active, u.created_at, u.merged_into_id, u.merged_on
				FROM organization_unit u
				WHERE u.created_at <= :at
				  AND NOT EXISTS (SELECT 1 FROM organization_unit_parent p WHERE p.unit_id = u.id)""")
			.param("at", at)
			.query(UnitStore::unit)
			.list();
	}

	private void openParentPeriod(long id, Long parentId, OffsetDateTime from, boolean merged) {
		jdbc.sql("""
				INSERT INTO organization_unit_parent (unit_id, parent_id, valid_from, valid_to, merged)
				VALUES (:id, :parent, :from, NULL, :merged)""")
			.param("id", id)
			.param("parent", parentId)
			.param("from", from)
			.param("merged", merged)
			.update();
	}

	private void closeParentPeriod(long id, OffsetDateTime to) {
		jdbc.sql("UPDATE organization_unit_parent SET valid_to = :to WHERE unit_id = :id AND valid_to IS NULL")
			.param("to", to)
			.param("id", id)
			.update();
	}

	static Unit unit(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		long mergedInto = rs.getLong("merged_into_id");
		Long mergedIntoId = rs.wasNull() ? null : mergedInto;
		return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				UnitKind.valueOf(rs.getString("kind")), parentId, rs.getBoolean("active"),
				rs.getObject("created_at", OffsetDateTime.class), mergedIntoId,
				rs.getObject("merged_on", LocalDate.class));
	}

}
