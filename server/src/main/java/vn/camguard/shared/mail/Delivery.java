package vn.camguard.shared.mail;

/**
 * What became of one mail: handed to the SMTP server, refused or failed (with the reason as the server or the
 * connection gave it), or not sent because no mail server is configured. A sent mail's Message-ID comes back in a
 * bounce that returns its headers.
 */
public record Delivery(Outcome outcome, String failure, String messageId) {

	public enum Outcome {
		SENT, FAILED, NO_MAIL_SERVER
	}

	public Delivery(Outcome outcome, String failure) {
		this(outcome, failure, null);
	}

	public boolean sent() {
		return outcome == Outcome.SENT;
	}

}
