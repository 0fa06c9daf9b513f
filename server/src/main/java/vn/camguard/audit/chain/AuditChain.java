package vn.camguard.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import vn.camguard.audit.AuditEntry;

/**
 * How an entry's hash is computed: SHA-256 over its fields, each written as length, colon, text
 * (so that no two different entries give the same input), followed by the previous entry's hash.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(long seq, Instant at, String actor, String actorAddress, String action, String entityType,
			String entityId, Long unitId, String beforeJson, String afterJson, String prevHash) {
		StringBuilder canonical = new StringBuilder(256);
		for (String field : new String[] { Long.toString(seq), at.toString(), actor, actorAddress, action,
				entityType, entityId, unitId == null ? null : unitId.toString(), beforeJson, afterJson, prevHash }) {
			if (field == null) {
				canonical.append("-1:");
			}
			else {
				canonical.append(field.length()).append(':').append(field);
			}
			canonical.append('|');
		}
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	static String hash(AuditEntry entry) {
		return hash(entry.seq(), entry.at(), entry.actor(), entry.actorAddress(), entry.action(), entry.entityType(),
				entry.entityId(), entry.unitId(), entry.beforeJson(), entry.afterJson(), entry.prevHash());
	}

}
