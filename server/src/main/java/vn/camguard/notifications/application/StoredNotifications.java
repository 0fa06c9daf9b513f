package vn.camguard.notifications.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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
		String subject = "CamGuard: " + firstLine(notice.textVi(), 150);
		String text = notice.textVi() + "\n\n" + notice.textEn() + "\n\n" + (notice.link() == null ? ""
				: (publicUrl.isEmpty() ? "CamGuard: " + notice.link() : publicUrl + notice.link()) + "\n\n")
				+ "-- \nCamGuard — thư gửi tự động / automatic message\n";
		for (Contact recipient : recipients) {
			Delivery delivery = mail.send(new OutgoingMail(recipient.email(), subject, text, List.of(),
					"notification " + notificationId + ", user " + recipient.userId()));
			transactions.executeWithoutResult(status -> store.recordMail(notificationId, recipient.userId(),
					delivery.outcome().name(), delivery.failure(), now()));
		}
	}

	private static String firstLine(String text, int max) {
		String line = text.replaceAll("[\\r\\n\\p{Cntrl}]+", " ").strip();
		return line.length() <= max ? line : line.substring(0, max - 1) + "…";
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
