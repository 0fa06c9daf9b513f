package vn.camguard.shared.mail;

import java.util.List;

/**
 * A plain-text e-mail to one recipient, with attachments. Plain text on purpose: nothing a device sent can become
 * markup in a mail client.
 *
 * @param record         what the mail is sent for, as the log may name it (e.g. {@code notification 42, user 7}):
 *                       record ids, never an address; null when the caller names none
 * @param envelopeSender the SMTP envelope sender (where bounces go), or null for the mail server's default
 */
public record OutgoingMail(String to, String subject, String text, List<Attachment> attachments, String record,
		String envelopeSender) {

	public OutgoingMail {
		attachments = List.copyOf(attachments);
	}

	public OutgoingMail(String to, String subject, String text, List<Attachment> attachments) {
		this(to, subject, text, attachments, null, null);
	}

	public OutgoingMail(String to, String subject, String text, List<Attachment> attachments, String record) {
		this(to, subject, text, attachments, record, null);
	}

	/** A file sent with the mail. */
	public record Attachment(String fileName, String contentType, byte[] content) {
	}

}
