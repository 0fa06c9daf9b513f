package vn.camguard.inventory.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hardware (MAC) address in the one form the inventory stores: six upper-case hex pairs joined by
 * colons ({@code AA:BB:CC:DD:EE:FF}), so that the same device written {@code aa-bb-cc-dd-ee-ff} or
 * {@code aabb.ccdd.eeff} is recognised as a duplicate.
 */
public final class MacAddress {

	private static final Pattern SEPARATORS = Pattern.compile("[:\\-. ]");

	private static final Pattern TWELVE_HEX = Pattern.compile("[0-9A-F]{12}");

	private static final Pattern TWO_TO_TWELVE_HEX = Pattern.compile("[0-9A-F]{2,12}");

	private MacAddress() {
	}

	/** The normalised form, or empty when the text is not a MAC address. */
	public static Optional<String> normalise(String text) {
		if (text == null || text.length() > 20) {
			return Optional.empty();
		}
		String hex = SEPARATORS.matcher(text.trim()).replaceAll("").toUpperCase(Locale.ROOT);
		if (!TWELVE_HEX.matcher(hex).matches()) {
			return Optional.empty();
		}
		return Optional.of(stored(hex));
	}

	/**
	 * The stored form of the start of a MAC address written in any of the accepted ways (e.g.
	 * {@code bc-ad-28} gives {@code BC:AD:28}, a maker's prefix), or empty when the text is not two
	 * to twelve hex digits with separators.
	 */
	public static Optional<String> start(String text) {
		if (text == null || text.length() > 20) {
			return Optional.empty();
		}
		String hex = SEPARATORS.matcher(text.trim()).replaceAll("").toUpperCase(Locale.ROOT);
		return TWO_TO_TWELVE_HEX.matcher(hex).matches() ? Optional.of(stored(hex)) : Optional.empty();
	}

	private static String stored(String hex) {
		StringBuilder out = new StringBuilder(17);
		for (int i = 0; i < hex.length(); i += 2) {
			if (i > 0) {
				out.append(':');
			}
			out.append(hex, i, Math.min(i + 2, hex.length()));
		}
		return out.toString();
	}

}
