package vn.camguard.notices.application;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.audit.AuditTrail;
import vn.camguard.monitoring.MonitoringFindings;
import vn.camguard.notices.domain.BounceCheck;
import vn.camguard.notices.domain.Notice;
import vn.camguard.notices.persistence.BounceChecks;
import vn.camguard.notices.persistence.Notices;

/**
 * Reads the bounce mailbox: each delivery status notification is matched to the notice it returns (by the token of
 * the VERP envelope sender it came back to, else by the Message-ID of the headers it returns, and in that case only
 * for the notice's own recipient), and that notice is marked bounced and its findings no longer notified, audited. Every mail read is then marked
 * (IMAP: seen, and only unseen mails are read; POP3: deleted), so none is read twice; a mail that is no report of
 * ours or cannot be read is counted and skipped. Run by the scheduler; nothing here needs a signed-in user.
 */
@Service
public class NoticeBounces {

	private static final Logger log = LoggerFactory.getLogger(NoticeBounces.class);

	/** Who the audit names for a bounce: no user, the recurring check. */
	private static final String ACTOR = "scheduler";

	private final BounceMailbox mailbox;

	private final Notices notices;

	private final BounceChecks checks;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final MonitoringFindings findings;

	NoticeBounces(BounceMailbox mailbox, Notices notices, BounceChecks checks, AuditTrail audit,
			TransactionTemplate transaction, MonitoringFindings findings) {
		this.mailbox = mailbox;
		this.notices = notices;
		this.checks = checks;
		this.audit = audit;
		this.transaction = transaction;
		this.findings = findings;
	}

	public boolean configured() {
		return mailbox.configured();
	}

	/** The last read of the mailbox, by whichever instance ran it. */
	public Optional<BounceCheck> lastCheck() {
		return checks.last();
	}

	/** Reads the mailbox once (nothing when no mailbox is configured) and keeps what it found for the page. */
	public Optional<BounceCheck> check() {
		if (!mailbox.configured()) {
			return Optional.empty();
		}
		BounceCheck check;
		try {
			check = read();
		}
		catch (MessagingException | RuntimeException failed) {
			// the server's own words (never the password, which is not part of any message here)
			String reason = failed.getClass().getSimpleName()
					+ (failed.getMessage() == null ? "" : ": " + failed.getMessage().strip());
			check = BounceCheck.failed(Instant.now(), reason.length() > 480 ? reason.substring(0, 480) + "…" : reason);
			log.warn("bounce mailbox not read: {}", check.error());
		}
		checks.save(check);
		if (check.read() > 0) {
			log.info("bounce mailbox: {} mails read, {} notices bounced, {} unmatched, {} malformed", check.read(),
					check.bounced(), check.unmatched(), check.malformed());
		}
		return Optional.of(check);
	}

	private BounceCheck read() throws MessagingException {
		Session session = Session.getInstance(properties());
		boolean pop3 = mailbox.protocol().equals("pop3");
		int read = 0;
		int bounced = 0;
		int unmatched = 0;
		int malformed = 0;
		try (Store store = session.getStore(mailbox.storeProtocol())) {
			store.connect(mailbox.host(), mailbox.port() == null ? -1 : mailbox.port(), mailbox.username(),
					mailbox.password());
			Folder folder = store.getFolder(pop3 ? "INBOX" : mailbox.folder());
			folder.open(Folder.READ_WRITE);
			boolean expunge = false;
			try {
				Message[] waiting = pop3 ? folder.getMessages()
						: folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				Message[] batch = Arrays.copyOf(waiting, Math.min(waiting.length, mailbox.batch()));
				for (Message message : batch) {
					read++;
					try {
						DeliveryReport report = DeliveryReport.read(message);
						if (report != null && apply(report)) {
							bounced++;
						}
						else {
							unmatched++;
						}
					}
					catch (DeliveryReport.Malformed bad) {
						malformed++;
						log.debug("bounce mailbox: unreadable report skipped ({})", bad.getMessage());
					}
					// marked only once its bounce is committed: a crash in between reads it again, and the notice,
					// no longer sent, is not bounced twice
					if (pop3) {
						message.setFlag(Flags.Flag.DELETED, true);
						expunge = true;
					}
					else {
						message.setFlag(Flags.Flag.SEEN, true);
					}
				}
			}
			finally {
				folder.close(expunge);
			}
		}
		return new BounceCheck(Instant.now(), read, bounced, unmatched, malformed, null);
	}

	/** Marks the notice the report returns bounced; false when it names none of ours, or none still sent. */
	private boolean apply(DeliveryReport report) {
		if (report.failed().isEmpty()) {
			// delayed, relayed or delivered: not a bounce
			return false;
		}
		Optional<Notice> byToken = report.deliveredTo()
			.stream()
			.map(mailbox::token)
			.filter(token -> token != null && !token.isBlank())
			.map(notices::byBounceToken)
			.flatMap(Optional::stream)
			.findFirst();
		Optional<Notice> notice = byToken.isPresent() || report.returnedMessageId() == null ? byToken
				: notices.byMessageId(report.returnedMessageId());
		if (notice.isEmpty()) {
			return false;
		}
		Notice found = notice.get();
		Optional<DeliveryReport.Failed> failed = report.failed()
			.stream()
			.filter(f -> found.email() != null && (found.email().equalsIgnoreCase(f.recipient())
					|| found.email().equalsIgnoreCase(f.originalRecipient())))
			.findFirst();
		if (failed.isEmpty() && byToken.isPresent() && report.failed().size() == 1) {
			// the envelope sender names the notice by itself; the recipient may be the one a forward ended at
			failed = Optional.of(report.failed().getFirst());
		}
		if (failed.isEmpty()) {
			return false;
		}
		DeliveryReport.Failed recipient = failed.get();
		Notice.Bounce bounce = new Notice.Bounce(recipient.recipient(), recipient.status(), recipient.diagnostic(),
				Instant.now());
		return Boolean.TRUE.equals(transaction.execute(tx -> {
			if (!notices.bounced(found.id(), bounce)) {
				return false;
			}
			// the subscriber was not told: its findings must not show as notified, so that the notice is sent again
			List<Long> unnotified = findings.recordBounce(found.organizationId(),
					found.findings().stream().map(Notice.NoticeFinding::findingId).toList(), found.reference());
			audit.recordFor(ACTOR, "notice.bounce", "subscriber-notice", Long.toString(found.id()),
					found.organizationId(), Map.of("status", found.status().name()),
					Map.of("status", "BOUNCED", "recipient", String.valueOf(bounce.recipient()), "code",
							String.valueOf(bounce.status()), "findingsNoLongerNotified", unnotified));
			return true;
		}));
	}

	private Properties properties() {
		String protocol = mailbox.storeProtocol();
		Properties properties = new Properties();
		// bounded: a mailbox that does not answer cannot hold the scheduler's thread
		properties.setProperty("mail." + protocol + ".connectiontimeout", "15000");
		properties.setProperty("mail." + protocol + ".timeout", "30000");
		properties.setProperty("mail." + protocol + ".writetimeout", "30000");
		if (mailbox.tls()) {
			properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
		}
		return properties;
	}

}
