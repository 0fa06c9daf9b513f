package vn.camguard.audit;

import java.time.Instant;

/**
 * One row of the audit log as readers see it.
 *
 * @param seq position in the chain, from 1
 * @param beforeJson state before, JSON, or null
 * @param afterJson state after, JSON, or null
 * @param prevHash hash of the previous entry (64 zeros for the first)
 * @param hash SHA-256 over this entry's fields and {@code prevHash}
 */
public record AuditEntry(long seq, Instant at, String actor, String actorAddress, String action, String entityType,
		String entityId, Long unitId, String beforeJson, String afterJson, String prevHash, String hash) {
}
