package vn.camguard.monitoring.finding;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.organization.UnitMergeConflict;
import vn.camguard.organization.UnitOwnedRows;
import vn.camguard.organization.UnitOwnedRows.Column;
import vn.camguard.organization.UnitTransfer;

/**
 * Monitoring's share of a unit merge: the organisation's address ranges, scan jobs, findings and the
 * ledger's record of scan parts, the discovered devices change owner. A finding is one per organisation, address
 * and check, and a discovered device one per organisation and address, so the same weakness or the same device
 * found for both units stops the merge until one of them is closed out.
 */
@Component
class MonitoringTransfer implements UnitTransfer {

	private final JdbcClient jdbc;

	private final UnitOwnedRows rows;

	MonitoringTransfer(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.rows = UnitOwnedRows.of(jdbc, new Column("monitoring_range", "organization_id"),
				new Column("monitoring_job", "organization_id"), new Column("monitoring_finding", "organization_id"),
				new Column("monitoring_ledger_part", "organization_id"), new Column("monitoring_device", "organization_id"),
				new Column("monitoring_device_part", "organization_id"));
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Map<String, Long> count(long unitId) {
		return rows.count(unitId);
	}

	@Override
	public List<UnitMergeConflict> conflicts(long fromUnitId, long toUnitId) {
		List<UnitMergeConflict> findings = jdbc.sql("""
				SELECT f.address, f.check_id FROM monitoring_finding f JOIN monitoring_finding t
				  ON t.address = f.address AND t.check_id = f.check_id
				WHERE f.organization_id = :from AND t.organization_id = :to ORDER BY f.address, f.check_id""")
			.param("from", fromUnitId)
			.param("to", toUnitId)
			.query((rs, n) -> new UnitMergeConflict("monitoring_finding", rs.getString(1) + " " + rs.getString(2)))
			.list();
		List<UnitMergeConflict> devices = jdbc.sql("""
				SELECT f.address FROM monitoring_device f JOIN monitoring_device t ON t.address = f.address
				WHERE f.organization_id = :from AND t.organization_id = :to ORDER BY f.address""")
			.param("from", fromUnitId)
			.param("to", toUnitId)
			.query((rs, n) -> new UnitMergeConflict("monitoring_device", rs.getString(1)))
			.list();
		return java.util.stream.Stream.concat(findings.stream(), devices.stream()).toList();
	}

	@Override
	public Map<String, Long> move(long fromUnitId, long toUnitId) {
		List<UnitMergeConflict> conflicts = conflicts(fromUnitId, toUnitId);
		if (!conflicts.isEmpty()) {
			throw conflicts.get(0);
		}
		return rows.move(fromUnitId, toUnitId);
	}

}
