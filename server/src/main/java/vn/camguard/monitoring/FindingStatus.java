package vn.camguard.monitoring;

import java.time.Instant;

/** Where a finding stands: new, notified to whoever must fix it, fixed (absent from a later scan that covered it),
 * verified, or closed by a person as an accepted risk or a false positive. */
public enum FindingStatus {
	NEW, NOTIFIED, FIXED, VERIFIED, ACCEPTED_RISK, FALSE_POSITIVE;

	/**
	 * Waiting for someone to act by the status alone. An accepted risk runs out: where its expiry is known, ask
	 * {@link #open(Instant, Instant)} (or {@link MonitoredFinding#openAt}) instead.
	 */
	public boolean open() {
		return this == NEW || this == NOTIFIED;
	}

	/**
	 * Still waiting for someone to act at {@code at}: what a notice carries, what an SLA and a report count. A risk
	 * accepted until {@code statusUntil} is open again from that moment on.
	 */
	public boolean open(Instant statusUntil, Instant at) {
		return open() || this == ACCEPTED_RISK && statusUntil != null && !statusUntil.isAfter(at);
	}
}
