package vn.camguard.monitoring;

/** Where a finding stands: new, notified to whoever must fix it, fixed (absent from a later scan that covered it),
 * verified, or closed by a person as an accepted risk or a false positive. */
public enum FindingStatus {
	NEW, NOTIFIED, FIXED, VERIFIED, ACCEPTED_RISK, FALSE_POSITIVE;

	/** Still waiting for someone to act: what a notice carries and what an SLA counts. */
	public boolean open() {
		return this == NEW || this == NOTIFIED;
	}
}
