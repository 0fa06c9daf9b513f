package vn.camguard.scanner.cve;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CveCatalogueTests {

	final CveCatalogue catalogue = CveCatalogue.load();

	static String ids(java.util.List<CveCatalogue.Match> matches) {
		return String.join(",", matches.stream().map(m -> m.cve().id()).toList());
	}

	@Test
	void hikvisionRangesCompareVersionThenBuild() {
		// 2016-2021 builds also fall into CVE-2021-36260 (any model); the 2017 CVEs are the point here.
		assertThat(ids(catalogue.affecting("Hikvision", "DS-2CD2142FWD-I", "V5.4.0 build 160530", "")))
				.isEqualTo("CVE-2017-7921,CVE-2017-7923,CVE-2021-36260");
		assertThat(ids(catalogue.affecting("Hikvision", "DS-2CD2142FWD-I", "V5.4.4 build 161125", "")))
				.isEqualTo("CVE-2017-7921,CVE-2017-7923,CVE-2021-36260");
		assertThat(ids(catalogue.affecting("Hikvision", "DS-2CD2142FWD-I", "V5.4.4 build 161126", "")))
				.isEqualTo("CVE-2021-36260");
		assertThat(catalogue.affecting("Hikvision", "DS-2CD2142FWD-I", "V5.3.1 build 150409", "")).isEmpty();
		assertThat(ids(catalogue.affecting("Hikvision", "DS-2CD2142FWD-I", "V5.5.0 build 170725", "")))
				.isEqualTo("CVE-2021-36260");
		// The model pattern matters: a different series with the same firmware is not in this range.
		assertThat(ids(catalogue.affecting("Hikvision", "DS-2CD2143G2-I", "V5.4.0 build 160530", "")))
				.isEqualTo("CVE-2021-36260");
	}

	@Test
	void dahuaRangesUseTheBuildDateSuffix() {
		assertThat(ids(catalogue.affecting("Dahua", "IPC-HFW2431S-S-S2", "V2.800.0000000.25.R.20210315", "")))
				.isEqualTo("CVE-2022-30563");
		assertThat(catalogue.affecting("Dahua", "IPC-HFW2431S-S-S2", "V2.800.0000000.33.R.20220615", "")).isEmpty();
		assertThat(ids(catalogue.affecting("Dahua", "NVR2108HS-4KS2", "V4.001.0000000.3.R.20190715", "")))
				.isEqualTo("CVE-2021-33045");
		assertThat(catalogue.affecting("Dahua", "NVR2108HS-4KS2", "V4.001.0000000.6.R.20200820", "")).isEmpty();
		assertThat(ids(catalogue.affecting("Dahua", "IPC-HFW3441E", "V2.800.0000000.1.R.20200401", "")))
				.isEqualTo("CVE-2021-33044,CVE-2021-33045");
	}

	@Test
	void bannerAndBelowRules() {
		assertThat(ids(catalogue.affecting("XiongMai", "IPG-50HV20PES", "V4.02", "uc-httpd 1.0.0")))
				.isEqualTo("CVE-2017-7577,CVE-2018-10088");
		assertThat(catalogue.affecting("XiongMai", "IPG-50HV20PES", "V4.02", "uc-httpd/1.1.0")).isEmpty();
		assertThat(ids(catalogue.affecting("D-Link", "DCS-2530L", "1.05.05", ""))).isEqualTo("CVE-2020-25078");
		assertThat(catalogue.affecting("D-Link", "DCS-2530L", "1.06.01", "")).isEmpty();
		assertThat(ids(catalogue.affecting("Axis", "M3045-V", "7.30.1", ""))).isEqualTo("CVE-2018-10661");
		assertThat(catalogue.affecting("Axis", "M3045-V", "9.80.3.6", "")).isEmpty();
	}

	@Test
	void unknownOrMissingFirmwareMatchesNothing() {
		assertThat(catalogue.affecting("Hikvision", "DS-2CD2142FWD-I", "", "")).isEmpty();
		assertThat(catalogue.affecting("", "", "", "")).isEmpty();
	}

	@Test
	void newestFirmwareAndVersionOrder() {
		assertThat(catalogue.newestFirmware("Axis", "M3045-V")).contains("10.12.213");
		assertThat(FirmwareVersion.parse("9.80.3.6")).isLessThan(FirmwareVersion.parse("10.12.213"));
		assertThat(FirmwareVersion.parse("V5.5.0 build 170725")).isLessThan(FirmwareVersion.parse("V5.5.82 build 190909"));
		assertThat(FirmwareVersion.parse("V2.800.0000000.45.R.20240312").buildDate()).contains(20240312);
		assertThat(catalogue.cve("CVE-2017-7921").orElseThrow().score()).contains(10.0);
	}

}
