package vn.camguard.monitoring.finding;

import java.time.Instant;

import vn.camguard.monitoring.FindingStatus;

/** One status change a person made on a finding; {@code validUntil} is an accepted risk's expiry. */
public record FindingChange(long id, long findingId, FindingStatus from, FindingStatus to, String reason,
		String actor, Instant validUntil, Instant changedAt) {
}
