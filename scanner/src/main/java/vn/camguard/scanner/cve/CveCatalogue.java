package vn.camguard.scanner.cve;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.camguard.scanner.data.Tsv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Known camera CVEs ({@code camera-cves.csv}, a copy of shared/data) with their affected ranges made
 * machine-readable in {@code cve-ranges.tsv}, and the newest known firmware per model.
 */
public final class CveCatalogue {

	/** A CVE row: what the CSV says about it. */
	public record Cve(String id, String vendor, String family, String cvss, String kind) {

		/** The CVSS base score when the CSV gives one. */
		public Optional<Double> score() {
			var m = Pattern.compile("^(\\d{1,2}\\.\\d)").matcher(cvss);
			return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
		}

	}

	/**
	 * One affected range: vendor ({@code *}: any, for a server software many vendors embed), model pattern, and the
	 * rule deciding whether a firmware falls in. Rule {@code none} marks a CVE no version can decide; its note
	 * says why, and it never matches.
	 */
	public record Range(String cve, String vendor, Pattern model, String rule, String bounds, String note) {

		public static final String UNDECIDABLE = "none";

		public boolean decidable() {
			return !rule.equals(UNDECIDABLE);
		}

		boolean covers(String deviceVendor, String deviceModel, FirmwareVersion firmware, String serverBanner) {
			if (!(vendor.equals("*") || vendor.equalsIgnoreCase(deviceVendor)) || !model.matcher(deviceModel).lookingAt()) {
				return false;
			}
			return switch (rule) {
				case "server-banner" -> Pattern.compile(bounds).matcher(serverBanner).find();
				case "build-before" -> firmware.buildDate().map(d -> d < Integer.parseInt(bounds)).orElse(false);
				case "build-between" -> {
					String[] ends = bounds.split("\\.\\.");
					yield firmware.buildDate().map(d -> d >= Integer.parseInt(ends[0]) && d <= Integer.parseInt(ends[1]))
						.orElse(false);
				}
				case "version-below" -> !firmware.isEmpty() && firmware.compareTo(FirmwareVersion.parse(bounds)) < 0;
				case "version-between" -> {
					String[] ends = bounds.split("\\.\\.");
					yield !firmware.isEmpty() && firmware.compareTo(FirmwareVersion.parse(ends[0])) >= 0
							&& firmware.compareTo(FirmwareVersion.parse(ends[1])) <= 0;
				}
				default -> false;
			};
		}

	}

	/** A CVE a device's firmware (or banner) falls into, with the range that decided it. */
	public record Match(Cve cve, Range range) {
	}

	private final Map<String, Cve> cves;

	private final List<Range> ranges;

	private final List<List<String>> newest;

	private CveCatalogue(Map<String, Cve> cves, List<Range> ranges, List<List<String>> newest) {
		this.cves = Map.copyOf(cves);
		this.ranges = List.copyOf(ranges);
		this.newest = List.copyOf(newest);
	}

	public static CveCatalogue load() {
		Map<String, Cve> cves = new LinkedHashMap<>();
		try (Reader reader = new InputStreamReader(Tsv.open("camera-cves.csv"), StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				cves.put(row.get("cve"), new Cve(row.get("cve"), row.get("vendor"), row.get("product_family"),
						row.get("cvss"), row.get("kind")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Range> ranges = new ArrayList<>();
		for (List<String> r : Tsv.load("cve-ranges.tsv").rows()) {
			if (!cves.containsKey(r.get(0))) {
				throw new IllegalStateException("cve-ranges.tsv names " + r.get(0) + ", absent from camera-cves.csv");
			}
			if (!Set.of("server-banner", "build-before", "build-between", "version-below", "version-between",
					Range.UNDECIDABLE).contains(r.get(3))) {
				throw new IllegalStateException("cve-ranges.tsv: unknown rule " + r.get(3) + " for " + r.get(0));
			}
			ranges.add(new Range(r.get(0), r.get(1), Pattern.compile(r.get(2), Pattern.CASE_INSENSITIVE), r.get(3),
					r.get(4), r.get(5)));
		}
		return new CveCatalogue(cves, ranges, Tsv.load("newest-firmware.tsv").rows());
	}

	/** Every CVE of {@code camera-cves.csv}, in its order. */
	public List<Cve> cves() {
		return List.copyOf(cves.values());
	}

	/** The rows of {@code cve-ranges.tsv} for one CVE (undecidable ones included), in table order. */
	public List<Range> ranges(String cve) {
		return ranges.stream().filter(r -> r.cve().equals(cve)).toList();
	}

	public Optional<Cve> cve(String id) {
		return Optional.ofNullable(cves.get(id));
	}

	/** Every CVE the device falls into; one match per CVE (the first range that covers it). */
	public List<Match> affecting(String vendor, String model, String firmware, String serverBanner) {
		FirmwareVersion version = FirmwareVersion.parse(firmware);
		Map<String, Match> found = new LinkedHashMap<>();
		for (Range range : ranges) {
			if (!found.containsKey(range.cve()) && range.covers(vendor, model, version, serverBanner)) {
				found.put(range.cve(), new Match(cves.get(range.cve()), range));
			}
		}
		return List.copyOf(found.values());
	}

	/** The newest firmware known for a model, if the catalogue has it. */
	public Optional<String> newestFirmware(String vendor, String model) {
		return newest.stream().filter(r -> r.get(0).equalsIgnoreCase(vendor) && r.get(1).equalsIgnoreCase(model))
				.map(r -> r.get(2)).findFirst();
	}

}
