package vn.camguard.inventory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

import vn.camguard.inventory.domain.InvalidValue;

/** Turns broken rules into one message per form field, in the caller's language. */
final class FormProblems {

	private FormProblems() {
	}

	static Map<String, String> messages(List<InvalidValue> problems, MessageSource messages, Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (InvalidValue problem : problems) {
			byField.merge(problem.field(),
					messages.getMessage(problem.messageKey(),
							new Object[] { problem.field(), problem.value() == null ? "" : problem.value() },
							problem.code(), locale),
					(a, b) -> a + " " + b);
		}
		return byField;
	}

	/** Fields the browser sent in a form the server cannot even convert (e.g. a letter in an id). */
	static Map<String, String> binding(BindingResult binding, MessageSource messages, Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(error -> byField.put(error.getField(),
					messages.getMessage("inventory.error.format", null, "format", locale)));
		return byField;
	}

}
