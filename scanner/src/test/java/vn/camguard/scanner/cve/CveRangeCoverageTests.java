package vn.camguard.scanner.cve;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import vn.camguard.scanner.data.Tsv;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CVE of {@code camera-cves.csv} that a firmware version can decide has a range in {@code cve-ranges.tsv}; the
 * others are listed there with rule {@code none} and the reason, and only a CVE whose affected versions the CSV
 * leaves unstated (or gives as "all") may be listed so.
 */
class CveRangeCoverageTests {

	/** What the CSV's affected_versions says when no version can decide the CVE. */
	private static final Pattern NO_VERSION = Pattern.compile("(?i)not stated|^all\\b|all versions");

	final CveCatalogue catalogue = CveCatalogue.load();

	@Test
	void everyCveOfTheCsvHasARangeOrASaidReasonWhyNoVersionDecidesIt() throws Exception {
		List<String> problems = new ArrayList<>();
		try (Reader reader = new InputStreamReader(Tsv.open("camera-cves.csv"), StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				String cve = row.get("cve");
				List<CveCatalogue.Range> ranges = catalogue.ranges(cve);
				if (ranges.isEmpty()) {
					problems.add(cve + ": no row in cve-ranges.tsv");
				}
				else if (ranges.stream().noneMatch(CveCatalogue.Range::decidable)) {
					if (!NO_VERSION.matcher(row.get("affected_versions")).find()) {
						problems.add(cve + ": listed as undecidable, but the CSV gives versions: " + row.get("affected_versions"));
					}
					if (ranges.stream().anyMatch(r -> r.note().isBlank())) {
						problems.add(cve + ": undecidable without a reason");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void cve202136260IsDecidedByTheHikvisionBuildDate() {
		assertThat(CveCatalogueTests.ids(catalogue.affecting("Hikvision", "DS-2CD2043G0-I", "V5.5.800 build 210628", "")))
				.isEqualTo("CVE-2021-36260");
		assertThat(CveCatalogueTests.ids(catalogue.affecting("Hikvision", "DS-2CD2043G0-I", "V5.5.800 build 210702", "")))
				.isEqualTo("CVE-2021-36260");
		assertThat(catalogue.affecting("Hikvision", "DS-2CD2043G0-I", "V5.5.800 build 210920", "")).isEmpty();
		assertThat(catalogue.affecting("Hikvision", "DS-2CD2043G0-I", "", "")).isEmpty();
		assertThat(FirmwareVersion.parse("V5.5.800 build 210628").buildDate()).contains(20210628);
	}

}
