package vn.camguard.notices.application;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where bounces of notice mails arrive ({@code camguard.notices.bounces.*}): an IMAP or POP3 mailbox read every
 * {@code interval}, and the bounce address whose VERP form each notice is sent from. Without a host the feature is
 * off and the notices page says so. The password is never logged or shown ({@link #toString()} leaves it out).
 *
 * @param protocol imap (default) or pop3
 * @param host the mailbox server; absent = bounces are not read
 * @param port the server's port; absent = the protocol's default
 * @param username the mailbox user
 * @param password the mailbox password
 * @param folder the folder bounces arrive in (IMAP; POP3 has only INBOX)
 * @param tls TLS from the first byte (imaps/pop3s) rather than plain
 * @param address the bounce address, e.g. {@code bounces@isp.example}: each notice goes out with the envelope sender
 *                {@code bounces+<token>@isp.example}; absent = the mail server's default sender, and a bounce is
 *                matched by the Message-ID in the headers it returns
 * @param interval time between two reads of the mailbox
 * @param batch most mails read in one run
 */
@ConfigurationProperties("camguard.notices.bounces")
public record BounceMailbox(String protocol, String host, Integer port, String username, String password,
		String folder, boolean tls, String address, Duration interval, Integer batch) {

	/** A token as the notice's {@code bounce_token} column can hold one. */
	private static final Pattern HEX_TOKEN = Pattern.compile("[0-9a-f]{1,40}");

	public BounceMailbox {
		protocol = protocol == null || protocol.isBlank() ? "imap" : protocol.strip().toLowerCase(Locale.ROOT);
		if (!protocol.equals("imap") && !protocol.equals("pop3")) {
			throw new IllegalArgumentException("camguard.notices.bounces.protocol must be imap or pop3");
		}
		folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
		address = address == null || address.isBlank() ? null : address.strip();
		if (address != null && (address.indexOf('@') < 1 || address.indexOf('+') >= 0)) {
			throw new IllegalArgumentException("camguard.notices.bounces.address must be local@domain without '+'");
		}
		interval = interval == null ? Duration.ofMinutes(5) : interval;
		batch = batch == null || batch <= 0 ? 200 : batch;
	}

	/** Whether bounces are read at all. */
	public boolean configured() {
		return host != null && !host.isBlank();
	}

	/** The store's protocol name in Jakarta Mail. */
	String storeProtocol() {
		return tls ? protocol + "s" : protocol;
	}

	/** The envelope sender of a notice with this token, or null without a bounce address. */
	String envelopeSender(String token) {
		if (address == null) {
			return null;
		}
		int at = address.lastIndexOf('@');
		return address.substring(0, at) + "+" + token + address.substring(at);
	}

	/** The token of a VERP address of ours, or null for any other address. */
	String token(String recipient) {
		if (address == null || recipient == null) {
			return null;
		}
		int at = address.lastIndexOf('@');
		String prefix = (address.substring(0, at) + "+").toLowerCase(Locale.ROOT);
		String suffix = address.substring(at).toLowerCase(Locale.ROOT);
		String candidate = recipient.strip().toLowerCase(Locale.ROOT);
		if (!candidate.startsWith(prefix) || !candidate.endsWith(suffix)
				|| candidate.length() <= prefix.length() + suffix.length()) {
			return null;
		}
		String token = candidate.substring(prefix.length(), candidate.length() - suffix.length());
		// ours are hex digits (SubscriberNotices); anything else is no token of ours, and it is never handed to the
		// database: the address comes from headers any sender writes, and PostgreSQL refuses a query whose text holds
		// a NUL character, which failed the whole read of the mailbox each time the mail was read again
		return HEX_TOKEN.matcher(token).matches() ? token : null;
	}

	@Override
	public String toString() {
		return "BounceMailbox[" + storeProtocol() + "://" + username + "@" + host + ":" + port + "/" + folder
				+ ", address=" + address + ", interval=" + interval + "]";
	}

}
