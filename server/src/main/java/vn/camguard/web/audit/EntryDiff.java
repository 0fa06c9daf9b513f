package vn.camguard.web.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before and after of an audit entry as a reader wants them: only the fields that changed, each as
 * old value → new value in plain text. The JSON is read with Jackson; what it holds came from users
 * and devices, so the page shows it with {@code th:text}, never as HTML.
 */
final class EntryDiff {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_TEXT = 300;

	/**
	 * One changed field.
	 *
	 * @param field the field's name, empty when the whole value is not an object
	 * @param before old value as text, empty when there was none
	 * @param after new value as text, empty when there is none
	 */
	record Change(String field, String before, String after) {
	}

	private EntryDiff() {
	}

	static List<Change> of(String beforeJson, String afterJson) {
		Map<String, JsonNode> before = fields(beforeJson);
		Map<String, JsonNode> after = fields(afterJson);
		Set<String> names = new LinkedHashSet<>(before.keySet());
		names.addAll(after.keySet());
		List<Change> changes = new ArrayList<>();
		for (String name : names) {
			JsonNode old = before.get(name);
			JsonNode now = after.get(name);
			if (!Objects.equals(old, now)) {
				changes.add(new Change(name, text(old), text(now)));
			}
		}
		return changes;
	}

	private static Map<String, JsonNode> fields(String json) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		if (json == null) {
			return fields;
		}
		JsonNode node;
		try {
			node = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			// a value cut short when it was recorded is shown as it is
			fields.put("", JSON.getNodeFactory().stringNode(json));
			return fields;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				fields.put(field.getKey(), field.getValue());
			}
		}
		else if (!node.isNull()) {
			fields.put("", node);
		}
		return fields;
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "";
		}
		String text = node.isString() ? node.stringValue() : node.toString();
		return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
	}

}
