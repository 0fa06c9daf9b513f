package vn.camguard.notices.domain;

import java.time.Instant;

/**
 * One read of the bounce mailbox: mails read, notices marked bounced, mails that named no notice of ours (or were no
 * delivery status notification), mails that claimed to be one and could not be read as one; or the error that stopped
 * the read (no secret in it).
 */
public record BounceCheck(Instant checkedAt, int read, int bounced, int unmatched, int malformed, String error) {

	public static BounceCheck failed(Instant at, String error) {
		return new BounceCheck(at, 0, 0, 0, 0, error);
	}

}
