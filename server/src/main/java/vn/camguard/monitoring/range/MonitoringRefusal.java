package vn.camguard.monitoring.range;

import java.util.List;

/**
 * A request network monitoring refuses (an unapproved target, a malformed range, a cancelled job): a message key
 * of {@code i18n/monitoring} and its arguments, so the page and the API can say why in the caller's language.
 */
public class MonitoringRefusal extends RuntimeException {

	private final String key;

	private final List<String> arguments;

	public MonitoringRefusal(String key, String... arguments) {
		super(key + " " + String.join(", ", arguments));
		this.key = key;
		this.arguments = List.of(arguments);
	}

	/** The refusal as a run or part keeps it: key and arguments joined by {@code |}. */
	public String stored() {
		return String.join("|", java.util.stream.Stream.concat(java.util.stream.Stream.of(key), arguments.stream()).toList());
	}

	/** Reads back {@link #stored()}. */
	public static MonitoringRefusal fromStored(String stored) {
		String[] parts = stored.split("\\|");
		return new MonitoringRefusal(parts[0], java.util.Arrays.copyOfRange(parts, 1, parts.length));
	}

	/** The reason in the reader's language. */
	public String text(org.springframework.context.MessageSource messages, java.util.Locale locale) {
		return messages.getMessage(key, arguments.toArray(), key, locale);
	}

	public String key() {
		return key;
	}

	public List<String> arguments() {
		return arguments;
	}

}
