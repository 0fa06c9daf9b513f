package vn.camguard.audit.chain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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

/**
 * Appends entries to the hash chain. The head row is locked first, so concurrent appends from any
 * number of threads (or application nodes on one PostgreSQL) get consecutive seq numbers and each
 * links to the one before.
 */
@Service
class ChainedAuditTrail implements AuditTrail {

	private static final int MAX_JSON = 100_000;

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	ChainedAuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(String action, String entityType, String entityId, Long unitId, Object before, Object after) {
		recordFor(currentActor(), action, entityType, entityId, unitId, before, after);
	}

	@Override
	@Transactional
	public void recordFor(String actor, String action, String entityType, String entityId, Long unitId, Object before,
			Object after) {
		Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.lastSeq() + 1;
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String cleanActor = bounded(actor == null || actor.isBlank() ? "system" : actor, 100);
		String address = bounded(currentAddress(), 64);
		String beforeJson = toJson(before);
		String afterJson = toJson(after);
		String hash = AuditChain.hash(seq, at, cleanActor, address, action, entityType, entityId, unitId, beforeJson,
				afterJson, head.lastHash());
		jdbc.sql("""
				INSERT INTO audit_entry (seq, at, actor, actor_address, action, entity_type, entity_id, unit_id,
				  before_json, after_json, prev_hash, hash)
				VALUES (:seq, :at, :actor, :address, :action, :entityType, :entityId, :unitId, :before, :after,
				  :prevHash, :hash)""")
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
			.update();
		jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
			.param("hash", hash)
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
