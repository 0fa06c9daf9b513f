package vn.camguard.inventory.persistence;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The history of each information system's unit and status (inventory_system_period), so that reports
 * as of a past date count a system where it was and as it was. Written in the caller's transaction by
 * every statement that changes a system's unit or status; a period ends when the next begins.
 */
class SystemPeriods {

	private final JdbcClient jdbc;

	SystemPeriods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts a new period when the unit or status differs from the open one (or none is open). */
	void record(long systemId, long unitId, String status, OffsetDateTime at) {
		jdbc.sql("""
				UPDATE inventory_system_period SET valid_to = :at
				WHERE system_id = :id AND valid_to IS NULL AND (unit_id <> :unit OR status <> :status)""")
			.param("at", at)
			.param("id", systemId)
			.param("unit", unitId)
			.param("status", status)
			.update();
		long open = jdbc.sql("SELECT COUNT(*) FROM inventory_system_period WHERE system_id = :id AND valid_to IS NULL")
			.param("id", systemId)
			.query(Long.class)
			.single();
		if (open == 0) {
			jdbc.sql("""
					INSERT INTO inventory_system_period (system_id, unit_id, status, valid_from, valid_to)
					VALUES (:id, :unit, :status, :at, NULL)""")
				.param("id", systemId)
				.param("unit", unitId)
				.param("status", status)
				.param("at", at)
				.update();
		}
	}

	/** The system is gone: its last period ends, its past stays. */
	void end(long systemId, OffsetDateTime at) {
		jdbc.sql("UPDATE inventory_system_period SET valid_to = :at WHERE system_id = :id AND valid_to IS NULL")
			.param("at", at)
			.param("id", systemId)
			.update();
	}

	/** Every system of one unit moves to the other (a unit merge), before the systems' rows are moved. */
	void moveAll(long fromUnitId, long toUnitId, OffsetDateTime at) {
		jdbc.sql("""
				UPDATE inventory_system_period SET valid_to = :at
				WHERE valid_to IS NULL AND system_id IN (SELECT id FROM inventory_system WHERE unit_id = :from)""")
			.param("at", at)
			.param("from", fromUnitId)
			.update();
		jdbc.sql("""
				INSERT INTO inventory_system_period (system_id, unit_id, status, valid_from, valid_to)
				SELECT id, :to, status, :at, NULL FROM inventory_system WHERE unit_id = :from""")
			.param("to", toUnitId)
			.param("at", at)
			.param("from", fromUnitId)
			.update();
	}

}
