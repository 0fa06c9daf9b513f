package vn.camguard.monitoring;

import java.time.Instant;
import java.util.Collection;

/**
 * Where scan jobs hand the devices one finished part found. Idempotent per {@code partKey} like the
 * {@link FindingLedger}: a part recorded again (a restart, a dead instance's part run by another) changes nothing.
 */
public interface DeviceSightings {

	/**
	 * @param organizationId the organisation whose approved range was scanned
	 * @param jobId          the job the part belongs to
	 * @param partKey        unique name of the job part
	 * @param devices        every device that answered in the part
	 * @param at             when the part finished
	 */
	void recordPart(long organizationId, long jobId, String partKey, Collection<SeenDevice> devices, Instant at);

}
