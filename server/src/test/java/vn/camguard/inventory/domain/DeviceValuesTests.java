package vn.camguard.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The field rules of a device (MAC, address, ports, required fields, lengths) without Spring. */
class DeviceValuesTests {

	@Test
	void macAddressesAreNormalisedWhateverTheSeparator() {
		assertThat(MacAddress.normalise("bc-ad-28-12-34-5f")).contains("BC:AD:28:12:34:5F");
		assertThat(MacAddress.normalise("bcad.2812.345f")).contains("BC:AD:28:12:34:5F");
		assertThat(MacAddress.normalise(" BCAD2812345F ")).contains("BC:AD:28:12:34:5F");
		assertThat(MacAddress.normalise("BC:AD:28:12:34")).isEmpty();
		assertThat(MacAddress.normalise("BC:AD:28:12:34:5G")).isEmpty();
		assertThat(MacAddress.normalise("x".repeat(1000))).isEmpty();
	}

	@Test
	void theStartOfAMacAddressTakesItsStoredForm() {
		assertThat(MacAddress.start("bc-ad-28")).contains("BC:AD:28");
		assertThat(MacAddress.start("bcad2")).contains("BC:AD:2");
		assertThat(MacAddress.start("BC:AD:28:12:34:5F")).contains("BC:AD:28:12:34:5F");
		assertThat(MacAddress.start("b")).isEmpty();
		assertThat(MacAddress.start("bench")).isEmpty();
		assertThat(MacAddress.start("BC:AD:28:12:34:5F:00")).isEmpty();
	}

	@Test
	void addressesAreIpLiteralsOrHostNames() {
		assertThat(NetworkAddress.normalise("10.0.0.1")).contains("10.0.0.1");
		assertThat(NetworkAddress.normalise("Cam-01.TN.gov.vn")).contains("cam-01.tn.gov.vn");
		assertThat(NetworkAddress.normalise("fe80::1")).contains("fe80::1");
		assertThat(NetworkAddress.normalise("2001:db8:0:0:0:0:0:1")).contains("2001:db8:0:0:0:0:0:1");
		assertThat(NetworkAddress.normalise("10.0.0.300")).isEmpty();
		assertThat(NetworkAddress.normalise("1::2::3")).isEmpty();
		assertThat(NetworkAddress.normalise("bad host")).isEmpty();
		assertThat(NetworkAddress.normalise("-bad.example")).isEmpty();
	}

	@Test
	void portsAreSortedDistinctNumbers() {
		assertThat(OpenPorts.normalise("554, 80;80 8000")).contains("80,554,8000");
		assertThat(OpenPorts.normalise("")).contains("");
		assertThat(OpenPorts.normalise("0")).isEmpty();
		assertThat(OpenPorts.normalise("70000")).isEmpty();
		assertThat(OpenPorts.normalise("80,http")).isEmpty();
	}

	@Test
	void draftReportsEveryBrokenRuleAndNormalisesTheRest() {
		List<InvalidValue> problems = new ArrayList<>();
		DeviceDraft draft = new DeviceDraft(null, null, null, null, null, " Cổng ", " ", "M".repeat(101), null,
				" SN1 ", "aa:bb", "10.0.0.1", "80", LocalDate.of(1900, 1, 1), null, null, null, null)
			.normalised(problems);
		assertThat(problems).extracting(InvalidValue::field, InvalidValue::code)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("unit_code", "required"),
					org.assertj.core.groups.Tuple.tuple("kind", "required"),
					org.assertj.core.groups.Tuple.tuple("vendor", "required"),
					org.assertj.core.groups.Tuple.tuple("mac", "mac"),
					org.assertj.core.groups.Tuple.tuple("procurement_date", "date"),
					org.assertj.core.groups.Tuple.tuple("model", "too-long"));
		assertThat(draft.name()).isEqualTo("Cổng");
		assertThat(draft.serial()).isEqualTo("SN1");
		assertThat(draft.status()).isEqualTo(DeviceStatus.ACTIVE);
	}

	@Test
	void cleanDraftHasNoProblems() {
		List<InvalidValue> problems = new ArrayList<>();
		DeviceDraft draft = new DeviceDraft(1L, null, null, DeviceKind.RECORDER, DeviceStatus.INACTIVE, null,
				"Dahua", "NVR", "V4", "SN2", "00-11-22-33-44-55", "nvr.local", "554,80", LocalDate.of(2024, 2, 29),
				"An Phát", "CO", "CQ", "QCVN")
			.normalised(problems);
		assertThat(problems).isEmpty();
		assertThat(draft.mac()).isEqualTo("00:11:22:33:44:55");
		assertThat(draft.openPorts()).isEqualTo("80,554");
	}

}
