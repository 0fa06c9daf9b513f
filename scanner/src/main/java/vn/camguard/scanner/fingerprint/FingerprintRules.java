package vn.camguard.scanner.fingerprint;

import vn.camguard.scanner.DeviceKind;
import vn.camguard.scanner.data.Tsv;

import java.util.List;
import java.util.regex.Pattern;

/** The vendor-pointing rules of {@code fingerprint-rules.tsv}. */
public record FingerprintRules(List<Rule> rules) {

	/** One rule: when {@code source}'s text matches {@code pattern}, vote {@code weight} for {@code vendor}. */
	public record Rule(String source, Pattern pattern, String vendor, DeviceKind kind, int weight, String origin) {

		public boolean matches(String observedSource, String text) {
			return source.equals(observedSource) && text != null && !text.isEmpty() && pattern.matcher(text).find();
		}

	}

	public FingerprintRules {
		rules = List.copyOf(rules);
	}

	public static FingerprintRules load() {
		return new FingerprintRules(Tsv.load("fingerprint-rules.tsv").rows().stream()
				.map(r -> new Rule(r.get(0), Pattern.compile(r.get(1), Pattern.CASE_INSENSITIVE), r.get(2),
						r.get(3).equals("-") ? DeviceKind.UNKNOWN : DeviceKind.valueOf(r.get(3)),
						Integer.parseInt(r.get(4)), r.get(5)))
				.toList());
	}

	public List<Rule> matching(String source, String text) {
		return rules.stream().filter(r -> r.matches(source, text)).toList();
	}

}
