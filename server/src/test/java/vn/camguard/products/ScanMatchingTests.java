package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.products.domain.ScanFile;
import vn.camguard.products.domain.ScanMatching;
import vn.camguard.products.domain.ScanMatching.Ambiguity;
import vn.camguard.products.domain.ScanMatching.By;
import vn.camguard.products.domain.ScanMatching.Matched;

/**
 * A scan line is about the assessed device with its address, else its MAC, else its serial; a doubtful
 * match (one line fitting several devices, or several lines one device) refuses the file naming the rows.
 */
class ScanMatchingTests {

	static final DeviceFacts ADDRESSED = device(1, "SN-1", "AA:BB:CC:00:00:01", "127.76.0.1");

	static final DeviceFacts MAC_ONLY = device(2, "SN-2", "AA:BB:CC:00:00:02", null);

	static final DeviceFacts SERIAL_ONLY = device(3, "SN-3", null, null);

	static final List<DeviceFacts> DEVICES = List.of(ADDRESSED, MAC_ONLY, SERIAL_ONLY);

	@Test
	void byAddressThenMacThenSerial() {
		List<Matched> matched = ScanMatching.match(List.of(line(1, "127.76.0.1", "AA:BB:CC:00:00:02", "SN-3"),
				line(2, "127.76.9.9", "aa-bb-cc-00-00-02", "SN-3"), line(4, "127.76.9.10", null, " sn-3 "),
				line(5, "127.76.9.11", "aabb.cc00.0099", "SN-99")), DEVICES);
		assertThat(matched).extracting(m -> m.device().id(), m -> m.line().number(), Matched::by)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1, By.ADDRESS),
					org.assertj.core.groups.Tuple.tuple(2L, 2, By.MAC),
					org.assertj.core.groups.Tuple.tuple(3L, 4, By.SERIAL));
	}

	@Test
	void theAddressDecidesBeforeTheMac() {
		// the line's MAC is another assessed device's: the address names the device, the MAC is not consulted
		assertThat(ScanMatching.match(List.of(line(1, "127.76.0.1", "AA:BB:CC:00:00:02", null)), DEVICES))
			.extracting(m -> m.device().id())
			.containsExactly(1L);
	}

	@Test
	void aLineFittingSeveralDevicesIsRefusedNamingTheRow() {
		DeviceFacts dahua = new DeviceFacts(7, 1, "Dahua", "M", "", "u", null, null, "SAME", null, null);
		DeviceFacts hikvision = new DeviceFacts(8, 1, "Hikvision", "M", "", "u", null, null, "SAME", null, null);
		ScanMatching.Ambiguous refused = catchThrowableOfType(ScanMatching.Ambiguous.class,
				() -> ScanMatching.match(List.of(line(1, "127.76.0.1", null, null), line(3, "127.76.9.9", null, "same")),
						List.of(ADDRESSED, dahua, hikvision)));
		assertThat(refused.messageKey()).isEqualTo("products.scan.refused.ambiguous");
		assertThat(refused.lineNumber()).isEqualTo(3);
		assertThat(refused.ambiguities()).singleElement().satisfies(a -> {
			assertThat(a.lines()).containsExactly(3);
			assertThat(a.by()).isEqualTo(By.SERIAL);
			assertThat(a.devices()).containsExactly("SAME", "SAME");
			assertThat(a.severalDevices()).isTrue();
		});
	}

	@Test
	void severalLinesFittingOneDeviceAreRefusedNamingTheRows() {
		ScanMatching.Ambiguous refused = catchThrowableOfType(ScanMatching.Ambiguous.class,
				() -> ScanMatching.match(List.of(line(2, "127.76.0.1", null, null), line(3, "127.76.0.7", null, null),
						line(6, "127.76.9.9", "AA:BB:CC:00:00:01", null)), DEVICES));
		assertThat(refused.ambiguities()).extracting(Ambiguity::lines, Ambiguity::devices, Ambiguity::severalDevices)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(List.of(2, 6), List.of("SN-1"), false));
	}

	@Test
	void linesAboutOtherDevicesAreLeftOut() {
		assertThat(ScanMatching.match(List.of(line(1, "127.76.5.5", "AA:BB:CC:FF:FF:FF", "OTHER")), DEVICES)).isEmpty();
	}

	private static DeviceFacts device(long id, String serial, String mac, String address) {
		return new DeviceFacts(id, 1, "Dahua", "IPC", "", "unit", null, null, serial, mac, address);
	}

	private static ScanFile.Numbered line(int number, String address, String mac, String serial) {
		return new ScanFile.Numbered(number, new ScanFile.Line(address, List.of(), new ScanFile.Fingerprint("", "", "",
				"UNKNOWN", List.of()), List.of(), List.of(), 1, mac, serial));
	}

}
