package vn.camguard.schedule;

import java.time.Instant;

/** Plans instances of {@link OneTimeWork}; each planned instance runs once across all server instances. */
public interface WorkPlanner {

	/**
	 * Plans {@code work} to run at {@code at} with {@code data}, unless an instance of that id is already planned
	 * or running (then nothing changes, so planning twice is harmless).
	 *
	 * @return whether a new instance was planned
	 */
	boolean plan(String work, String instanceId, String data, Instant at);

	/**
	 * Moves a planned instance that is not running now to {@code at} (sooner, typically: its turn came); answers
	 * false, changing nothing, when there is no such instance or it is running at the moment.
	 */
	boolean bringForward(String work, String instanceId, Instant at);

	/** Whether an instance is planned or running (not yet finished); false while the scheduler is not running. */
	boolean planned(String work, String instanceId);

	/** Drops a planned instance that has not started; answers whether there was one. */
	boolean drop(String work, String instanceId);

}
