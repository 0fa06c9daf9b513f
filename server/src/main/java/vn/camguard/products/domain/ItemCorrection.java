package vn.camguard.products.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A province admin's correction of a catalogue item, as typed. {@link #problems()} names every
 * broken rule as a field and a message key; lists are typed comma-separated.
 */
public record ItemCorrection(String textVi, String textEn, String etsiProvisions, String scannerChecks,
		boolean verified, String source) {

	/** The scanner's check ids (grep "CG-" in scanner/src/main); an unknown id is a typo. */
	public static final Set<String> SCANNER_CHECKS = Set.of("CG-CRED-DEFAULT", "CG-CRED-WEAK", "CG-FW-CVE",
			"CG-FW-OUTDATED", "CG-ONVIF-NOAUTH", "CG-RTSP-NOAUTH", "CG-SNAPSHOT-NOAUTH", "CG-SVC-FTP", "CG-SVC-TELNET",
			"CG-TLS-VERSIONS", "CG-TLS-WEAK", "CG-WEB-CLEARTEXT");

	/** ETSI EN 303 645 numbering: a clause such as 5.4, or a provision such as 5.2-1. */
	private static final Pattern PROVISION = Pattern.compile("\\d{1,2}\\.\\d{1,2}(-\\d{1,2})?");

	public List<String> provisionList() {
		return split(etsiProvisions, false);
	}

	public List<String> checkList() {
		return split(scannerChecks, true);
	}

	public List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		if (blank(textVi) || textVi.strip().length() > 2000) {
			problems.add(new Problem("textVi", "products.problem.text"));
		}
		if (blank(textEn) || textEn.strip().length() > 2000) {
			problems.add(new Problem("textEn", "products.problem.text"));
		}
		if (blank(source) || source.strip().length() > 1000) {
			problems.add(new Problem("source", "products.problem.source"));
		}
		if (!provisionList().stream().allMatch(p -> PROVISION.matcher(p).matches())
				|| String.join(",", provisionList()).length() > 100) {
			problems.add(new Problem("etsiProvisions", "products.problem.provisions"));
		}
		if (!SCANNER_CHECKS.containsAll(checkList())) {
			problems.add(new Problem("scannerChecks", "products.problem.checks"));
		}
		return problems;
	}

	private static List<String> split(String text, boolean upper) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\\s]+"))
			.map(String::strip)
			.filter(part -> !part.isEmpty())
			.map(part -> upper ? part.toUpperCase(Locale.ROOT) : part)
			.distinct()
			.toList();
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
