package vn.camguard.shared.mail;

/**
 * What became of one mail: handed to the SMTP server, refused or failed (with the reason as the server or the
 * connection gave it), or not sent because no mail server is configured.
 */
public record Delivery(Outcome outcome, String failure) {

	public enum Outcome {
		SENT, FAILED, NO_MAIL_SERVER
	}

	public boolean sent() {
		return outcome == Outcome.SENT;
	}

}
