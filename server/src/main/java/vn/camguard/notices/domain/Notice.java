package vn.camguard.notices.domain;

import java.time.Instant;
import java.util.List;

/** A notice to one subscriber and the findings it lists (as they were when it was made). */
public record Notice(long id, long organizationId, String reference, String subscriberCode, String subscriberName,
		String email, String language, NoticeStatus status, String failure, int attempts, Instant createdAt,
		String createdBy, Instant sentAt, List<NoticeFinding> findings) {

	public Notice {
		findings = List.copyOf(findings);
	}

	/** One finding as a notice lists it; title is the device's text. */
	public record NoticeFinding(long findingId, String address, Integer port, String checkId, String severity,
			String title, Instant lastSeen) {
	}

}
