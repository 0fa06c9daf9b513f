package vn.camguard.shared.mail;

import java.util.List;

/**
 * A plain-text e-mail to one recipient, with attachments. Plain text on purpose: nothing a device sent can become
 * markup in a mail client.
 *
 * @param envelopeSender the SMTP envelope sender (where bounces go), or null for the mail server's default
 */
public record OutgoingMail(String to, String subject, String text, List<Attachment> attachments,
		String envelopeSender) {

	public OutgoingMail {
		attachments = List.copyOf(attachments);
	}

	public OutgoingMail(String to, String subject, String text, List<Attachment> attachments) {
		this(to, subject, text, attachments, null);
	}

	/** A file sent with the mail. */
	public record Attachment(String fileName, String contentType, byte[] content) {
	}

}
