package vn.camguard.organization.user;

import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A user's e-mail address as typed: one plain address ({@code name@domain}), no display name, no second address,
 * nothing that could become a header line; checked with Jakarta Mail's strict parser rather than a home-made pattern.
 */
final class EmailAddress {

	static final int MAX_LENGTH = 254;

	private EmailAddress() {
	}

	/** The address to keep (domain in lower case), or null when left blank; a problem is added when it is not one. */
	static String clean(String typed, List<UserRuleViolation.Problem> problems) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > MAX_LENGTH || text.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))
				|| text.indexOf(',') >= 0 || text.indexOf('<') >= 0) {
			problems.add(new UserRuleViolation.Problem("email", "email"));
			return text;
		}
		try {
			InternetAddress parsed = new InternetAddress(text, true);
			parsed.validate();
			int at = text.lastIndexOf('@');
			String domain = at < 0 ? "" : text.substring(at + 1);
			if (parsed.getPersonal() != null || !text.equals(parsed.getAddress()) || at < 1 || domain.indexOf('.') < 1
					|| domain.endsWith(".")) {
				problems.add(new UserRuleViolation.Problem("email", "email"));
				return text;
			}
			return text.substring(0, at + 1) + domain.toLowerCase(Locale.ROOT);
		}
		catch (AddressException refused) {
			problems.add(new UserRuleViolation.Problem("email", "email"));
			return text;
		}
	}

	/** For the audit log: enough to see that and roughly how it changed, not the address. */
	static String masked(String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
	}

}
