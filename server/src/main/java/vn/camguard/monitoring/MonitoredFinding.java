package vn.camguard.monitoring;

import java.time.Instant;

/**
 * One weakness on one device address, kept across scans. {@code title} and {@code evidence} carry what a camera
 * sent and are text only wherever they are shown.
 */
public record MonitoredFinding(long id, long organizationId, String address, Integer port, String checkId,
		String severity, String title, String evidence, String requirementGroup, FindingStatus status,
		Instant firstSeen, Instant lastSeen, int timesSeen, Instant notifiedAt, String noticeReference,
		Instant fixedAt) {
}
