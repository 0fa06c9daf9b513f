package vn.camguard.inventory.domain;

/**
 * A field value that breaks an inventory rule. Carries a message key (bundle {@code i18n/inventory})
 * rather than text so the web page and the REST answer speak the caller's language.
 *
 * @param field the field (import column) name, e.g. {@code mac}
 * @param code message key suffix under {@code inventory.error.}
 * @param value the offending value, shortened, or null
 */
public record InvalidValue(String field, String code, String value) {

	private static final int SHOWN_CHARS = 60;

	public InvalidValue {
		if (value != null && value.length() > SHOWN_CHARS) {
			value = value.substring(0, SHOWN_CHARS) + "…";
		}
	}

	/** The full message key. */
	public String messageKey() {
		return "inventory.error." + code;
	}

}
