package vn.camguard.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Where scan jobs hand what one finished part of a scan saw. Kept inside network monitoring: the job side calls it,
 * the finding side implements it.
 *
 * <p>Idempotent per {@code partKey}: a part recorded twice (a restart after the part finished but before the job knew)
 * changes nothing the second time, so a resumed job neither loses nor doubles a finding.
 */
public interface FindingLedger {

	/**
	 * @param organizationId the organisation whose approved range was scanned
	 * @param partKey        unique name of the job part (e.g. {@code job-12/part-3/run-2026-12-05T01:00Z})
	 * @param firstAddress   first address the part covered (inclusive)
	 * @param lastAddress    last address the part covered (inclusive)
	 * @param checksRun      check ids the part's profile ran; an open finding on a covered address whose check ran
	 *                       and was not seen again becomes FIXED, others are left alone
	 * @param seen           every failed check the part saw
	 * @param at             when the part finished
	 */
	void recordPart(long organizationId, String partKey, String firstAddress, String lastAddress,
			Set<String> checksRun, Collection<ObservedWeakness> seen, Instant at);
}
