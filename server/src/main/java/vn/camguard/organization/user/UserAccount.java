package vn.camguard.organization.user;

import java.time.OffsetDateTime;

/**
 * A person who signs in to CamGuard, homed in one unit (whose administrators manage it). The
 * password hash is deliberately not part of this record, so it cannot leak into pages, JSON or
 * the audit log.
 *
 * @param lockedUntil end of a lockout after repeated failed sign-ins, or null
 * @param email where reminders and warnings are mailed, or null; only the user and the administrators who manage
 *              the user see it (this record is shown nowhere else)
 */
public record UserAccount(long id, String username, String displayName, long unitId, boolean enabled,
		boolean mustChangePassword, int failedLogins, OffsetDateTime lockedUntil, OffsetDateTime createdAt,
		String email) {

	@Override
	public String toString() {
		// the address stays out of logs and error messages
		return "UserAccount[id=" + id + ", username=" + username + ", unitId=" + unitId + ", enabled=" + enabled + "]";
	}

	/** What the audit log keeps about a user (no counters that change on every sign-in). */
	public Audited audited() {
		return new Audited(id, username, displayName, unitId, enabled, mustChangePassword, EmailAddress.masked(email));
	}

	/** As audited: the address masked ({@code n***@example.vn}), since auditors read the log and not the address. */
	public record Audited(long id, String username, String displayName, long unitId, boolean enabled,
			boolean mustChangePassword, String email) {
	}

}
