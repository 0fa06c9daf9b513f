package vn.camguard.notices.application;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.audit.AuditTrail;
import vn.camguard.monitoring.MonitoringFindings;
import vn.camguard.notices.domain.Notice;
import vn.camguard.notices.domain.NoticePlan;
import vn.camguard.notices.domain.NoticeStatus;
import vn.camguard.notices.domain.SubscriberFindings;
import vn.camguard.notices.persistence.Notices;
import vn.camguard.notices.persistence.SubscriberMappings;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.shared.mail.Delivery;
import vn.camguard.shared.mail.MailDelivery;
import vn.camguard.shared.mail.OutgoingMail;

/**
 * Notices to an ISP's subscribers: the plan (open findings per subscriber), a notice per subscriber saved with the
 * findings it lists, mailed with its letter attached (or left as a letter to print when the subscriber has no
 * e-mail), the outcome kept on the notice and, once the subscriber is told, on each finding. A failed or unsent
 * notice is retried as it was made. Each notice is built from its own subscriber's group only.
 */
@Service
public class SubscriberNotices {

	/** Notices shown on the page. */
	private static final int LATEST = 200;

	private final NoticeScope scope;

	private final SubscriberMappings mappings;

	private final MonitoringFindings findings;

	private final Notices notices;

	private final NoticeWriting writing;

	private final MailDelivery mail;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final BounceMailbox bounceMailbox;

	private final SecureRandom random = new SecureRandom();

