package vn.camguard.audit;

import java.time.LocalDate;

/**
 * What the audit list is narrowed to; every part optional (null = no restriction).
 *
 * @param from first day included (server time zone)
 * @param to last day included
 * @param actor exact user name
 * @param action action prefix, e.g. "unit." or "user.login"
 * @param entityType exact entity type
 * @param unitId only entries of this unit and its subtree
 */
public record AuditQuery(LocalDate from, LocalDate to, String actor, String action, String entityType, Long unitId) {

	public AuditQuery {
		actor = blankToNull(actor, 100);
		action = blankToNull(action, 100);
		entityType = blankToNull(entityType, 50);
	}

	public static AuditQuery everything() {
		return new AuditQuery(null, null, null, null, null, null);
	}

	private static String blankToNull(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.strip();
		return clean.length() > max ? clean.substring(0, max) : clean;
	}

}
