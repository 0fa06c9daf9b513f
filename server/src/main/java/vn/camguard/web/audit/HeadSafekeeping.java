package vn.camguard.web.audit;

import org.springframework.stereotype.Component;

import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditTrail;

/**
 * The signed head for the page and the API alike: only for readers granted on the province, and
 * every export and check is itself written to the audit log.
 */
@Component
class HeadSafekeeping {

	private final AuditLog log;

	private final AuditTrail trail;

	private final AuditAccess access;

	HeadSafekeeping(AuditLog log, AuditTrail trail, AuditAccess access) {
		this.log = log;
		this.trail = trail;
		this.access = access;
	}

	AuditLog.SignedHead export() {
		access.requireProvinceWide();
		AuditLog.SignedHead head = log.signedHead();
		trail.record("audit.head.export", "audit-head", Long.toString(head.seq()), null, null,
				new HeadAudit(head.seq(), head.hash(), null));
		return head;
	}

	/** @param head as read from the caller's file, or null when it could not be read */
	AuditLog.HeadCheck check(AuditLog.SignedHead head) {
		access.requireProvinceWide();
		AuditLog.HeadCheck check = head == null ? new AuditLog.HeadCheck(false, "unreadable") : log.check(head);
		trail.record("audit.head.verify", "audit-head", head == null ? null : Long.toString(head.seq()), null, null,
				new HeadAudit(head == null ? null : head.seq(), head == null ? null : head.hash(),
						check.matches() ? "match" : check.reason()));
		return check;
	}

	/** What the audit log keeps of a head export or check. */
	record HeadAudit(Long seq, String hash, String result) {
	}

}
