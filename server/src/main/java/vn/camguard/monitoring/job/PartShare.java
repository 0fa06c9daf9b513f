package vn.camguard.monitoring.job;

/**
 * A job's rate and concurrency shared among the parts it may scan at once across all server instances: at most
 * {@code parts} parts scan together, each with its share, so that together they never exceed the job's limits however
 * many instances take its parts.
 *
 * @param parts           parts of the job that may scan at the same time (cluster-wide)
 * @param concurrency     devices one part scans at once
 * @param ratePerSecond   new connections per second of one part, 0 = unlimited
 */
record PartShare(int parts, int concurrency, int ratePerSecond) {

	/**
	 * @param jobConcurrency devices the job may scan at once (at least 1)
	 * @param jobRate        the job's new connections per second, 0 = unlimited
	 * @param maxParts       the platform's cap on a job's parts at once (setting)
	 */
	static PartShare of(int jobConcurrency, int jobRate, int maxParts) {
		int parts = Math.max(1, Math.min(maxParts, Math.max(1, jobConcurrency)));
		if (jobRate > 0) {
			// a part's rate is at least one connection a second, so never more parts than the rate allows
			parts = Math.min(parts, jobRate);
		}
		return new PartShare(parts, Math.max(1, jobConcurrency / parts), jobRate > 0 ? jobRate / parts : 0);
	}

}
