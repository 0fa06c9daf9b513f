package vn.camguard.monitoring.job;

import java.time.Duration;
import java.time.Instant;

/**
 * The latest run of a job, summed over its parts.
 *
 * @param hostsPerSecond addresses finished per second since the run started
 * @param remaining      estimated time left at that rate, null when unknown or done
 */
public record JobProgress(long jobId, int runNumber, String runStatus, String refusal, int parts, int partsDone,
		long hostsTotal, long hostsDone, long devicesFound, long weaknessesSeen, Instant startedAt, Instant finishedAt,
		double hostsPerSecond, Duration remaining) {

	public static JobProgress none(long jobId) {
		return new JobProgress(jobId, 0, "NONE", null, 0, 0, 0, 0, 0, 0, null, null, 0, null);
	}

	public int percent() {
		return hostsTotal == 0 ? 0 : (int) Math.min(100, hostsDone * 100 / hostsTotal);
	}

	public boolean active() {
		return "RUNNING".equals(runStatus);
	}

	/** Whole seconds left, or -1 when unknown. */
	public long remainingSeconds() {
		return remaining == null ? -1 : remaining.toSeconds();
	}

}
