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

	public String key() {
		return key;
	}

	public List<String> arguments() {
		return arguments;
	}

}
