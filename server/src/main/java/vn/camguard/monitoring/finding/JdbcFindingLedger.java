package vn.camguard.monitoring.finding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.monitoring.FindingLedger;
import vn.camguard.monitoring.FindingStatus;
import vn.camguard.monitoring.ObservedWeakness;

/**
 * The ledger on {@code monitoring_finding}: one row per organisation, address and check. A part's key is written
 * first in the same transaction as its findings, so a part recorded again (a resumed job, a dead instance's part
 * run by another) fails on the key or finds it there, and changes nothing.
 */
@Repository
class JdbcFindingLedger implements FindingLedger {

	/** A part covers at most this many addresses: its open findings are looked up by address list. */
	static final int MAX_PART_ADDRESSES = 4096;

	private static final int TITLE_CHARS = 300;

	private static final int EVIDENCE_CHARS = 4000;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	JdbcFindingLedger(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	@Override
	@Transactional
	public void recordPart(long organizationId, String partKey, String firstAddress, String lastAddress,
			Set<String> checksRun, Collection<ObservedWeakness> seen, Instant at) {
		boolean recordedBefore = jdbc.sql("SELECT COUNT(*) FROM monitoring_ledger_part WHERE part_key = :key")
			.param("key", partKey)
			.query(Long.class)
			.single() > 0;
		if (recordedBefore) {
			return;
		}
		// a concurrent recording of the same part fails here on the primary key and rolls back whole
		jdbc.sql("INSERT INTO monitoring_ledger_part (part_key, organization_id, recorded_at) VALUES (:key, :org, :at)")
			.param("key", partKey)
			.param("org", organizationId)
			.param("at", Timestamp.from(at))
			.update();
		Map<String, ObservedWeakness> byAddressAndCheck = new LinkedHashMap<>();
		for (ObservedWeakness weakness : seen) {
			byAddressAndCheck.putIfAbsent(weakness.address() + " " + weakness.checkId(), weakness);
		}
		// the part's findings as they were before this part, in one query; the changes then go in batches (one
		// round trip per finding made a 10,000-device job spend a fifth of its time storing)
		record Stored(long id, String address, String checkId, String status, Timestamp statusUntil) {

			String key() {
				return address + " " + checkId;
			}

		}
		Map<String, Stored> before = new HashMap<>();
		List<String> addresses = covered(firstAddress, lastAddress);
		jdbc.sql("""
				SELECT id, address, check_id, status, status_until FROM monitoring_finding
				WHERE organization_id = :org AND address IN (:addresses)""")
			.param("org", organizationId)
			.param("addresses", addresses)
			.query(Stored.class)
			.list()
			.forEach(stored -> before.put(stored.key(), stored));
		Timestamp when = Timestamp.from(at);
		List<SqlParameterSource> again = new ArrayList<>();
		List<SqlParameterSource> first = new ArrayList<>();
		for (Map.Entry<String, ObservedWeakness> entry : byAddressAndCheck.entrySet()) {
			ObservedWeakness weakness = entry.getValue();
			String title = cut(weakness.title() == null || weakness.title().isBlank() ? weakness.checkId()
					: weakness.title(), TITLE_CHARS);
			MapSqlParameterSource columns = new MapSqlParameterSource("at", when).addValue("port", weakness.port())
				.addValue("severity", weakness.severity())
				.addValue("title", title)
				.addValue("evidence", cut(weakness.evidence(), EVIDENCE_CHARS));
			Stored stored = before.get(entry.getKey());
			if (stored != null) {
				again.add(columns.addValue("id", stored.id()));
			}
			else {
				first.add(columns.addValue("org", organizationId)
					.addValue("address", weakness.address())
					.addValue("check", weakness.checkId())
					.addValue("status", FindingStatus.NEW.name()));
			}
		}
		// a finding that was fixed (or verified fixed) and shows again is open again
		batch.batchUpdate("""
				UPDATE monitoring_finding SET last_seen = :at, times_seen = times_seen + 1, port = :port,
				  severity = :severity, title = :title, evidence = :evidence,
				  status = CASE WHEN status IN ('FIXED', 'VERIFIED') THEN 'NEW' ELSE status END,
				  fixed_at = CASE WHEN status IN ('FIXED', 'VERIFIED') THEN NULL ELSE fixed_at END,
				  verified_at = CASE WHEN status IN ('FIXED', 'VERIFIED') THEN NULL ELSE verified_at END
				WHERE id = :id""", again.toArray(SqlParameterSource[]::new));
		batch.batchUpdate("""
				INSERT INTO monitoring_finding (organization_id, address, port, check_id, severity, title, evidence,
				  status, first_seen, last_seen, times_seen)
				VALUES (:org, :address, :port, :check, :severity, :title, :evidence, :status, :at, :at, 1)""",
				first.toArray(SqlParameterSource[]::new));
		if (checksRun.isEmpty()) {
			return;
		}
		// open findings of the checks this part ran that it did not see again are fixed
		batch.batchUpdate("UPDATE monitoring_finding SET status = 'FIXED', fixed_at = :at WHERE id = :id",
				before.values().stream()
					.filter(stored -> stored.status().equals("NEW") || stored.status().equals("NOTIFIED")
							|| stored.status().equals("ACCEPTED_RISK") && stored.statusUntil() != null
									&& !stored.statusUntil().after(when))
					.filter(stored -> checksRun.contains(stored.checkId())
							&& !byAddressAndCheck.containsKey(stored.key()))
					.map(stored -> new MapSqlParameterSource("at", when).addValue("id", stored.id()))
					.toArray(SqlParameterSource[]::new));
	}

	/** Every address of the part, in the text form the scanner reports (and the findings keep). */
	private static List<String> covered(String firstAddress, String lastAddress) {
		IPAddress first = new IPAddressString(firstAddress).getAddress();
		IPAddress last = new IPAddressString(lastAddress).getAddress();
		if (first == null || last == null) {
			throw new IllegalArgumentException("not an address: " + firstAddress + " / " + lastAddress);
		}
		IPAddressSeqRange range = first.spanWithRange(last);
		if (range.getCount().longValue() > MAX_PART_ADDRESSES) {
			throw new IllegalArgumentException("a part covers at most " + MAX_PART_ADDRESSES + " addresses");
		}
		List<String> addresses = new ArrayList<>();
		for (IPAddress address : range.getIterable()) {
			addresses.add(address.toInetAddress().getHostAddress());
		}
		return addresses;
	}

	private static String cut(String text, int chars) {
		if (text == null || text.length() <= chars) {
			return text;
		}
		return text.substring(0, chars);
	}

}
