package vn.camguard.notices.application;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.eclipse.angus.mail.dsn.Report;

/**
 * A delivery status notification (RFC 3464) as Angus Mail reads it: the addresses it was delivered to (a VERP
 * envelope sender of ours is among them), the Message-ID of the mail it returns (when it returns its headers), and
 * each recipient it reports as failed. Every value is a foreign server's text, cut to its column and stripped of
 * control characters.
 */
record DeliveryReport(Set<String> deliveredTo, String returnedMessageId, List<Failed> failed) {

	private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+");

	/** A recipient the report says could not be delivered to. */
	record Failed(String recipient, String originalRecipient, String status, String diagnostic) {
	}

	/** A mail that says it is a delivery report and is not one that can be read. */
	static final class Malformed extends Exception {

		Malformed(String reason, Throwable cause) {
			super(reason, cause);
		}

	}

	/**
	 * The report, or null for a mail that is no delivery status notification at all (a reply, spam, a read receipt).
	 */
	static DeliveryReport read(Message message) throws Malformed {
		try {
			if (!message.isMimeType("multipart/report")) {
				return null;
			}
			String reportType = new ContentType(message.getContentType()).getParameter("report-type");
			if (reportType != null && !reportType.equalsIgnoreCase("delivery-status")) {
				return null;
			}
			Object content = message.getContent();
			MultipartReport multipart = content instanceof MultipartReport report ? report
					: new MultipartReport(message.getDataHandler().getDataSource());
			Report report = multipart.getReport();
			if (!(report instanceof DeliveryStatus status)) {
				throw new Malformed("no message/delivery-status part", null);
			}
			List<Failed> failed = new ArrayList<>();
			for (int i = 0; i < status.getRecipientDSNCount(); i++) {
				InternetHeaders fields = status.getRecipientDSN(i);
				if ("failed".equalsIgnoreCase(strip(fields.getHeader("Action", null)))) {
					String code = strip(fields.getHeader("Status", null));
					failed.add(new Failed(address(fields.getHeader("Final-Recipient", null)),
							address(fields.getHeader("Original-Recipient", null)),
							code != null && STATUS.matcher(code).matches() ? code : null,
							text(fields.getHeader("Diagnostic-Code", null), 480)));
				}
			}
			MimeMessage returned = multipart.getReturnedMessage();
			String messageId = returned == null ? null : text(returned.getMessageID(), 300);
			return new DeliveryReport(deliveredTo(message), messageId, failed);
		}
		catch (MessagingException | IOException | RuntimeException unreadable) {
			throw new Malformed(unreadable.getClass().getSimpleName(), unreadable);
		}
	}

	/** The addresses the report came to: its To, and the headers mail servers add with the envelope recipient. */
	private static Set<String> deliveredTo(Message message) throws MessagingException {
		Set<String> addresses = new LinkedHashSet<>();
		Address[] to = message.getRecipients(Message.RecipientType.TO);
		if (to != null) {
			for (Address address : to) {
				if (address instanceof InternetAddress internet && internet.getAddress() != null) {
					addresses.add(internet.getAddress());
				}
			}
		}
		for (String header : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
			String[] values = message.getHeader(header);
			if (values != null) {
				for (String value : values) {
					addresses.add(value.strip().replaceAll("^<|>$", ""));
				}
			}
		}
		return addresses;
	}

	/** {@code rfc822; someone@example.org} as the address alone. */
	private static String address(String field) {
		String value = strip(field);
		if (value == null) {
			return null;
		}
		int semicolon = value.indexOf(';');
		String address = (semicolon >= 0 ? value.substring(semicolon + 1) : value).strip();
		return address.isEmpty() ? null : text(address.toLowerCase(Locale.ROOT), 254);
	}

	private static String strip(String value) {
		return value == null ? null : CONTROL.matcher(value).replaceAll(" ").strip();
	}

	private static String text(String value, int max) {
		String text = strip(value);
		if (text == null || text.isEmpty()) {
			return null;
		}
		// the ellipsis counts: the value goes into a column of exactly max characters, and one that does not fit
		// fails the bounce's update, and with it the whole read of the mailbox, every time the mail is read again
		return text.length() > max ? text.substring(0, max - 1) + "…" : text;
	}

}
