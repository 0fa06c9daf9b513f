package vn.camguard.scanner.cve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A firmware version reduced to its numbers, so that vendor formats compare: Hikvision
 * {@code V5.4.0 build 160530} → 5,4,0,160530; Dahua {@code V2.800.0000000.25.R.20210315} →
 * 2,800,0,25,20210315; Axis {@code 9.80.3.6}. Letters only separate numbers.
 */
public record FirmwareVersion(String text, List<Long> numbers) implements Comparable<FirmwareVersion> {

	private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

	private static final Pattern BUILD_DATE = Pattern.compile("(20\\d{2})(\\d{2})(\\d{2})$");

	/** Hikvision's {@code build YYMMDD} (firmwareReleasedDate in ISAPI, the tail of ONVIF's FirmwareVersion). */
	private static final Pattern HIKVISION_BUILD = Pattern.compile("(?i)\\bbuild\\s+(\\d{2})(\\d{2})(\\d{2})$");

	public FirmwareVersion {
		numbers = List.copyOf(numbers);
	}

	public static FirmwareVersion parse(String text) {
		List<Long> numbers = new ArrayList<>();
		Matcher m = NUMBER.matcher(text);
		while (m.find() && numbers.size() < 16) {
			numbers.add(Long.parseLong(m.group()));
		}
		return new FirmwareVersion(text, numbers);
	}

	/**
	 * The build date as {@code YYYYMMDD}: the date a Dahua-style version ends with, or Hikvision's
	 * {@code build YYMMDD} (all Hikvision V5 builds are of this century).
	 */
	public Optional<Integer> buildDate() {
		Matcher m = BUILD_DATE.matcher(text.strip());
		if (m.find()) {
			return Optional.of(Integer.parseInt(m.group(1) + m.group(2) + m.group(3)));
		}
		Matcher hik = HIKVISION_BUILD.matcher(text.strip());
		return hik.find() ? Optional.of(Integer.parseInt("20" + hik.group(1) + hik.group(2) + hik.group(3)))
				: Optional.empty();
	}

	public boolean isEmpty() {
		return numbers.isEmpty();
	}

	@Override
	public int compareTo(FirmwareVersion other) {
		int n = Math.max(numbers.size(), other.numbers.size());
		for (int i = 0; i < n; i++) {
			long a = i < numbers.size() ? numbers.get(i) : 0;
			long b = i < other.numbers.size() ? other.numbers.get(i) : 0;
			if (a != b) {
				return Long.compare(a, b);
			}
		}
		return 0;
	}

}
