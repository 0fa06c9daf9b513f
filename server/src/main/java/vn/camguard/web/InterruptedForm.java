package vn.camguard.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A form that was posted after its session had expired, kept in the new session until the user has
 * signed in again and is back on the page that shows it.
 *
 * @param action the path the form was posted to (as in the form's action), to find the form on the page
 * @param page the path (and query) of the page that shows the form, relative to the context path
 * @param fields what was typed, by field name; never passwords or files
 */
record InterruptedForm(String action, String page, Map<String, List<String>> fields) implements Serializable {

	static final String SESSION_ATTRIBUTE = InterruptedForm.class.getName();

	InterruptedForm {
		fields = Map.copyOf(fields);
	}

}
