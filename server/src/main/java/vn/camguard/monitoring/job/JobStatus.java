package vn.camguard.monitoring.job;

/** A job waiting for its next run, running, finished (a one-time job after its run), cancelled, or refused (its
 * targets were not inside approved, unexpired ranges when it was due). */
public enum JobStatus {
	SCHEDULED, RUNNING, FINISHED, CANCELLED, REFUSED
}
