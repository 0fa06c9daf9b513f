package vn.camguard.scanner.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Header fields of an HTTP or RTSP message, in arrival order; names compare case-insensitively. */
public record Headers(List<Header> fields) {

	/** One field; values are untrusted device text. */
	public record Header(String name, String value) {
	}

	public Headers {
		fields = List.copyOf(fields);
	}

	public static Headers empty() {
		return new Headers(List.of());
	}

	public Optional<String> first(String name) {
		for (Header h : fields) {
			if (h.name().equalsIgnoreCase(name)) {
				return Optional.of(h.value());
			}
		}
		return Optional.empty();
	}

	public List<String> all(String name) {
		List<String> values = new ArrayList<>();
		for (Header h : fields) {
			if (h.name().equalsIgnoreCase(name)) {
				values.add(h.value());
			}
		}
		return values;
	}

	public String firstOrEmpty(String name) {
		return first(name).orElse("");
	}

}
