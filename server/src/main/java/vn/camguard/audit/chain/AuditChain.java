package vn.camguard.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import vn.camguard.audit.AuditEntry;

/**
 * How an entry's hash is computed. Every entry's fields are written as length, colon, text (so that
 * no two different entries give the same input), followed by the previous entry's hash.
 * <ul>
 * <li>Version 1 (the entries written before the chain was keyed): plain SHA-256 of that text. Anyone
 * with database access can recompute it, so it is only trusted up to the first keyed entry.</li>
 * <li>Version 2: HMAC-SHA256 under the audit key of the version and key id followed by that text;
 * without the key nobody can compute a valid one.</li>
 * </ul>
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	static final int UNKEYED = 1;

	static final int KEYED = 2;

	private AuditChain() {
	}

	/** The version 1 hash, kept to verify the entries written before the chain was keyed. */
	static String hash(long seq, Instant at, String actor, String actorAddress, String action, String entityType,
			String entityId, Long unitId, String beforeJson, String afterJson, String prevHash) {
		String canonical = canonical(new StringBuilder(256), seq, at, actor, actorAddress, action, entityType,
				entityId, unitId, beforeJson, afterJson, prevHash);
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	static String hash(AuditEntry entry) {
		return hash(entry.seq(), entry.at(), entry.actor(), entry.actorAddress(), entry.action(), entry.entityType(),
				entry.entityId(), entry.unitId(), entry.beforeJson(), entry.afterJson(), entry.prevHash());
	}

	/** The version 2 hash: an HMAC under the audit key. */
	static String keyed(AuditKey key, long seq, Instant at, String actor, String actorAddress, String action,
			String entityType, String entityId, Long unitId, String beforeJson, String afterJson, String prevHash) {
		StringBuilder text = new StringBuilder(256);
		field(text, Integer.toString(KEYED));
		field(text, key.id());
		return key.chainMac(canonical(text, seq, at, actor, actorAddress, action, entityType, entityId, unitId,
				beforeJson, afterJson, prevHash));
	}

	static String keyed(AuditKey key, AuditEntry entry) {
		return keyed(key, entry.seq(), entry.at(), entry.actor(), entry.actorAddress(), entry.action(),
				entry.entityType(), entry.entityId(), entry.unitId(), entry.beforeJson(), entry.afterJson(),
				entry.prevHash());
	}

	private static String canonical(StringBuilder text, long seq, Instant at, String actor, String actorAddress,
			String action, String entityType, String entityId, Long unitId, String beforeJson, String afterJson,
			String prevHash) {
		for (String field : new String[] { Long.toString(seq), at.toString(), actor, actorAddress, action,
				entityType, entityId, unitId == null ? null : unitId.toString(), beforeJson, afterJson, prevHash }) {
			field(text, field);
		}
		return text.toString();
	}

	private static void field(StringBuilder text, String field) {
		if (field == null) {
			text.append("-1:");
		}
		else {
			text.append(field.length()).append(':').append(field);
		}
		text.append('|');
	}

}
