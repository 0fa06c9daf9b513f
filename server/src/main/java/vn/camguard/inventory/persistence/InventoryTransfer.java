package vn.camguard.inventory.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.organization.UnitMergeConflict;
import vn.camguard.organization.UnitOwnedRows;
import vn.camguard.organization.UnitOwnedRows.Column;
import vn.camguard.organization.UnitTransfer;

/**
 * Inventory's share of a unit merge: systems, sites, devices and import batches change owner. System
 * and site names are unique per unit, so a name both units use stops the merge until one is renamed.
 */
@Component
class InventoryTransfer implements UnitTransfer {

	/** Tables whose names must stay unique within a unit. */
	private static final List<String> NAMED = List.of("inventory_system", "inventory_site");

	private final JdbcClient jdbc;

	private final UnitOwnedRows rows;

	private final SystemPeriods periods;

	InventoryTransfer(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.periods = new SystemPeriods(jdbc);
		this.rows = UnitOwnedRows.of(jdbc, new Column("inventory_system", "unit_id"),
				new Column("inventory_site", "unit_id"), new Column("inventory_device", "unit_id"),
				new Column("inventory_import_batch", "unit_id"));
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Map<String, Long> count(long unitId) {
		return rows.count(unitId);
	}

	@Override
	public List<UnitMergeConflict> conflicts(long fromUnitId, long toUnitId) {
		List<UnitMergeConflict> conflicts = new ArrayList<>();
		for (String table : NAMED) {
			jdbc.sql("""
					SELECT f.name FROM %1$s f JOIN %1$s t ON t.name = f.name
					WHERE f.unit_id = :from AND t.unit_id = :to ORDER BY f.name""".formatted(table))
				.param("from", fromUnitId)
				.param("to", toUnitId)
				.query(String.class)
				.list()
				.forEach(name -> conflicts.add(new UnitMergeConflict(table, name)));
		}
		return conflicts;
	}

	@Override
	public Map<String, Long> move(long fromUnitId, long toUnitId) {
		List<UnitMergeConflict> conflicts = conflicts(fromUnitId, toUnitId);
		if (!conflicts.isEmpty()) {
			throw conflicts.get(0);
		}
		periods.moveAll(fromUnitId, toUnitId, OffsetDateTime.now(ZoneOffset.UTC));
		return rows.move(fromUnitId, toUnitId);
	}

}
