package vn.camguard.scanner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's MAC and serial: one spelling each, and nothing at all rather than a doubtful value. */
class DeviceIdentifiersTests {

	@Test
	void macsSpeltTheUsualWaysBecomeLowerCaseColonForm() {
		assertThat(DeviceIdentifiers.mac("C0:56:E3:01:02:03")).isEqualTo("c0:56:e3:01:02:03");
		assertThat(DeviceIdentifiers.mac(" c0-56-e3-01-02-03 ")).isEqualTo("c0:56:e3:01:02:03");
		assertThat(DeviceIdentifiers.mac("c056.e301.0203")).isEqualTo("c0:56:e3:01:02:03");
		assertThat(DeviceIdentifiers.mac("ACCC8E010203")).isEqualTo("ac:cc:8e:01:02:03");
	}

	@Test
	void textThatIsNotPlausiblyAMacIsDropped() {
		assertThat(DeviceIdentifiers.mac(null)).isEmpty();
		assertThat(DeviceIdentifiers.mac("")).isEmpty();
		assertThat(DeviceIdentifiers.mac("zz:56:e3:01:02:03")).isEmpty();
		assertThat(DeviceIdentifiers.mac("c0:56:e3:01:02")).isEmpty();
		assertThat(DeviceIdentifiers.mac("c0:56-e3:01:02:03")).isEmpty();
		assertThat(DeviceIdentifiers.mac("c0:56:e3:01:02:03:04")).isEmpty();
		assertThat(DeviceIdentifiers.mac("00:00:00:00:00:00")).as("unset").isEmpty();
		assertThat(DeviceIdentifiers.mac("ff:ff:ff:ff:ff:ff")).as("broadcast").isEmpty();
		assertThat(DeviceIdentifiers.mac("c0:56:e3:01:02:03\u0000")).isEmpty();
		assertThat(DeviceIdentifiers.mac("0".repeat(1_000_000))).isEmpty();
	}

	@Test
	void serialsAreTrimmedAndDroppedWhenTooLongOrCarryingControlCharacters() {
		assertThat(DeviceIdentifiers.serial("  DS-2CD2142FWD-I20160530AAWR123456789 \r\n"))
			.isEqualTo("DS-2CD2142FWD-I20160530AAWR123456789");
		assertThat(DeviceIdentifiers.serial("<b>SN</b>")).as("markup stays text; the writers escape it")
			.isEqualTo("<b>SN</b>");
		assertThat(DeviceIdentifiers.serial(null)).isEmpty();
		assertThat(DeviceIdentifiers.serial("   ")).isEmpty();
		assertThat(DeviceIdentifiers.serial("SN-1\u0007\u001b[31m")).isEmpty();
		assertThat(DeviceIdentifiers.serial("SN-1\u202e")).as("a bidi override is a format character").isEmpty();
		assertThat(DeviceIdentifiers.serial("S".repeat(DeviceIdentifiers.MAX_SERIAL))).hasSize(DeviceIdentifiers.MAX_SERIAL);
		assertThat(DeviceIdentifiers.serial("S".repeat(DeviceIdentifiers.MAX_SERIAL + 1))).isEmpty();
	}

	@Test
	void aReportNormalisesWhatItIsGivenAndTheOldConstructorNamesNeither() {
		DeviceReport report = new DeviceReport("127.84.0.1", java.util.List.of(80), Fingerprint.unknown(),
				java.util.List.of(), java.util.List.of(), 1, "C0-56-E3-01-02-03", " SN1 ");
		assertThat(report.mac()).isEqualTo("c0:56:e3:01:02:03");
		assertThat(report.serial()).isEqualTo("SN1");
		DeviceReport old = new DeviceReport("127.84.0.1", java.util.List.of(80), Fingerprint.unknown(),
				java.util.List.of(), java.util.List.of(), 1);
		assertThat(old.mac()).isEmpty();
		assertThat(old.serial()).isEmpty();
	}

}
