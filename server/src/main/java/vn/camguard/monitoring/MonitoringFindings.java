package vn.camguard.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What other features may ask of network monitoring's findings: the ISP notices read an organisation's findings
 * and record that subscribers were told. Scope checks are the caller's job; this API trusts its organisation id.
 */
public interface MonitoringFindings {

	/** Every finding of the organisation last seen at or after {@code since}, oldest first. */
	List<MonitoredFinding> findingsOf(long organizationId, Instant since);

	/**
	 * Records a notice on findings of the organisation: NEW ones become NOTIFIED; every one named gets the time
	 * and reference. Ids of other organisations are ignored. Returns how many findings were changed.
	 */
	int recordNotice(long organizationId, Collection<Long> findingIds, String noticeReference, Instant at);

	/**
	 * Records that a notice came back undelivered: the findings it was the last notice of are no longer notified
	 * (NOTIFIED ones are NEW again, waiting for a notice that arrives; notice time and reference are cleared), so
	 * that the list does not say their subscriber was told. Findings a later notice covered keep that one. Returns
	 * the ids changed.
	 */
	List<Long> recordBounce(long organizationId, Collection<Long> findingIds, String noticeReference);
}
