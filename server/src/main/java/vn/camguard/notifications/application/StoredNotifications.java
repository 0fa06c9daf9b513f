package vn.camguard.notifications.application;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.notifications.Notice;
import vn.camguard.notifications.Notifications;
import vn.camguard.notifications.persistence.NotificationStore;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UserContacts;
import vn.camguard.organization.UserContacts.Contact;
import vn.camguard.shared.mail.Delivery;
import vn.camguard.shared.mail.MailDelivery;
import vn.camguard.shared.mail.OutgoingMail;

@Service
class StoredNotifications implements Notifications {

	/** How long a mail may stay pending or being sent before it counts as left by an instance that stopped. */
	private static final Duration STALE = Duration.ofMinutes(15);

	/** Bounds one run's retries, so that a mail server down for long does not hold the run for hours. */
	private static final int RETRIES_PER_RUN = 500;

	private final NotificationStore store;

	private final UserContacts contacts;

	private final MailDelivery mail;

	private final TransactionTemplate transactions;

	private final String publicUrl;

	StoredNotifications(NotificationStore store, UserContacts contacts, MailDelivery mail,
			PlatformTransactionManager transactionManager, @Value("${camguard.public-url:}") String publicUrl) {
		this.store = store;
		this.contacts = contacts;
		this.mail = mail;
		// outcomes are written after the notification's transaction committed: in a transaction of their own
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@Override
	public long toUnit(long unitId, Notice notice, Permission mailTo) {
		long id = store.insert(unitId, null, notice, now());
		mailAfterCommit(id, notice, contacts.withPermissionOn(mailTo, unitId));
		return id;
	}

	@Override
	public long toUser(long userId, Notice notice) {
		long id = store.insert(null, userId, notice, now());
		mailAfterCommit(id, notice, contacts.byId(userId).stream().toList());
		return id;
	}

	private void mailAfterCommit(long notificationId, Notice notice, List<Contact> recipients) {
		List<Contact> withAddress = recipients.stream().filter(c -> c.email() != null && !c.email().isBlank()).toList();
		if (withAddress.isEmpty()) {
			return;
		}
		// noted with the notification, so that a mail the instance never got to send is still owed afterwards
		OffsetDateTime now = now();
		withAddress.forEach(recipient -> store.pendingMail(notificationId, recipient.userId(), now));
		Runnable send = () -> send(notificationId, notice, withAddress);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send.run();
				}
			});
		}
		else {
			send.run();
		}
	}

	private void send(long notificationId, Notice notice, List<Contact> recipients) {
		for (Contact recipient : recipients) {
			mail(notificationId, notice, recipient);
		}
	}

	/**
	 * Sends one mail and records its outcome; the outcome's name, e.g. {@code SENT} or {@code FAILED}. Never throws
	 * for a mail not sent: the failure is recorded, for the user to see and a later run to try again.
	 */
	String mail(long notificationId, Notice notice, Contact recipient) {
		String subject = "CamGuard: " + firstLine(notice.textVi(), 150);
		String text = notice.textVi() + "\n\n" + notice.textEn() + "\n\n" + (notice.link() == null ? ""
				: (publicUrl.isEmpty() ? "CamGuard: " + notice.link() : publicUrl + notice.link()) + "\n\n")
				+ "-- \nCamGuard — thư gửi tự động / automatic message\n";
		Delivery delivery = mail.send(new OutgoingMail(recipient.email(), subject, text, List.of(),
				"notification " + notificationId + ", user " + recipient.userId()));
		transactions.executeWithoutResult(status -> store.recordMail(notificationId, recipient.userId(),
				delivery.outcome().name(), delivery.failure(), now()));
		return delivery.outcome().name();
	}

	/** What a retry pass did: mails sent now, and those that failed again. */
	record Retried(int sent, int failed) {
	}

	/**
	 * Tries again the reminder mails still owed (failed, or left pending by an instance that stopped), each claimed
	 * first so that two runs at once do not both send it; a mail once sent is never owed again.
	 */
	Retried retryOwedReminderMails(LocalDate today, int maxAttempts) {
		int sent = 0;
		int failed = 0;
		OffsetDateTime staleBefore = now().minus(STALE);
		for (NotificationStore.OwedMail owed : store.owedReminderMails(today, staleBefore, maxAttempts, RETRIES_PER_RUN)) {
			if (!store.claimOwedMail(owed.notificationId(), owed.userId(), staleBefore, now())) {
				continue;
			}
			Optional<Contact> recipient = contacts.byId(owed.userId())
				.filter(c -> c.email() != null && !c.email().isBlank());
			if (recipient.isEmpty()) {
				// disabled since, or the address removed: nobody to mail any more
				transactions.executeWithoutResult(status -> store.recordMail(owed.notificationId(), owed.userId(),
						"NO_ADDRESS", null, now()));
				continue;
			}
			if ("SENT".equals(mail(owed.notificationId(), owed.notice(), recipient.get()))) {
				sent++;
			}
			else {
				failed++;
			}
		}
		return new Retried(sent, failed);
	}

	private static String firstLine(String text, int max) {
		String line = text.replaceAll("[\\r\\n\\p{Cntrl}]+", " ").strip();
		return line.length() <= max ? line : line.substring(0, max - 1) + "…";
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
