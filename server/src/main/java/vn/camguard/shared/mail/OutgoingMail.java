package vn.camguard.shared.mail;

import java.util.List;

/**
 * A plain-text e-mail to one recipient, with attachments. Plain text on purpose: nothing a device sent can become
 * markup in a mail client.
 */
public record OutgoingMail(String to, String subject, String text, List<Attachment> attachments) {

	public OutgoingMail {
		attachments = List.copyOf(attachments);
	}

	/** A file sent with the mail. */
	public record Attachment(String fileName, String contentType, byte[] content) {
	}

}
