package vn.camguard.monitoring;

import java.time.Instant;

/**
 * One weakness on one device address, kept across scans. {@code title} and {@code evidence} carry what a camera
 * sent and are text only wherever they are shown. {@code statusUntil} is when an accepted risk runs out (null
 * otherwise).
 */
public record MonitoredFinding(long id, long organizationId, String address, Integer port, String checkId,
		String severity, String title, String evidence, String requirementGroup, FindingStatus status,
		Instant firstSeen, Instant lastSeen, int timesSeen, Instant notifiedAt, String noticeReference,
		Instant fixedAt, Instant statusUntil) {

	/** A finding without an expiry on its status. */
	public MonitoredFinding(long id, long organizationId, String address, Integer port, String checkId,
			String severity, String title, String evidence, String requirementGroup, FindingStatus status,
			Instant firstSeen, Instant lastSeen, int timesSeen, Instant notifiedAt, String noticeReference,
			Instant fixedAt) {
		this(id, organizationId, address, port, checkId, severity, title, evidence, requirementGroup, status,
				firstSeen, lastSeen, timesSeen, notifiedAt, noticeReference, fixedAt, null);
	}

	/** Still waiting for someone to act at {@code at}; an accepted risk past its expiry is open again. */
	public boolean openAt(Instant at) {
		return status.open(statusUntil, at);
	}

}
