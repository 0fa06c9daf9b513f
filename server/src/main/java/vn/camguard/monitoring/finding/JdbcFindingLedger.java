package vn.camguard.monitoring.finding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;

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

	JdbcFindingLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		for (ObservedWeakness weakness : byAddressAndCheck.values()) {
			upsert(organizationId, weakness, at);
		}
		markFixed(organizationId, covered(firstAddress, lastAddress), checksRun, byAddressAndCheck.keySet(), at);
	}

	private void upsert(long organizationId, ObservedWeakness weakness, Instant at) {
		String title = cut(weakness.title() == null || weakness.title().isBlank() ? weakness.checkId() : weakness.title(),
				TITLE_CHARS);
		String evidence = cut(weakness.evidence(), EVIDENCE_CHARS);
		// a finding that was fixed (or verified fixed) and shows again is open again
		int updated = jdbc.sql("""
				UPDATE monitoring_finding SET last_seen = :at, times_seen = times_seen + 1, port = :port,
				  severity = :severity, title = :title, evidence = :evidence,
				  status = CASE WHEN status IN ('FIXED', 'VERIFIED') THEN 'NEW' ELSE status END,
				  fixed_at = CASE WHEN status IN ('FIXED', 'VERIFIED') THEN NULL ELSE fixed_at END,
				  verified_at = CASE WHEN status IN ('FIXED', 'VERIFIED') THEN NULL ELSE verified_at END
				WHERE organization_id = :org AND address = :address AND check_id = :check""")
			.param("at", Timestamp.from(at))
			.param("port", weakness.port())
			.param("severity", weakness.severity())
			.param("title", title)
			.param("evidence", evidence)
			.param("org", organizationId)
			.param("address", weakness.address())
			.param("check", weakness.checkId())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO monitoring_finding (organization_id, address, port, check_id, severity, title, evidence,
					  status, first_seen, last_seen, times_seen)
					VALUES (:org, :address, :port, :check, :severity, :title, :evidence, :status, :at, :at, 1)""")
				.param("org", organizationId)
				.param("address", weakness.address())
				.param("port", weakness.port())
				.param("check", weakness.checkId())
				.param("severity", weakness.severity())
				.param("title", title)
				.param("evidence", evidence)
				.param("status", FindingStatus.NEW.name())
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	private void markFixed(long organizationId, List<String> addresses, Set<String> checksRun, Set<String> seenKeys,
			Instant at) {
		if (checksRun.isEmpty() || addresses.isEmpty()) {
			return;
		}
		record Open(long id, String address, String checkId) {
		}
		List<Open> open = jdbc.sql("""
				SELECT id, address, check_id FROM monitoring_finding
				WHERE organization_id = :org AND address IN (:addresses)
				  AND (status IN ('NEW', 'NOTIFIED') OR status = 'ACCEPTED_RISK' AND status_until <= :at)""")
			.param("org", organizationId)
			.param("at", Timestamp.from(at))
			.param("addresses", addresses)
			.query(Open.class)
			.list();
		for (Open finding : open) {
			if (checksRun.contains(finding.checkId()) && !seenKeys.contains(finding.address() + " " + finding.checkId())) {
				jdbc.sql("UPDATE monitoring_finding SET status = 'FIXED', fixed_at = :at WHERE id = :id")
					.param("at", Timestamp.from(at))
					.param("id", finding.id())
					.update();
			}
		}
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
