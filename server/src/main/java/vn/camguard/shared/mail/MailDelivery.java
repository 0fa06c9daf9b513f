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
			String reason = reason(failed);
			log.warn("mail not sent: {}", reason);
			return new Delivery(Delivery.Outcome.FAILED, reason);
		}
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
