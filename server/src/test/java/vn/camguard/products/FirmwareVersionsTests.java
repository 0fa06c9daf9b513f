package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.camguard.products.domain.FirmwareVersions;

/** Firmware versions order as vendors mean them, not as text. */
class FirmwareVersionsTests {

	@Test
	void numbersCompareAsNumbersAndSeparatorsDoNotCount() {
		List<String> versions = new ArrayList<>(List.of("V2.840.0000000.9.R", "V2.800.0000000.1.R", "V2.1000.0", "v2.9",
				"V5.5.3_build 220112", "V5.5.3 build 190101", "5.4.0"));
		versions.sort(FirmwareVersions.ORDER);
		assertThat(versions).containsExactly("v2.9", "V2.800.0000000.1.R", "V2.840.0000000.9.R", "V2.1000.0", "5.4.0",
				"V5.5.3 build 190101", "V5.5.3_build 220112");
	}

}
