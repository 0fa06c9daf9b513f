package vn.camguard.products.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A published vulnerability of camera products, as shared/data/camera-cves.csv records it. The
 * affected models are free text there; the model patterns in it (e.g. "DS-2CD2xx2F-I",
 * "IPC-HFW2XXX", where x stands for any character) are what a device's model is compared with.
 */
public record KnownCve(String cve, String vendor, String productFamily, String affectedVersions, String fixedVersion,
		String cvss, String kind, String source) {

	/** A model-like token: letters, a dash, then letters and digits (x/X as wildcards). */
	private static final Pattern MODEL_TOKEN = Pattern.compile("\\b[A-Za-z]{2,}[A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9-]*");

	/** Shortest pattern (as a key) that names a model family rather than a whole product line. */
	private static final int MIN_PATTERN = 5;

	/** The model patterns named in the record, as regular expressions over {@link ProductMatching#key} keys. */
	public List<ModelPattern> modelPatterns() {
		List<ModelPattern> patterns = new ArrayList<>();
		Matcher matcher = MODEL_TOKEN.matcher(productFamily + " ; " + affectedVersions);
		while (matcher.find()) {
			String token = matcher.group();
			String key = ProductMatching.key(token);
			if (key.length() < MIN_PATTERN || key.startsWith("CVE") || patterns.stream().anyMatch(p -> p.token().equals(token))) {
				continue;
			}
			StringBuilder regex = new StringBuilder();
			for (char c : key.toCharArray()) {
				regex.append(c == 'X' ? "[A-Z0-9]" : String.valueOf(c));
			}
			patterns.add(new ModelPattern(token, Pattern.compile(regex.toString())));
		}
		return patterns;
	}

	/** A model family named by the record; a device model matches when it starts with it. */
	public record ModelPattern(String token, Pattern regex) {

		public boolean matches(String modelKey) {
			Matcher matcher = regex.matcher(modelKey.toUpperCase(Locale.ROOT));
			return matcher.lookingAt();
		}

	}

}
