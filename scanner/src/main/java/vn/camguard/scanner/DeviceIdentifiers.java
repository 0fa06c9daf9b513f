package vn.camguard.scanner;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The two things that name one physical device whatever address it has today: its hardware (MAC) address and its
 * serial number, in the one form the report carries them. Both come from the device (untrusted): a value that is not
 * plausibly one (wrong shape, too long, control characters, an all-zero or all-ones MAC) is dropped, never repaired,
 * since a wrong identifier files evidence on the wrong camera.
 */
public final class DeviceIdentifiers {

	/** Longer than any vendor's serial seen (Hikvision's run to about 50 characters). */
	public static final int MAX_SERIAL = 64;

	/** {@code aabb.ccdd.eeff} is the longest accepted spelling of a MAC; anything much longer is not one. */
	private static final int MAX_MAC_TEXT = 24;

	private DeviceIdentifiers() {
	}

	/**
	 * The MAC in lower-case colon form ({@code c0:56:e3:01:00:01}), or empty when the text is not one: twelve hex
	 * digits, optionally split into pairs by {@code :} or {@code -}, or in Cisco's {@code aabb.ccdd.eeff}.
	 */
	public static String mac(String text) {
		if (text == null) {
			return "";
		}
		String trimmed = text.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_MAC_TEXT) {
			return "";
		}
		String hex = hexDigits(trimmed);
		if (hex.length() != 12 || hex.chars().allMatch(c -> c == '0') || hex.chars().allMatch(c -> c == 'f')) {
			return "";
		}
		StringBuilder out = new StringBuilder(17);
		for (int i = 0; i < 12; i += 2) {
			if (i > 0) {
				out.append(':');
			}
			out.append(hex, i, i + 2);
		}
		return out.toString();
	}

	/**
	 * The serial trimmed, or empty when there is none or it is not plausibly one: longer than {@value #MAX_SERIAL}
	 * characters or carrying control characters.
	 */
	public static String serial(String text) {
		if (text == null) {
			return "";
		}
		String trimmed = text.strip();
		if (trimmed.length() > MAX_SERIAL) {
			return "";
		}
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
				return "";
			}
		}
		return trimmed;
	}

	/** The hex digits of a MAC spelt in one of the accepted ways, lower case; empty if it is spelt otherwise. */
	private static String hexDigits(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		String digits;
		if (lower.length() == 17 && (separatedEvery(lower, ':') || separatedEvery(lower, '-'))) {
			digits = lower.replace(":", "").replace("-", "");
		}
		else if (lower.length() == 14 && lower.charAt(4) == '.' && lower.charAt(9) == '.') {
			digits = lower.replace(".", "");
		}
		else {
			digits = lower;
		}
		return digits.length() == 12 && digits.chars().allMatch(HexFormat::isHexDigit) ? digits : "";
	}

	private static boolean separatedEvery(String text, char separator) {
		for (int i = 2; i < text.length(); i += 3) {
			if (text.charAt(i) != separator) {
				return false;
			}
		}
		return true;
	}

}
