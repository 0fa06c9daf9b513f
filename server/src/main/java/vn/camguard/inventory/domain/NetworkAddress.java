package vn.camguard.inventory.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a device answers on the network: an IPv4 or IPv6 literal or a DNS host name. Checked by
 * syntax only; nothing is resolved, so validating an import never sends traffic.
 */
public final class NetworkAddress {

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}(%[0-9A-Za-z]{1,16})?");

	private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

	private NetworkAddress() {
	}

	/** The address as stored (host names lower-cased), or empty when it is neither an IP nor a host name. */
	public static Optional<String> normalise(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.trim();
		if (value.isEmpty() || value.length() > 253) {
			return Optional.empty();
		}
		if (IPV4.matcher(value).matches()) {
			return Optional.of(value);
		}
		if (value.indexOf(':') >= 0) {
			return isIpv6(value) ? Optional.of(value.toLowerCase(Locale.ROOT)) : Optional.empty();
		}
		if (value.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
			// digits and dots that are not a valid IPv4 address (e.g. 10.0.0.300) are a typo, not a host
			return Optional.empty();
		}
		String host = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
		for (String label : host.split("\\.", -1)) {
			if (!HOST_LABEL.matcher(label).matches()) {
				return Optional.empty();
			}
		}
		return Optional.of(host.toLowerCase(Locale.ROOT));
	}

	private static boolean isIpv6(String value) {
		if (!IPV6.matcher(value).matches()) {
			return false;
		}
		String address = value.contains("%") ? value.substring(0, value.indexOf('%')) : value;
		int doubleColon = address.indexOf("::");
		if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
			return false;
		}
		String[] groups = address.split(":", -1);
		int nonEmpty = 0;
		for (String group : groups) {
			if (group.length() > 4) {
				return false;
			}
			if (!group.isEmpty()) {
				nonEmpty++;
			}
		}
		return doubleColon >= 0 ? nonEmpty <= 7 : groups.length == 8 && nonEmpty == 8;
	}

}
