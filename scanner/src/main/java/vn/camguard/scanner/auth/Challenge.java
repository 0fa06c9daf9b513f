package vn.camguard.scanner.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code WWW-Authenticate} challenge (RFC 7235/7616), parsed from untrusted text: scheme plus
 * parameters such as realm, nonce, qop, opaque, algorithm.
 */
public record Challenge(String scheme, Map<String, String> params) {

	public Challenge {
		params = Map.copyOf(params);
	}

	public boolean isDigest() {
		return scheme.equalsIgnoreCase("Digest");
	}

	public boolean isBasic() {
		return scheme.equalsIgnoreCase("Basic");
	}

	public String realm() {
		return params.getOrDefault("realm", "");
	}

	public String param(String name) {
		return params.getOrDefault(name, "");
	}

	/** Parses one header value; returns empty for anything that is not {@code scheme [params]}. */
	public static Optional<Challenge> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String text = value.strip();
		if (text.length() > 2048) {
			text = text.substring(0, 2048);
		}
		int space = text.indexOf(' ');
		String scheme = space < 0 ? text : text.substring(0, space);
		if (scheme.isEmpty() || !scheme.chars().allMatch(Character::isLetterOrDigit)) {
			return Optional.empty();
		}
		Map<String, String> params = new LinkedHashMap<>();
		int i = space < 0 ? text.length() : space + 1;
		while (i < text.length() && params.size() < 20) {
			while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
				i++;
			}
			int eq = text.indexOf('=', i);
			if (eq < 0) {
				break;
			}
			String name = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
			i = eq + 1;
			String val;
			if (i < text.length() && text.charAt(i) == '"') {
				StringBuilder quoted = new StringBuilder();
				i++;
				while (i < text.length() && text.charAt(i) != '"') {
					char c = text.charAt(i);
					if (c == '\\' && i + 1 < text.length()) {
						c = text.charAt(++i);
					}
					quoted.append(c);
					i++;
				}
				i++;
				val = quoted.toString();
			}
			else {
				int comma = text.indexOf(',', i);
				int stop = comma < 0 ? text.length() : comma;
				val = text.substring(i, stop).strip();
				i = stop;
			}
			params.put(name, val);
		}
		return Optional.of(new Challenge(scheme, params));
	}

	/** The strongest usable challenge among several headers: Digest (MD5) before Basic. */
	public static Optional<Challenge> best(List<String> headerValues) {
		Optional<Challenge> basic = Optional.empty();
		for (String value : headerValues) {
			Optional<Challenge> parsed = parse(value);
			if (parsed.isEmpty()) {
				continue;
			}
			Challenge c = parsed.get();
			if (c.isDigest() && !c.param("nonce").isEmpty()
					&& c.param("algorithm").toUpperCase(Locale.ROOT).matches("|MD5")) {
				return parsed;
			}
			if (c.isBasic() && basic.isEmpty()) {
				basic = parsed;
			}
		}
		return basic;
	}

}
