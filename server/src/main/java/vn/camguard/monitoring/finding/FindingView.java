package vn.camguard.monitoring.finding;

import java.time.Duration;
import java.time.Instant;

import vn.camguard.monitoring.FindingStatus;
import vn.camguard.monitoring.MonitoredFinding;
import vn.camguard.products.RequirementGroups;

/**
 * A finding as the findings pages, API and exports show it: the stored finding with its organisation's code and
 * name, who set its status and why, and what it means now: an accepted risk past its expiry is open again, and an
 * open finding past its severity's days to fix is overdue. {@code title} and {@code evidence} are a device's text.
 */
public record FindingView(MonitoredFinding finding, String unitCode, String unitName, String statusReason,
		String statusBy, Instant statusUntil, Instant verifiedAt, Instant dueAt, boolean open, boolean overdue) {

	/** Builds the view at {@code now} with the SLA in force. */
	static FindingView of(MonitoredFinding finding, String unitCode, String unitName, String statusReason,
			String statusBy, Instant statusUntil, Instant verifiedAt, FindingSla sla, Instant now) {
		boolean open = finding.status().open(statusUntil, now);
		Duration days = sla.daysToFix(Severity.parse(finding.severity()));
		Instant due = days == null ? null : finding.firstSeen().plus(days);
		boolean overdue = open && due != null && due.isBefore(now);
		return new FindingView(finding, unitCode, unitName, statusReason, statusBy, statusUntil, verifiedAt, due, open,
				overdue);
	}

	/**
	 * The view with the requirement group the catalogue in force gives its check, when the scan side stored none; a
	 * group stored with the finding (the catalogue in force when it was found) is kept.
	 */
	FindingView withGroupFrom(RequirementGroups.CheckGroups groups) {
		String label = groups.label(finding.checkId());
		if (finding.requirementGroup() != null || label == null) {
			return this;
		}
		var f = finding;
		return new FindingView(new MonitoredFinding(f.id(), f.organizationId(), f.address(), f.port(), f.checkId(),
				f.severity(), f.title(), f.evidence(), label, f.status(), f.firstSeen(), f.lastSeen(), f.timesSeen(),
				f.notifiedAt(), f.noticeReference(), f.fixedAt(), f.statusUntil()), unitCode, unitName, statusReason, statusBy,
				statusUntil, verifiedAt, dueAt, open, overdue);
	}

	public long id() {
		return finding.id();
	}

	/** The state a filter would put it in. */
	public FindingState state() {
		if (finding.status() == FindingStatus.ACCEPTED_RISK && open) {
			return FindingState.RISK_EXPIRED;
		}
		return FindingState.valueOf(finding.status().name());
	}

	/** address:port, or the address alone when no port is known. */
	public String location() {
		return finding.port() == null ? finding.address() : finding.address() + ":" + finding.port();
	}

}
