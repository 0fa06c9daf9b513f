package vn.camguard.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.AuthorizationMatrixFixture;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Gives the authorization matrix a discovered device of the request's target unit ({@code {discovered}}, not yet
 * linked) and an inventory entry of that unit with the device's address ({@code {discoveredMatch}}).
 */
@Component
class DiscoveredDeviceMatrixFixture implements AuthorizationMatrixFixture {

	private final JdbcClient jdbc;

	private final DeviceSightings sightings;

	DiscoveredDeviceMatrixFixture(JdbcClient jdbc, DeviceSightings sightings) {
		this.jdbc = jdbc;
		this.sightings = sightings;
	}

	@Override
	public Map<String, String> prepare(UnitRef unit, String fresh) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO monitoring_job (organization_id, name, targets, profile, rate_per_second, concurrency,
				  recurrence, first_run, status, created_by, created_at, run_number)
				VALUES (:org, :name, '192.0.2.0/24', 'DISCOVERY', 10, 4, 'ONCE', :now, 'FINISHED', 'matrix', :now, 1)""")
			.param("org", unit.id())
			.param("name", "matrix devices " + fresh)
			.param("now", now)
			.update();
		long job = jdbc.sql("SELECT MAX(id) FROM monitoring_job WHERE organization_id = :org")
			.param("org", unit.id())
			.query(Long.class)
			.single();
		// an address of its own per request, so that each request finds the device unlinked
		int n = Math.floorMod(fresh.hashCode(), 250 * 250);
		String address = "198.18." + (n / 250) + "." + (1 + n % 250);
		jdbc.sql("DELETE FROM monitoring_device_job WHERE device_id IN (SELECT id FROM monitoring_device "
				+ "WHERE organization_id = :org AND address = :address)").param("org", unit.id())
			.param("address", address).update();
		jdbc.sql("DELETE FROM monitoring_device WHERE organization_id = :org AND address = :address")
			.param("org", unit.id()).param("address", address).update();
		sightings.recordPart(unit.id(), job, "matrix-" + fresh + "-" + job,
				List.of(new SeenDevice(address, List.of(80), "Hikvision", "DS-2CD", "V5.5", "CAMERA", null, null)),
				Instant.now());
		long device = jdbc.sql("SELECT id FROM monitoring_device WHERE organization_id = :org AND address = :address")
			.param("org", unit.id())
			.param("address", address)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO inventory_device (unit_id, kind, status, vendor, serial, address, created_at, updated_at)
				VALUES (:unit, 'CAMERA', 'ACTIVE', 'Hikvision', :serial, :address, :now, :now)""")
			.param("unit", unit.id())
			.param("serial", "MATRIX-DISCOVERED-" + fresh + "-" + device)
			.param("address", address)
			.param("now", now)
			.update();
		long inventory = jdbc.sql("SELECT MAX(id) FROM inventory_device WHERE unit_id = :unit")
			.param("unit", unit.id())
			.query(Long.class)
			.single();
		return Map.of("{discovered}", Long.toString(device), "{discoveredMatch}", Long.toString(inventory));
	}

}
