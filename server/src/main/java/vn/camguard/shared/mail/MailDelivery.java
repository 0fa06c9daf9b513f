package vn.camguard.shared.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail over the SMTP server of {@code spring.mail.*}; without one configured the application still runs and
 * every mail comes back {@link Delivery.Outcome#NO_MAIL_SERVER}. Never throws for a mail that could not be sent: the
 * caller records the outcome and may try again.
 */
@Component
public class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	MailDelivery(ObjectProvider<JavaMailSender> sender,
			@Value("${camguard.mail.from:CamGuard <no-reply@camguard.invalid>}") String from) {
		this.sender = sender;
		this.from = from;
	}

	public boolean configured() {
		return sender.getIfAvailable() != null;
	}

	public Delivery send(OutgoingMail mail) {
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp == null) {
			return new Delivery(Delivery.Outcome.NO_MAIL_SERVER, null);
		}
		try {
			MimeMessage message = smtp.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(),
					StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(mail.to());
			// a header is one line: a line break could start a header of its own
			helper.setSubject(mail.subject().replaceAll("[\\r\\n\\p{Cntrl}]+", " "));
			helper.setText(mail.text(), false);
			for (OutgoingMail.Attachment attachment : mail.attachments()) {
				helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
			MimeMessage outgoing = withEnvelopeSender(message, mail.envelopeSender());
			smtp.send(outgoing);
			return new Delivery(Delivery.Outcome.SENT, null, outgoing.getMessageID());
		}
		catch (MailException | MessagingException failed) {
			// the reason goes to the caller's record, shown to those who may read it; the log gets no server text,
			// which names the recipient's address ("550 5.1.1 <x@y.vn>: Recipient address rejected") and may name more
			log.warn("mail not sent for {}: {}", mail.record() == null ? "a record not named" : mail.record(),
					failureKinds(failed));
			return new Delivery(Delivery.Outcome.FAILED, reason(failed));
		}
	}

	/** The exception types from outer to innermost, e.g. {@code MailSendException > SMTPAddressFailedException}. */
	private static String failureKinds(Throwable failed) {
		StringBuilder kinds = new StringBuilder(failed.getClass().getSimpleName());
		Throwable cause = inner(failed);
		for (int depth = 0; depth < 10 && cause != null; depth++) {
			kinds.append(" > ").append(cause.getClass().getSimpleName());
			cause = inner(cause);
		}
		return kinds.toString();
	}

	/** What failed inside: Spring keeps the mail's exception apart, Jakarta Mail chains its own as "next". */
	private static Throwable inner(Throwable failed) {
		Throwable inner = failed.getCause();
		if (failed instanceof MailSendException send && send.getMessageExceptions().length > 0) {
			inner = send.getMessageExceptions()[0];
		}
		else if (failed instanceof MessagingException messaging && messaging.getNextException() != null) {
			inner = messaging.getNextException();
		}
		return inner == failed ? null : inner;
	}

	/**
	 * The envelope sender is per message only on Angus's {@link SMTPMessage} (the session's {@code mail.smtp.from}
	 * would change it for every mail): the built message is copied into one, session and Message-ID included.
	 */
	private static MimeMessage withEnvelopeSender(MimeMessage message, String envelopeSender)
			throws MessagingException {
		if (envelopeSender == null) {
			return message;
		}
		SMTPMessage copy = new SMTPMessage(message);
		copy.setEnvelopeFrom(envelopeSender);
		return copy;
	}

	/** The innermost message, the one that names what the server or the connection said, cut to fit a column. */
	private static String reason(Throwable failed) {
		Throwable cause = failed;
		String message = failed.getMessage();
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
			if (cause.getMessage() != null) {
				message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
			}
		}
		String text = message == null ? failed.getClass().getSimpleName() : message.strip();
		return text.length() > 480 ? text.substring(0, 480) + "…" : text;
	}

}
