package vn.camguard.audit.chain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.camguard.audit.AuditTrail;
import vn.camguard.audit.SourceAddress;

/**
 * Appends entries to the keyed hash chain (HMAC-SHA256 under {@link AuditKey}). The head row is
 * locked first, so concurrent appends from any number of threads (or application nodes on one
 * PostgreSQL) get consecutive seq numbers and each links to the one before.
 */
@Service
class ChainedAuditTrail implements AuditTrail {

	private static final int MAX_JSON = 100_000;

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final AuditKey key;

	ChainedAuditTrail(JdbcClient jdbc, AuditKey key) {
		this.jdbc = jdbc;
		this.key = key;
	}

	@Override
	public void record(String action, String entityType, String entityId, Long unitId, Object before, Object after) {
		recordFor(currentActor(), action, entityType, entityId, unitId, before, after);
	}

	@Override
	@Transactional
	public void recordFor(String actor, String action, String entityType, String entityId, Long unitId, Object before,
			Object after) {
		Head head = lockHead();
		head = append(head, actor, action, entityType, entityId, unitId, toJson(before), toJson(after));
		moveHead(head);
	}

	@Override
	@Transactional
	public void recordForUnits(String action, String entityType, String entityId, Map<Long, ?> afterByUnit) {
		if (afterByUnit.isEmpty()) {
			return;
		}
		String actor = currentActor();
		Head head = lockHead();
		for (Map.Entry<Long, ?> unit : new TreeMap<>(afterByUnit).entrySet()) {
			head = append(head, actor, action, entityType, entityId, unit.getKey(), null, toJson(unit.getValue()));
		}
		moveHead(head);
	}

	/**
	 * Starts the keyed chain on a log written before it was keyed: when the last entry is an unkeyed
	 * one, appends an entry whose HMAC commits to that entry's hash, so that the unkeyed entries
	 * before it can no longer be rewritten unnoticed. Does nothing on a keyed or empty chain.
	 *
	 * @return the number of unkeyed entries anchored, 0 when none
	 */
	@Transactional
	public long anchorUnkeyedEntries() {
		Head head = lockHead();
		if (head.lastSeq() == 0) {
			return 0;
		}
		int lastVersion = jdbc.sql("SELECT chain_version FROM audit_entry WHERE seq = :seq")
			.param("seq", head.lastSeq())
			.query(Integer.class)
			.optional()
			.orElse(AuditChain.KEYED);
		if (lastVersion != AuditChain.UNKEYED) {
			return 0;
		}
		long unkeyed = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE chain_version = :v")
			.param("v", AuditChain.UNKEYED)
			.query(Long.class)
			.single();
		head = append(head, "system", "audit.chain.keyed", "audit", null, null, null,
				toJson(new Anchor(unkeyed, head.lastSeq(), head.lastHash())));
		moveHead(head);
		return unkeyed;
	}

	/** What the anchor entry says about the unkeyed entries it seals. */
	record Anchor(long unkeyedEntries, long lastUnkeyedSeq, String lastUnkeyedHash) {
	}

	private Head lockHead() {
		return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	private Head append(Head head, String actor, String action, String entityType, String entityId, Long unitId,
			String beforeJson, String afterJson) {
		long seq = head.lastSeq() + 1;
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String cleanActor = bounded(actor == null || actor.isBlank() ? "system" : actor, 100);
		String address = bounded(SourceAddress.canonical(currentAddress()), 64);
		String hash = AuditChain.keyed(key, seq, at, cleanActor, address, action, entityType, entityId, unitId,
				beforeJson, afterJson, head.lastHash());
		jdbc.sql("""
				INSERT INTO audit_entry (seq, at, actor, actor_address, action, entity_type, entity_id, unit_id,
				  before_json, after_json, prev_hash, hash, chain_version, key_id)
				VALUES (:seq, :at, :actor, :address, :action, :entityType, :entityId, :unitId, :before, :after,
				  :prevHash, :hash, :version, :keyId)""")
			.param("seq", seq)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("actor", cleanActor)
			.param("address", address)
			.param("action", action)
			.param("entityType", entityType)
			.param("entityId", entityId)
			.param("unitId", unitId)
			.param("before", beforeJson)
			.param("after", afterJson)
			.param("prevHash", head.lastHash())
			.param("hash", hash)
			.param("version", AuditChain.KEYED)
			.param("keyId", key.id())
			.update();
		return new Head(seq, hash);
	}

	private void moveHead(Head head) {
		jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", head.lastSeq())
			.param("hash", head.lastHash())
			.update();
	}

	private String toJson(Object value) {
		if (value == null) {
			return null;
		}
		String text = json.writeValueAsString(value);
		return text.length() > MAX_JSON ? json.writeValueAsString("(truncated) " + text.substring(0, MAX_JSON)) : text;
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return "system";
		}
		return authentication.getName();
	}

	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

	private static String bounded(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	private record Head(long lastSeq, String lastHash) {
	}

}
