package vn.camguard.monitoring.finding;

/**
 * Where a finding stands as the list filters it: the stored status, except that an accepted risk whose expiry has
 * passed is open again ({@link #RISK_EXPIRED}), and {@link #OPEN} gathers everything still waiting for someone.
 */
public enum FindingState {
	OPEN, NEW, NOTIFIED, RISK_EXPIRED, FIXED, VERIFIED, ACCEPTED_RISK, FALSE_POSITIVE;

	public static FindingState parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new FindingRuleViolation("state", "unknown");
		}
	}
}
