package vn.camguard.monitoring.job;

import java.time.Instant;

/** A scan job as stored: what to scan, how, and when. */
public record ScanJob(long id, long organizationId, String name, String targets, ScanProfile profile,
		int ratePerSecond, int concurrency, TimeWindow window, Recurrence recurrence, String cron, Instant firstRun,
		JobStatus status, String refusal, String createdBy, Instant createdAt, Instant nextRun, int runNumber) {
}
