package vn.camguard.organization.user;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for a password a person chooses (at least 12 characters, not the user name, not a
 * well-known password), and the generator of one-time random passwords.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = Set.of("123456789012", "1234567890123", "password1234", "passw0rd1234",
			"qwertyuiop12", "qwerty123456", "admin1234567", "administrator", "matkhau12345", "matkhau123456",
			"abc123456789", "111111111111", "000000000000", "iloveyou1234", "camguard1234", "camguard12345",
			"thainguyen123", "vietnam12345", "hikvision123", "changeme1234", "welcome12345", "letmein12345");

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private PasswordPolicy() {
	}

	/** The broken rules (message key suffixes under {@code user.error.}); empty when acceptable. */
	public static List<String> check(String username, String password) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			problems.add("password-short");
			return problems;
		}
		if (password.length() > MAX_LENGTH) {
			problems.add("password-long");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
			problems.add("password-username");
		}
		if (COMMON.contains(lower)) {
			problems.add("password-common");
		}
		return problems;
	}

	/** A random 20-character password (about 116 bits) without look-alike characters. */
	public static String random(SecureRandom random) {
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
