package vn.camguard.inventory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

import vn.camguard.inventory.domain.InvalidValue;

/**
 * Turns broken rules into one message per form field, in the caller's language and with the label
 * the form shows ("Vendor", "Nhà sản xuất"), not the import column name ({@code vendor}) the rules
 * speak of. Labels are {@code labelPrefix + field} with '_' as '-' (e.g. {@code inventory.device.open-ports}),
 * except the few fields whose label is named otherwise.
 */
final class FormProblems {

	private static final Map<String, String> LABEL_KEYS = Map.of("unit_code", "inventory.device.unit", "unitId",
			"inventory.device.unit", "system_name", "inventory.device.system", "systemId", "inventory.device.system",
			"site_name", "inventory.device.site", "siteId", "inventory.device.site", "qcvn135_certificate",
			"inventory.device.qcvn135", "qcvn135Certificate", "inventory.device.qcvn135");

	private FormProblems() {
	}

	static Map<String, String> messages(List<InvalidValue> problems, String labelPrefix, MessageSource messages,
			Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (InvalidValue problem : problems) {
			String label = label(problem.field(), labelPrefix, messages, locale);
			byField.merge(problem.field(),
					messages.getMessage(problem.messageKey(),
							new Object[] { label, problem.value() == null ? "" : problem.value() }, problem.code(),
							locale),
					(a, b) -> a + " " + b);
		}
		return byField;
	}

	/** Fields the browser sent in a form the server cannot even convert (e.g. a letter in an id). */
	static Map<String, String> binding(BindingResult binding, String labelPrefix, MessageSource messages,
			Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(error -> byField.put(error.getField(),
					label(error.getField(), labelPrefix, messages, locale) + ": "
							+ messages.getMessage("inventory.error.format", null, "format", locale)));
		return byField;
	}

	private static String label(String field, String labelPrefix, MessageSource messages, Locale locale) {
		String key = LABEL_KEYS.getOrDefault(field,
				labelPrefix + field.replaceAll("([a-z])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT));
		return messages.getMessage(key, null, field, locale);
	}

}
