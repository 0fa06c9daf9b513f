package vn.camguard.notices.domain;

import java.time.Instant;
import java.util.List;

/**
 * A notice to one subscriber and the findings it lists (as they were when it was made); {@code bounce} is what the
 * returned delivery status notification said of its recipient, or null.
 */
public record Notice(long id, long organizationId, String reference, String subscriberCode, String subscriberName,
		String email, String language, NoticeStatus status, String failure, int attempts, Instant createdAt,
		String createdBy, Instant sentAt, Bounce bounce, List<NoticeFinding> findings) {

	public Notice {
		findings = List.copyOf(findings);
	}

	/** One finding as a notice lists it; title is the device's text. */
	public record NoticeFinding(long findingId, String address, Integer port, String checkId, String severity,
			String title, Instant lastSeen) {
	}

	/**
	 * A returned notice, as its delivery status notification (RFC 3464) told it; all text from a foreign mail server.
	 *
	 * @param recipient the recipient the DSN reports as failed
	 * @param status the DSN's status code, e.g. 5.1.1
	 * @param diagnostic the remote server's diagnostic text, or null
	 * @param at when the bounce was read
	 */
	public record Bounce(String recipient, String status, String diagnostic, Instant at) {
	}

}