	SubscriberNotices(NoticeScope scope, SubscriberMappings mappings, MonitoringFindings findings, Notices notices,
			NoticeWriting writing, MailDelivery mail, AuditTrail audit, TransactionTemplate transaction,
			BounceMailbox bounceMailbox) {
		this.bounceMailbox = bounceMailbox;
		this.scope = scope;
		this.mappings = mappings;
		this.findings = findings;
		this.notices = notices;
		this.writing = writing;
		this.mail = mail;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** What a send would do now (403 outside the caller's scope). */
	public NoticePlan plan(long organizationId) {
		UnitRef organization = scope.require(organizationId);
		return NoticePlan.of(mappings.mapping(organization.id()), findings.findingsOf(organization.id(), Instant.EPOCH),
				writing.zone(), Instant.now());
	}

	public List<Notice> latest(long organizationId) {
		return notices.latest(scope.require(organizationId).id(), LATEST);
	}

	/** The organisation's bounced notices, newest first, for the subscriber page. */
	public List<Notice> bounced(long organizationId) {
		return notices.bounced(scope.require(organizationId).id(), LATEST);
	}

	public java.time.ZoneId zone() {
		return writing.zone();
	}

	public boolean mailConfigured() {
		return mail.configured();
	}

	/** The mail text a subscriber would get now, for the preview. */
	public String previewText(long organizationId, SubscriberFindings group) {
		UnitRef organization = scope.require(organizationId);
		Notice draft = draft(organization.id(), group);
		return writing.subject(draft, organization.name()) + "\n\n" + writing.mailText(draft, organization.name());
	}

	/** A notice to each named subscriber (every subscriber with open findings when none is named); their ids. */
	public List<Long> send(long organizationId, List<String> subscriberCodes) {
		UnitRef organization = scope.require(organizationId);
		NoticePlan plan = plan(organization.id());
		String by = scope.username();
		List<Long> sent = new ArrayList<>();
		for (SubscriberFindings group : plan.subscribers()) {
			if (subscriberCodes.isEmpty() || subscriberCodes.contains(group.subscriber().subscriberCode())) {
				NoticeStatus initial = group.subscriber().email() == null ? NoticeStatus.LETTER : NoticeStatus.NOT_SENT;
				Instant now = Instant.now();
				long id = transaction.execute(tx -> {
					long created = notices.insert(organization.id(), referencePrefix(organization, now), group,
							initial, by, now);
					audit.record("notice.create", "subscriber-notice", Long.toString(created), organization.id(), null,
							Map.of("subscriber", group.subscriber().subscriberCode(), "findings",
									group.findings().size(), "status", initial.name()));
					if (initial == NoticeStatus.LETTER) {
						// no e-mail: the printed letter is the notice
						findings.recordNotice(organization.id(), ids(notices.find(created).orElseThrow()),
								notices.find(created).orElseThrow().reference(), now);
					}
					return created;
				});
				if (initial != NoticeStatus.LETTER) {
					deliver(organization, id);
				}
				sent.add(id);
			}
		}
		return sent;
	}

	/**
	 * Tries a failed, unsent or bounced notice again, to the address the subscriber mapping names for the subscriber
	 * today when it names another one (so a corrected mapping is used); refused (409) for one already sent or printed.
	 */
	public Notice retry(long noticeId) {
		Notice notice = notices.find(noticeId).orElseThrow(() -> new NotFound("notice " + noticeId));
		UnitRef organization = scope.require(notice.organizationId());
		if (!notice.status().retriable()) {
			throw new NotRetriable(notice.reference());
		}
		String address = currentAddress(organization.id(), notice);
		transaction.executeWithoutResult(tx -> {
			if (address != null && !address.equals(notice.email())) {
				notices.readdressed(noticeId, address);
			}
			Map<String, Object> before = new java.util.LinkedHashMap<>();
			before.put("status", notice.status().name());
			before.put("email", String.valueOf(notice.email()));
			audit.record("notice.retry", "subscriber-notice", Long.toString(noticeId), organization.id(), before,
					Map.of("email", String.valueOf(address)));
		});
		deliver(organization, noticeId);
		return notices.find(noticeId).orElseThrow();
	}

	/** The notice, once the caller is known to reach its organisation. */
	public Notice notice(long noticeId) {
		Notice notice = notices.find(noticeId).orElseThrow(() -> new NotFound("notice " + noticeId));
		scope.require(notice.organizationId());
		return notice;
	}

	/** The printable letter of a notice, in the subscriber's language. */
	public byte[] letter(long noticeId) {
		Notice notice = notice(noticeId);
		UnitRef organization = scope.require(notice.organizationId());
		return writing.letter(notice, organization.name(), LocalDate.ofInstant(notice.createdAt(), writing.zone()))
			.toPdf();
	}

	/** The subscriber's address in today's mapping, else the one the notice was made with. */
	private String currentAddress(long organizationId, Notice notice) {
		LocalDate today = LocalDate.now(writing.zone());
		return mappings.mapping(organizationId)
			.entries()
			.stream()
			.filter(entry -> entry.subscriberCode().equals(notice.subscriberCode()) && entry.validOn(today)
					&& entry.email() != null)
			.map(entry -> entry.email())
			.findFirst()
			.orElse(notice.email());
	}

	private void deliver(UnitRef organization, long noticeId) {
		Notice notice = notices.find(noticeId).orElseThrow();
		byte[] letter = writing.letter(notice, organization.name(),
				LocalDate.ofInstant(notice.createdAt(), writing.zone())).toPdf();
		// names this attempt in a bounce that comes back to the VERP envelope sender
		String token = HexFormat.of().formatHex(bytes(16));
		Delivery delivery = mail.send(new OutgoingMail(notice.email(), writing.subject(notice, organization.name()),
				writing.mailText(notice, organization.name()),
				List.of(new OutgoingMail.Attachment(notice.reference() + ".pdf", "application/pdf", letter)),
				"subscriber notice " + noticeId, bounceMailbox.envelopeSender(token)));
		NoticeStatus status = switch (delivery.outcome()) {
			case SENT -> NoticeStatus.SENT;
			case FAILED -> NoticeStatus.FAILED;
			case NO_MAIL_SERVER -> NoticeStatus.NOT_SENT;
		};
		Instant now = Instant.now();
		transaction.executeWithoutResult(tx -> {
			notices.attempted(noticeId, status, delivery.failure(), delivery.sent() ? now : null,
					delivery.messageId(), delivery.sent() ? token : null);
			audit.record("notice.delivery", "subscriber-notice", Long.toString(noticeId), organization.id(), null,
					Map.of("status", status.name()));
			if (delivery.sent()) {
				findings.recordNotice(organization.id(), ids(notice), notice.reference(), now);
			}
		});
	}

	private Notice draft(long organizationId, SubscriberFindings group) {
		return new Notice(0, organizationId, "—", group.subscriber().subscriberCode(),
				group.subscriber().subscriberName(), group.subscriber().email(), group.subscriber().language(),
				NoticeStatus.NOT_SENT, null, 0, Instant.now(), scope.username(), null, null,
				group.findings()
					.stream()
					.map(f -> new Notice.NoticeFinding(f.id(), f.address(), f.port(), f.checkId(), f.severity(),
							f.title(), f.lastSeen()))
					.toList());
	}

	private byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

	private static List<Long> ids(Notice notice) {
		return notice.findings().stream().map(Notice.NoticeFinding::findingId).toList();
	}

	private String referencePrefix(UnitRef organization, Instant at) {
		return "TB-" + organization.code().toUpperCase(Locale.ROOT) + "-"
				+ LocalDate.ofInstant(at, writing.zone()).getYear();
	}

	/** A notice already mailed or printed is not sent again. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
	public static final class NotRetriable extends RuntimeException {

		NotRetriable(String reference) {
			super(reference);
		}

	}

}
