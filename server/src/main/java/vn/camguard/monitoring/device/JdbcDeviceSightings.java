package vn.camguard.monitoring.device;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

	private final NamedParameterJdbcTemplate batch;

	JdbcDeviceSightings(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
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
		if (byAddress.isEmpty()) {
			return;
		}
		// a part's devices go in a few statements sent in batches (one round trip per device and statement made a
		// 10,000-device job spend a fifth of its time storing); the part's transaction is unchanged
		Map<String, Long> known = ids(organizationId, byAddress.keySet());
		List<SeenDevice> seenBefore = byAddress.values().stream().filter(d -> known.containsKey(d.address())).toList();
		List<SeenDevice> firstSeen = byAddress.values().stream().filter(d -> !known.containsKey(d.address())).toList();
		Timestamp when = Timestamp.from(at);
		// what a later scan did not learn (e.g. a MAC) is kept from an earlier one
		batch.batchUpdate("""
				UPDATE monitoring_device SET open_ports = :ports, vendor = COALESCE(:vendor, vendor),
				  model = COALESCE(:model, model), firmware = COALESCE(:firmware, firmware), kind = :kind,
				  mac = COALESCE(:mac, mac), serial = COALESCE(:serial, serial), last_seen = :at,
				  times_seen = times_seen + 1, last_job_id = :job
				WHERE id = :id""", seenBefore.stream()
			.map(device -> columns(device, when, jobId).addValue("id", known.get(device.address())))
			.toArray(SqlParameterSource[]::new));
		batch.batchUpdate("""
				INSERT INTO monitoring_device (organization_id, address, open_ports, vendor, model, firmware, kind,
				  mac, serial, first_seen, last_seen, times_seen, first_job_id, last_job_id)
				VALUES (:org, :address, :ports, :vendor, :model, :firmware, :kind, :mac, :serial, :at, :at, 1,
				  :job, :job)""", firstSeen.stream()
			.map(device -> columns(device, when, jobId).addValue("org", organizationId)
				.addValue("address", device.address()))
			.toArray(SqlParameterSource[]::new));
		Map<String, Long> all = new LinkedHashMap<>(known);
		if (!firstSeen.isEmpty()) {
			all.putAll(ids(organizationId, firstSeen.stream().map(SeenDevice::address).toList()));
		}
		Set<Long> inJob = new HashSet<>(jdbc.sql("""
				SELECT device_id FROM monitoring_device_job WHERE job_id = :job AND device_id IN (:ids)""")
			.param("job", jobId)
			.param("ids", all.values())
			.query(Long.class)
			.list());
		batch.batchUpdate("UPDATE monitoring_device_job SET last_seen = :at WHERE job_id = :job AND device_id = :id",
				all.values().stream().filter(inJob::contains)
					.map(id -> new MapSqlParameterSource("at", when).addValue("job", jobId).addValue("id", id))
					.toArray(SqlParameterSource[]::new));
		batch.batchUpdate("INSERT INTO monitoring_device_job (device_id, job_id, last_seen) VALUES (:id, :job, :at)",
				all.values().stream().filter(id -> !inJob.contains(id))
					.map(id -> new MapSqlParameterSource("at", when).addValue("job", jobId).addValue("id", id))
					.toArray(SqlParameterSource[]::new));
	}

	/** The ids of the organisation's devices at these addresses (a part has at most a few thousand). */
	private Map<String, Long> ids(long organizationId, Collection<String> addresses) {
		return jdbc.sql("SELECT address, id FROM monitoring_device WHERE organization_id = :org AND address IN (:addresses)")
			.param("org", organizationId)
			.param("addresses", addresses)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static MapSqlParameterSource columns(SeenDevice device, Timestamp at, long jobId) {
		String ports = device.openPorts().stream().map(String::valueOf).collect(Collectors.joining(","));
		return new MapSqlParameterSource("ports", cut(ports, 500))
			.addValue("vendor", blankToNull(device.vendor(), 200))
			.addValue("model", blankToNull(device.model(), 200))
			.addValue("firmware", blankToNull(device.firmware(), 200))
			.addValue("kind", blankToNull(device.kind(), 20))
			.addValue("mac", blankToNull(device.mac(), 17))
			.addValue("serial", blankToNull(device.serial(), 100))
			.addValue("at", at)
			.addValue("job", jobId);
	}

	private static String blankToNull(String text, int chars) {
		return text == null || text.isBlank() ? null : cut(text, chars);
	}

	private static String cut(String text, int chars) {
		return text.length() <= chars ? text : text.substring(0, chars);
	}

}
