package vn.camguard.levels.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.levels.domain.PlanProgress;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The aggregate queries behind campaign lists and the dashboard: each one statement over a unit subtree
 * through the closure table, never a query per unit or per system. Scope is checked by the caller.
 * A plan's requirement count depends on its framework version and level, which live in reference data;
 * the caller passes them as a small table (a few versions times five levels), spliced into the SQL as
 * numbers. How many of a plan's items are done or do not apply is read from its dossier's counters
 * (kept by {@link PlanStore#save}), so no query reads plan items.
 */
@Repository
public class CampaignProgressStore {

	private final JdbcClient jdbc;

	public CampaignProgressStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Requirement counts by framework version and level, for the versions a campaign concerns.
	 *
	 * @param sizes version id to (level to number of requirements)
	 */
	public record Catalogue(Map<Long, Map<Integer, Integer>> sizes) {

		public Catalogue {
			sizes = Map.copyOf(sizes);
		}

		String versionFilter(String column) {
			return sizes.isEmpty() ? "1 = 0"
					: column + " IN (" + sizes.keySet().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
		}

		String sizeCase(String version, String level) {
			StringBuilder sql = new StringBuilder("CASE");
			sizes.forEach((id, levels) -> levels.forEach((lvl, size) -> sql.append(" WHEN ")
				.append(version)
				.append(" = ")
				.append((long) id)
				.append(" AND ")
				.append(level)
				.append(" = ")
				.append((int) lvl)
				.append(" THEN ")
				.append((int) size)));
			return sizes.isEmpty() ? "0" : sql.append(" ELSE 0 END").toString();
		}

	}

	/**
	 * A system on a campaign list.
	 *
	 * @param openDossierStatus for a system without a level, the status of its dossier under way, if any
	 * @param level the approved level (plans list), or null
	 * @param applicable requirements that apply (plans list)
	 * @param done requirements done (plans list)
	 */
	public record SystemLine(long systemId, String systemName, String systemStatus, long unitId, String unitCode,
			String unitName, String openDossierStatus, Integer level, int applicable, int done) {

		public Integer percent() {
			return new PlanProgress(applicable, done).percent();
		}

	}

	private static String subtree(Long root) {
		return root == null ? "1 = 1"
				: "s.unit_id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id = " + (long) root
						+ ")";
	}

	private static final String WITHOUT_LEVEL = """
			FROM inventory_system s JOIN organization_unit u ON u.id = s.unit_id
			WHERE %s AND s.status <> 'RETIRED'
			  AND NOT EXISTS (SELECT 1 FROM level_dossier a WHERE a.system_id = s.id AND a.status = 'APPROVED')""";

	/**
	 * Where a page of a list starts: found from the number of listed systems per unit, summed in list order,
	 * instead of reading (and dropping) the systems of every earlier page, which for a deep page of a
	 * province meant joining and sorting every listed system.
	 *
	 * @param total systems on the whole list
	 * @param unitName name of the unit whose systems open the page, or null to start at the list's beginning
	 * @param unitId that unit's id (null with the name)
	 * @param skip systems to pass over from there: that unit's systems on earlier pages (or, without a unit,
	 * the whole offset)
	 */
	public record PageStart(long total, String unitName, Long unitId, long skip) {

		/** The first page, or the page at an offset read through (the plain OFFSET) when no unit is named. */
		public static PageStart offset(long total, long offset) {
			return new PageStart(total, null, null, offset);
		}

		String after() {
			// the first clause lets the (name, id) index of units serve the range; the second settles a tie
			return unitName == null ? ""
					: "\n  AND u.name >= :startName AND (u.name > :startName OR u.id >= " + (long) unitId + ")";
		}

		/*
		 * Numbers go into the statement, only the unit name is bound: with LIMIT and OFFSET bound, PostgreSQL
		 * switched to a generic plan after five runs of a statement on a connection, which expects a few rows
		 * below any root and joins and sorts the whole province for a page (135 ms instead of 2.6 ms for the
		 * first page of the plans list).
		 */
		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return unitName == null ? statement
					: statement.param("startName", unitName);
		}

	}

	/**
	 * The start of the page at {@code offset} of the list whose systems (alias s) {@code fromWhere} selects,
	 * with the list's total; empty when the offset is at or past the end.
	 */
	private Optional<PageStart> start(String fromWhere, long offset) {
		return jdbc.sql("""
				SELECT x.name, x.id, x.n, x.upto, x.total FROM (
				  SELECT u.name, u.id, w.n,
				    SUM(w.n) OVER (ORDER BY u.name, u.id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto,
				    SUM(w.n) OVER () AS total
				  FROM (SELECT s.unit_id, COUNT(*) AS n
				""" + fromWhere + """

				    GROUP BY s.unit_id) w
				    JOIN organization_unit u ON u.id = w.unit_id) x
				WHERE x.upto > %d ORDER BY x.upto LIMIT 1""".formatted(offset))
			.query((rs, row) -> new PageStart(rs.getLong("total"), rs.getString("name"), rs.getLong("id"),
					offset - (rs.getLong("upto") - rs.getLong("n"))))
			.optional();
	}

	private static String page(int limit, PageStart from) {
		return "\nORDER BY u.name, u.id, s.name, s.id LIMIT " + limit + " OFFSET " + from.skip();
	}

	/** Systems in use in the subtree (or everywhere, root null) without an approved level, by unit. */
	public List<SystemLine> withoutLevel(Long root, int limit, PageStart from) {
		return from.bind(jdbc.sql("""
				SELECT s.id, s.name, s.status, s.unit_id, u.code, u.name AS unit_name,
				  (SELECT MAX(o.status) FROM level_dossier o WHERE o.system_id = s.id
				     AND o.status IN ('DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'APPRAISED', 'RETURNED')) AS open_status
				""" + WITHOUT_LEVEL.formatted(subtree(root)) + from.after()
				+ page(limit, from)))
			.query((rs, row) -> new SystemLine(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
					rs.getLong("unit_id"), rs.getString("code"), rs.getString("unit_name"), rs.getString("open_status"),
					null, 0, 0))
			.list();
	}

	private static String withoutLevelCounted(Long root) {
		// every system has its unit: counting needs no unit row
		return WITHOUT_LEVEL.replace(" JOIN organization_unit u ON u.id = s.unit_id", "").formatted(subtree(root));
	}

	public long countWithoutLevel(Long root) {
		return jdbc.sql("SELECT COUNT(*) " + withoutLevelCounted(root)).query(Long.class).single();
	}

	/** Where the page at {@code offset} of the systems without a level starts; empty past the end. */
	public Optional<PageStart> startWithoutLevel(Long root, long offset) {
		return start(withoutLevelCounted(root), offset);
	}

	private static String openPlans(Long root, Catalogue catalogue, boolean withUnit) {
		return """
				FROM level_dossier d JOIN inventory_system s ON s.id = d.system_id%s
				WHERE d.status = 'APPROVED' AND %s AND s.status = 'OPERATING' AND %s
				  AND d.plan_done + d.plan_not_applicable < %s"""
			.formatted(withUnit ? "\n  JOIN organization_unit u ON u.id = s.unit_id" : "",
					catalogue.versionFilter("d.framework_version_id"), subtree(root),
					catalogue.sizeCase("d.framework_version_id", "d.level"));
	}

	/**
	 * Operating systems in the subtree (or everywhere, root null) with a level approved under one of the
	 * catalogue's versions whose plan is below 100 %, by unit.
	 */
	public List<SystemLine> plansOpen(Long root, Catalogue catalogue, int limit, PageStart from) {
		String size = catalogue.sizeCase("d.framework_version_id", "d.level");
		return from.bind(jdbc.sql("""
				SELECT s.id, s.name, s.status, s.unit_id, u.code, u.name AS unit_name, d.level,
				  %s - d.plan_not_applicable AS applicable, d.plan_done AS done
				""".formatted(size) + openPlans(root, catalogue, true) + from.after()
				+ page(limit, from)))
			.query((rs, row) -> new SystemLine(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
					rs.getLong("unit_id"), rs.getString("code"), rs.getString("unit_name"), null, rs.getInt("level"),
					rs.getInt("applicable"), rs.getInt("done")))
			.list();
	}

	public long countPlansOpen(Long root, Catalogue catalogue) {
		return jdbc.sql("SELECT COUNT(*) " + openPlans(root, catalogue, false)).query(Long.class).single();
	}

	/** How many systems of one unit are on a list. */
	public record UnitCount(long unitId, long systems) {
	}

	/** Per unit with any, its systems in use without an approved level, in the subtree (or everywhere, root null). */
	public List<UnitCount> withoutLevelPerUnit(Long root) {
		return perUnit(withoutLevelCounted(root));
	}

	/** Per unit with any, its operating systems whose plan (under the catalogue's versions) is below 100 %. */
	public List<UnitCount> plansOpenPerUnit(Long root, Catalogue catalogue) {
		return perUnit(openPlans(root, catalogue, false));
	}

	private List<UnitCount> perUnit(String fromWhere) {
		return jdbc.sql("SELECT s.unit_id, COUNT(*) AS n " + fromWhere + "\nGROUP BY s.unit_id ORDER BY s.unit_id")
			.query((rs, row) -> new UnitCount(rs.getLong("unit_id"), rs.getLong("n")))
			.list();
	}

	/** Where the page at {@code offset} of the plans below 100 % starts; empty past the end. */
	public Optional<PageStart> startPlansOpen(Long root, Catalogue catalogue, long offset) {
		return start(openPlans(root, catalogue, false), offset);
	}

	/**
	 * The figures of one part of the tree: the root's direct child (and its subtree), or the root itself
	 * for what is attached to it directly.
	 *
	 * @param unitId the child, or the root
	 * @param systems systems in use
	 * @param approved of them, with an approved level
	 * @param applicable plan requirements that apply, plans under the catalogue's versions
	 * @param done of them, done
	 * @param plansOpen operating systems whose plan (under the catalogue's versions) is below 100 %
	 */
	public record SystemFigures(long unitId, long systems, long approved, long applicable, long done, long plansOpen) {
	}

	/**
	 * Figures of systems per direct child of the root (each child's whole subtree), and of the root's own
	 * systems under the root's id: one statement, the child found through the closure row one step below
	 * the root on the system's unit's path. The root is written into the statement as a number, not bound:
	 * bound, PostgreSQL switches to a generic plan after five runs on a connection, which expects a few
	 * units below any root and walks indexes per unit (EXPLAIN ANALYZE at the province of the benchmark
	 * data: 82-93 ms generic against 30-39 ms custom), as the lists found.
	 */
	public List<SystemFigures> systemFigures(long root, Catalogue catalogue) {
		String inCatalogue = "d.id IS NOT NULL AND " + catalogue.versionFilter("d.framework_version_id");
		String size = catalogue.sizeCase("d.framework_version_id", "d.level");
		String sql = """
				SELECT b.ancestor_id AS bucket, COUNT(*) AS systems, COUNT(d.id) AS approved,
				  SUM(CASE WHEN %1$s THEN %2$s - d.plan_not_applicable ELSE 0 END) AS applicable,
				  SUM(CASE WHEN %1$s THEN d.plan_done ELSE 0 END) AS done,
				  SUM(CASE WHEN %1$s AND s.status = 'OPERATING'
				        AND d.plan_done + d.plan_not_applicable < %2$s THEN 1 ELSE 0 END) AS plans_open
				FROM organization_unit_closure c
				  JOIN inventory_system s ON s.unit_id = c.descendant_id
				  LEFT JOIN organization_unit_closure b ON b.descendant_id = c.descendant_id AND b.depth = c.depth - 1
				  LEFT JOIN level_dossier d ON d.system_id = s.id AND d.status = 'APPROVED'
				WHERE c.ancestor_id = %3$d AND s.status <> 'RETIRED'
				GROUP BY b.ancestor_id""".formatted(inCatalogue, size, root);
		List<SystemFigures> figures = new ArrayList<>();
		jdbc.sql(sql).query((rs, row) -> {
			long bucket = rs.getLong("bucket");
			return new SystemFigures(rs.wasNull() ? root : bucket, rs.getLong("systems"), rs.getLong("approved"),
					rs.getLong("applicable"), rs.getLong("done"), rs.getLong("plans_open"));
		}).list().forEach(figures::add);
		return figures;
	}

	/**
	 * Units and their regulation in force, per direct child of the root (its subtree) and for the root
	 * itself under its own id.
	 *
	 * @param units active units
	 * @param covering of them, whose regulation in force covers surveillance cameras
	 * @param none of them, without any regulation
	 */
	public record RegulationFigures(long unitId, long units, long covering, long none) {
	}

	public List<RegulationFigures> regulationFigures(long root) {
		return jdbc.sql("""
				SELECT b.ancestor_id AS bucket, COUNT(*) AS units,
				  SUM(CASE WHEN g.covers_cameras THEN 1 ELSE 0 END) AS covering,
				  SUM(CASE WHEN g.id IS NULL THEN 1 ELSE 0 END) AS none
				FROM organization_unit_closure c
				  JOIN organization_unit u ON u.id = c.descendant_id AND u.active
				  LEFT JOIN organization_unit_closure b ON b.descendant_id = c.descendant_id AND b.depth = c.depth - 1
				  LEFT JOIN (SELECT m.unit_id, MAX(m.id) AS id FROM level_unit_regulation m GROUP BY m.unit_id) n
				    ON n.unit_id = u.id
				  LEFT JOIN level_unit_regulation g ON g.id = n.id
				WHERE c.ancestor_id = %d
				GROUP BY b.ancestor_id""".formatted(root)).query((rs, row) -> {
			long bucket = rs.getLong("bucket");
			return new RegulationFigures(rs.wasNull() ? root : bucket, rs.getLong("units"), rs.getLong("covering"),
					rs.getLong("none"));
		}).list();
	}

	/** The direct children of a unit, by name (inactive ones too: their systems are still counted). */
	public List<UnitRef> children(long unitId) {
		return jdbc.sql("SELECT id, code, name, kind, parent_id, active FROM organization_unit WHERE parent_id = :id "
				+ "ORDER BY name, id")
			.param("id", unitId)
			.query((rs, row) -> new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("kind"), rs.getLong("parent_id"), rs.getBoolean("active")))
			.list();
	}

}
