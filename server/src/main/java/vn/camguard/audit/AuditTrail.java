package vn.camguard.audit;

import java.util.Map;

/**
 * Appends one change to the tamper-evident audit log (nhật ký). Call it inside the transaction
 * that makes the change, so that a change and its entry commit or roll back together. The actor,
 * time and client address are taken from the current request and security context; before and
 * after are serialised to JSON by the audit module, so callers pass plain values or records and
 * must leave secrets (password hashes, credentials) out.
 */
public interface AuditTrail {

	/**
	 * @param action what happened, e.g. "camera.update", "unit.move", "user.login.failed"
	 * @param entityType e.g. "camera", "unit", "user"
	 * @param entityId the changed thing's id, or null
	 * @param unitId the unit the thing belongs to (for scoped viewing), or null
	 * @param before state before the change, or null when created
	 * @param after state after the change, or null when deleted
	 */
	void record(String action, String entityType, String entityId, Long unitId, Object before, Object after);

	/**
	 * As {@link #record}, for events where nobody is signed in yet (failed logins, lockouts): the
	 * actor is named explicitly.
	 */
	void recordFor(String actor, String action, String entityType, String entityId, Long unitId, Object before,
			Object after);

	/**
	 * One entry per unit for a change that touched many units at once (a province-wide import), so
	 * that the audit of every one of those units shows it; appended together, in unit id order.
	 *
	 * @param afterByUnit for each touched unit, what the change did there (e.g. file and row count)
	 */
	void recordForUnits(String action, String entityType, String entityId, Map<Long, ?> afterByUnit);

}
