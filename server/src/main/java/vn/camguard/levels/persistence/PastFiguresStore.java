package vn.camguard.levels.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.camguard.levels.persistence.CampaignProgressStore.Catalogue;
import vn.camguard.levels.persistence.CampaignProgressStore.SystemFigures;
import vn.camguard.organization.UnitScope;

/**
 * The aggregate queries behind the dashboard as of a past moment, read from the histories instead of the
 * current values: a system's unit and status from inventory_system_period, its approved dossier from the
 * dossier timeline (level_dossier_event), its plan from level_plan_item_period, a unit's regulation from
 * the regulations' issue dates. Each is one statement grouped by unit over the units of a scope (today's
 * scope: a unit merged into it is inside it); the caller sums the units into the rows of the tree of
 * that moment. Rows written without their history (loaded straight into the tables) count with their
 * current values from their creation or last change. Scope is checked by the caller.
 */
@Repository
public class PastFiguresStore {

	private final JdbcClient jdbc;

	public PastFiguresStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each system's unit and status at :at, for the systems that existed then. */
	private static final String SYSTEMS_THEN = """
			SELECT p.system_id, p.unit_id, p.status FROM inventory_system_period p
			WHERE p.valid_from <= :at AND (p.valid_to IS NULL OR p.valid_to > :at)
			UNION ALL
			SELECT s.id, s.unit_id, s.status FROM inventory_system s
			WHERE s.created_at <= :at AND NOT EXISTS (SELECT 1 FROM inventory_system_period p WHERE p.system_id = s.id)""";

	/**
	 * The dossiers approved at :at: the last step of the timeline taken by then led to APPROVED (so one
	 * withdrawn, superseded or otherwise moved on later still counts, one approved later does not).
	 */
	private static final String APPROVED_THEN = """
			SELECT d.id, d.system_id FROM level_dossier d
			  JOIN (SELECT e.dossier_id, MAX(e.id) AS id FROM level_dossier_event e WHERE e.occurred_at <= :at
			        GROUP BY e.dossier_id) l ON l.dossier_id = d.id
			  JOIN level_dossier_event e ON e.id = l.id AND e.to_status = 'APPROVED'
			UNION ALL
			SELECT d.id, d.system_id FROM level_dossier d
			WHERE d.status = 'APPROVED' AND d.updated_at <= :at
			  AND NOT EXISTS (SELECT 1 FROM level_dossier_event e WHERE e.dossier_id = d.id)""";

	/** Per dossier, its plan items done and not applicable at :at. */
	private static final String PLANS_THEN = """
			SELECT i.dossier_id, SUM(CASE WHEN i.status = 'DONE' THEN 1 ELSE 0 END) AS done,
			  SUM(CASE WHEN i.status = 'NOT_APPLICABLE' THEN 1 ELSE 0 END) AS not_applicable
			FROM (SELECT p.dossier_id, p.status FROM level_plan_item_period p
			      WHERE p.valid_from <= :at AND (p.valid_to IS NULL OR p.valid_to > :at)
			      UNION ALL
			      SELECT t.dossier_id, t.status FROM level_plan_item t
			      WHERE t.updated_at <= :at AND NOT EXISTS (SELECT 1 FROM level_plan_item_period p
			        WHERE p.dossier_id = t.dossier_id AND p.item_key = t.item_key)) i
			GROUP BY i.dossier_id""";

	/**
	 * The figures of the systems in use at the moment, per unit they belonged to then (only units of the
	 * scope), against the catalogue's versions: one statement over the histories.
	 */
	public List<SystemFigures> systemFigures(UnitScope scope, Catalogue catalogue, Instant at) {
		if (scope.isEmpty()) {
			return List.of();
		}
		String inCatalogue = "d.id IS NOT NULL AND " + catalogue.versionFilter("d.framework_version_id");
		String size = catalogue.sizeCase("d.framework_version_id", "d.level");
		String sql = """
				SELECT h.unit_id, COUNT(*) AS systems, COUNT(d.id) AS approved,
				  SUM(CASE WHEN %1$s THEN %2$s - COALESCE(n.not_applicable, 0) ELSE 0 END) AS applicable,
				  SUM(CASE WHEN %1$s THEN COALESCE(n.done, 0) ELSE 0 END) AS done,
				  SUM(CASE WHEN %1$s AND h.status = 'OPERATING'
				        AND COALESCE(n.done, 0) + COALESCE(n.not_applicable, 0) < %2$s THEN 1 ELSE 0 END) AS plans_open
				FROM (%3$s) h
				  LEFT JOIN (SELECT a.system_id, MAX(a.id) AS id FROM (%4$s) a GROUP BY a.system_id) ad
				    ON ad.system_id = h.system_id
				  LEFT JOIN level_dossier d ON d.id = ad.id
				  LEFT JOIN (%5$s) n ON n.dossier_id = d.id
				WHERE h.status <> 'RETIRED'
				  AND h.unit_id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (%6$s))
				GROUP BY h.unit_id""".formatted(inCatalogue, size, SYSTEMS_THEN, APPROVED_THEN, PLANS_THEN,
				scope.sqlIdList());
		return jdbc.sql(sql)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.query((rs, row) -> new SystemFigures(rs.getLong("unit_id"), rs.getLong("systems"), rs.getLong("approved"),
					rs.getLong("applicable"), rs.getLong("done"), rs.getLong("plans_open")))
			.list();
	}

	/**
	 * A unit of the scope with today's state and its regulation in force on a day.
	 *
	 * @param activeToday whether it is open today
	 * @param mergedToday whether it has been merged into another unit by today
	 * @param regulated a regulation had been issued by the day
	 * @param covering the one in force then (the newest recorded of those issued by the day) covers cameras
	 */
	public record UnitThen(long unitId, boolean activeToday, boolean mergedToday, boolean regulated,
			boolean covering) {
	}

	public List<UnitThen> units(UnitScope scope, LocalDate day) {
		if (scope.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT u.id, u.active, u.merged_into_id, g.id AS regulation, g.covers_cameras
				FROM organization_unit u
				  LEFT JOIN (SELECT m.unit_id, MAX(m.id) AS id FROM level_unit_regulation m WHERE m.issued_on <= :day
				             GROUP BY m.unit_id) n ON n.unit_id = u.id
				  LEFT JOIN level_unit_regulation g ON g.id = n.id
				WHERE u.id IN (SELECT descendant_id FROM organization_unit_closure WHERE ancestor_id IN (%s))"""
			.formatted(scope.sqlIdList()))
			.param("day", day)
			.query((rs, row) -> {
				rs.getLong("merged_into_id");
				boolean merged = !rs.wasNull();
				rs.getLong("regulation");
				boolean regulated = !rs.wasNull();
				return new UnitThen(rs.getLong("id"), rs.getBoolean("active"), merged, regulated,
						regulated && rs.getBoolean("covers_cameras"));
			})
			.list();
	}

	/** When the histories of systems and plan items began (the later of the two), if they did. */
	public Optional<Instant> historyStart() {
		return jdbc.sql("SELECT MAX(started_at) FROM history_start")
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
			.single();
	}

}
