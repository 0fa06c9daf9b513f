package vn.camguard.inventory.domain;

import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The TCP ports a device is known to listen on, stored as sorted distinct numbers joined by commas
 * ({@code "80,443,554"}). Accepts commas, semicolons or spaces between numbers.
 */
public final class OpenPorts {

	private static final int MAX_PORTS = 32;

	private OpenPorts() {
	}

	/** The stored form ("" for none), or empty when the text is not a list of ports 1..65535. */
	public static Optional<String> normalise(String text) {
		if (text == null || text.isBlank()) {
			return Optional.of("");
		}
		if (text.length() > 200) {
			return Optional.empty();
		}
		TreeSet<Integer> ports = new TreeSet<>();
		for (String part : text.trim().split("[,; ]+")) {
			if (part.isEmpty() || part.length() > 5 || !part.chars().allMatch(Character::isDigit)) {
				return Optional.empty();
			}
			int port = Integer.parseInt(part);
			if (port < 1 || port > 65535) {
				return Optional.empty();
			}
			ports.add(port);
		}
		if (ports.size() > MAX_PORTS) {
			return Optional.empty();
		}
		return Optional.of(ports.stream().map(String::valueOf).collect(Collectors.joining(",")));
	}

}
