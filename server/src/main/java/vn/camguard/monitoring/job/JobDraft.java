package vn.camguard.monitoring.job;

/**
 * A job as a form or an API call sends it; every field as typed, checked by {@link ScanJobs#create}.
 *
 * @param targets     IPv4 addresses, CIDR blocks or first-last ranges, separated by commas or blanks
 * @param windowStart local "HH:mm" or blank (any time)
 * @param firstRun    local "yyyy-MM-ddTHH:mm" or blank (now)
 */
public record JobDraft(Long organizationId, String name, String targets, String profile, Integer ratePerSecond,
		Integer concurrency, String windowStart, String windowEnd, String recurrence, String cron, String firstRun) {
}
