package vn.camguard.scanner.fingerprint;

import vn.camguard.scanner.DeviceKind;
import vn.camguard.scanner.data.Tsv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The vendor-pointing rules of {@code fingerprint-rules.tsv}, grouped by source once: each device asks for the
 * rules of about ten sources, twice, and a stream over all of them per question cost more than the matching.
 */
public final class FingerprintRules {

	/** One rule: when {@code source}'s text matches {@code pattern}, vote {@code weight} for {@code vendor}. */
	public record Rule(String source, Pattern pattern, String vendor, DeviceKind kind, int weight, String origin) {

		public boolean matches(String observedSource, String text) {
			return source.equals(observedSource) && text != null && !text.isEmpty() && pattern.matcher(text).find();
		}

	}

	private final Map<String, List<Rule>> bySource;

	public FingerprintRules(List<Rule> rules) {
		this.bySource = rules.stream().collect(Collectors.collectingAndThen(
				Collectors.groupingBy(Rule::source, Collectors.collectingAndThen(Collectors.toList(), List::copyOf)),
				Map::copyOf));
	}

	public static FingerprintRules load() {
		return new FingerprintRules(Tsv.load("fingerprint-rules.tsv").rows().stream()
				.map(r -> new Rule(r.get(0), Pattern.compile(r.get(1), Pattern.CASE_INSENSITIVE), r.get(2),
						r.get(3).equals("-") ? DeviceKind.UNKNOWN : DeviceKind.valueOf(r.get(3)),
						Integer.parseInt(r.get(4)), r.get(5)))
				.toList());
	}

	public List<Rule> matching(String source, String text) {
		List<Rule> hits = new ArrayList<>(1);
		for (Rule rule : bySource.getOrDefault(source, List.of())) {
			if (rule.matches(source, text)) {
				hits.add(rule);
			}
		}
		return hits;
	}

}
