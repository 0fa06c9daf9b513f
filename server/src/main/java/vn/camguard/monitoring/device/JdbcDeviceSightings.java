package vn.camguard.monitoring.device;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.monitoring.DeviceSightings;
import vn.camguard.monitoring.SeenDevice;

/**
 * The sightings on {@code monitoring_device}: one row per organisation and address. The part's key is written first
 * in the same transaction as its devices, so a part recorded again finds the key (or fails on it) and changes nothing.
 */
@Repository
class JdbcDeviceSightings implements DeviceSightings {

	private final JdbcClient jdbc;

	JdbcDeviceSightings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void recordPart(long organizationId, long jobId, String partKey, Collection<SeenDevice> devices, Instant at) {
		boolean recordedBefore = jdbc.sql("SELECT COUNT(*) FROM monitoring_device_part WHERE part_key = :key")
			.param("key", partKey)
			.query(Long.class)
			.single() > 0;
		if (recordedBefore) {
			return;
		}
		// a concurrent recording of the same part fails here on the primary key and rolls back whole
		jdbc.sql("INSERT INTO monitoring_device_part (part_key, organization_id, recorded_at) VALUES (:key, :org, :at)")
			.param("key", partKey)
			.param("org", organizationId)
			.param("at", Timestamp.from(at))
			.update();
		Map<String, SeenDevice> byAddress = new LinkedHashMap<>();
		devices.forEach(device -> byAddress.putIfAbsent(device.address(), device));
		for (SeenDevice device : byAddress.values()) {
			long id = upsert(organizationId, jobId, device, at);
			int updated = jdbc.sql("UPDATE monitoring_device_job SET last_seen = :at WHERE job_id = :job AND device_id = :id")
				.param("at", Timestamp.from(at))
				.param("job", jobId)
				.param("id", id)
				.update();
			if (updated == 0) {
				jdbc.sql("INSERT INTO monitoring_device_job (device_id, job_id, last_seen) VALUES (:id, :job, :at)")
					.param("id", id)
					.param("job", jobId)
					.param("at", Timestamp.from(at))
					.update();
			}
		}
	}

	private long upsert(long organizationId, long jobId, SeenDevice device, Instant at) {
		String ports = device.openPorts().stream().map(String::valueOf).collect(Collectors.joining(","));
		// what a later scan did not learn (e.g. a MAC) is kept from an earlier one
		int updated = jdbc.sql("""
				UPDATE monitoring_device SET open_ports = :ports, vendor = COALESCE(:vendor, vendor),
				  model = COALESCE(:model, model), firmware = COALESCE(:firmware, firmware), kind = :kind,
				  mac = COALESCE(:mac, mac), serial = COALESCE(:serial, serial), last_seen = :at,
				  times_seen = times_seen + 1, last_job_id = :job
				WHERE organization_id = :org AND address = :address""")
			.param("ports", cut(ports, 500))
			.param("vendor", blankToNull(device.vendor(), 200))
			.param("model", blankToNull(device.model(), 200))
			.param("firmware", blankToNull(device.firmware(), 200))
			.param("kind", blankToNull(device.kind(), 20))
			.param("mac", blankToNull(device.mac(), 17))
			.param("serial", blankToNull(device.serial(), 100))
			.param("at", Timestamp.from(at))
			.param("job", jobId)
			.param("org", organizationId)
			.param("address", device.address())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO monitoring_device (organization_id, address, open_ports, vendor, model, firmware, kind,
					  mac, serial, first_seen, last_seen, times_seen, first_job_id, last_job_id)
					VALUES (:org, :address, :ports, :vendor, :model, :firmware, :kind, :mac, :serial, :at, :at, 1,
					  :job, :job)""")
				.param("org", organizationId)
				.param("address", device.address())
				.param("ports", cut(ports, 500))
				.param("vendor", blankToNull(device.vendor(), 200))
				.param("model", blankToNull(device.model(), 200))
				.param("firmware", blankToNull(device.firmware(), 200))
				.param("kind", blankToNull(device.kind(), 20))
				.param("mac", blankToNull(device.mac(), 17))
				.param("serial", blankToNull(device.serial(), 100))
				.param("at", Timestamp.from(at))
				.param("job", jobId)
				.update();
		}
		return jdbc.sql("SELECT id FROM monitoring_device WHERE organization_id = :org AND address = :address")
			.param("org", organizationId)
			.param("address", device.address())
			.query(Long.class)
			.single();
	}

	private static String blankToNull(String text, int chars) {
		return text == null || text.isBlank() ? null : cut(text, chars);
	}

	private static String cut(String text, int chars) {
		return text.length() <= chars ? text : text.substring(0, chars);
	}

}
