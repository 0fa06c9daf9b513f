package vn.camguard.products.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders firmware versions as vendors write them ("V2.800.0000000.1.R", "5.7.3_build 220112"): runs of
 * digits compare as numbers, runs of letters as case-insensitive text, separators are ignored, and a
 * version that is a prefix of another comes first. A leading "V" before the first number is a
 * habit of writing, not part of the version ("V5.5" is "5.5").
 */
public final class FirmwareVersions {

	private static final Pattern PART = Pattern.compile("\\d+|\\p{L}+");

	public static final Comparator<String> ORDER = FirmwareVersions::compare;

	private FirmwareVersions() {
	}

	static int compare(String a, String b) {
		List<String> left = parts(a);
		List<String> right = parts(b);
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			int order = comparePart(left.get(i), right.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

	private static int comparePart(String a, String b) {
		boolean aNumber = Character.isDigit(a.charAt(0));
		boolean bNumber = Character.isDigit(b.charAt(0));
		if (aNumber && bNumber) {
			String x = a.replaceFirst("^0+(?=.)", "");
			String y = b.replaceFirst("^0+(?=.)", "");
			return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
		}
		if (aNumber != bNumber) {
			// "1.0" before "1.0a" is handled by length; a number against a word: the word is a pre-release tag
			return aNumber ? 1 : -1;
		}
		return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
	}

	private static List<String> parts(String version) {
		List<String> parts = new ArrayList<>();
		String text = version == null ? "" : version.strip().replaceFirst("^[vV](?=\\d)", "");
		Matcher matcher = PART.matcher(text);
		while (matcher.find()) {
			parts.add(matcher.group());
		}
		return parts;
	}

}
