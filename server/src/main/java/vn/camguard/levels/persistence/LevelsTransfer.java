package vn.camguard.levels.persistence;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.organization.UnitOwnedRows;
import vn.camguard.organization.UnitOwnedRows.Column;
import vn.camguard.organization.UnitTransfer;

/**
 * Levels' share of a unit merge: determinations and dossiers, open and closed, follow their systems to
 * the target (an approved dossier's plan is still being carried out by whoever owns the system now).
 * Each keeps its framework version, timeline and legal clock.
 */
@Component
class LevelsTransfer implements UnitTransfer {

	private final UnitOwnedRows rows;

	LevelsTransfer(JdbcClient jdbc) {
		this.rows = UnitOwnedRows.of(jdbc, new Column("level_determination", "unit_id"),
				new Column("level_dossier", "unit_id"));
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Map<String, Long> count(long unitId) {
		return rows.count(unitId);
	}

	@Override
	public Map<String, Long> move(long fromUnitId, long toUnitId) {
		return rows.move(fromUnitId, toUnitId);
	}

}
