package vn.camguard.notifications.persistence;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.organization.UnitOwnedRows;
import vn.camguard.organization.UnitOwnedRows.Column;
import vn.camguard.organization.UnitTransfer;

/**
 * Notifications' share of a unit merge: what the merged unit was told (warnings about its devices,
 * reminders of its deadlines) concerns data that now belongs to the target, so its people read it there.
 */
@Component
class NotificationsTransfer implements UnitTransfer {

	private final UnitOwnedRows rows;

	NotificationsTransfer(JdbcClient jdbc) {
		this.rows = UnitOwnedRows.of(jdbc, new Column("notification", "unit_id"));
	}

	@Override
	public int order() {
		return 60;
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
