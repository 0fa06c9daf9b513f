package vn.camguard.notices.persistence;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.organization.UnitOwnedRows;
import vn.camguard.organization.UnitOwnedRows.Column;
import vn.camguard.organization.UnitTransfer;

/** Notices' share of a unit merge (an ISP bought by another): its subscriber mapping and sent notices. */
@Component
class NoticesTransfer implements UnitTransfer {

	private final UnitOwnedRows rows;

	NoticesTransfer(JdbcClient jdbc) {
		this.rows = UnitOwnedRows.of(jdbc, new Column("subscriber_mapping", "organization_id"),
				new Column("subscriber_notice", "organization_id"));
	}

	@Override
	public int order() {
		return 50;
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
