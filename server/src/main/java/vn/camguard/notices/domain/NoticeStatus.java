package vn.camguard.notices.domain;

/**
 * Where a notice stands: mailed (the SMTP server took it), failed (refused or unreachable; may be retried), not sent
 * (no mail server configured; may be retried), a letter to print (the subscriber has no e-mail address), or bounced
 * (taken, then returned undelivered by a delivery status notification; may be retried).
 */
public enum NoticeStatus {
	SENT, FAILED, NOT_SENT, LETTER, BOUNCED;

	public boolean retriable() {
		return this == FAILED || this == NOT_SENT || this == BOUNCED;
	}
}
