package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.camguard.lab.WireClient.digest;
import static vn.camguard.lab.WireClient.get;
import static vn.camguard.lab.WireClient.post;
import static vn.camguard.lab.WireClient.soap;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every simulated device has its own serial number and MAC, the same on every start, in the manifest and told where
 * its firmware tells them (PROFILES.md): ONVIF GetDeviceInformation and GetNetworkInterfaces (with credentials
 * unless ONVIF_NO_AUTH), Hikvision ISAPI deviceInfo, Dahua magicBox getSystemInfo and getSerialNo.
 */
class DeviceIdentityTests {

	private static final String DLINK = "127.84.200.1";

	private static final String HIK = "127.84.200.2";

	private static final String DAHUA = "127.84.200.3";

	private static final String UNRULY = "127.84.200.4";

	@Test
	void eachDeviceTellsItsOwnStableSerialAndMacWhereItsFirmwareDoes() throws Exception {
		DeviceSpec dlink = DeviceSpec.of("dlink", DLINK, Profile.ONVIF_GENERIC,
				Set.of(Weakness.ONVIF_NO_AUTH, Weakness.CLEARTEXT_MANAGEMENT));
		DeviceSpec hik = DeviceSpec.of("hik", HIK, Profile.HIKVISION_IPC,
				Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.CLEARTEXT_MANAGEMENT));
		DeviceSpec dahua = DeviceSpec.of("dahua", DAHUA, Profile.DAHUA_IPC,
				Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.CLEARTEXT_MANAGEMENT));
		DeviceSpec unruly = DeviceSpec.of("unruly", UNRULY, Profile.ONVIF_GENERIC,
				Set.of(Weakness.ONVIF_NO_AUTH, Weakness.CLEARTEXT_MANAGEMENT))
			.with(Behaviour.UNRULY_IDENTIFIERS);
		assertThat(hik.mac()).isEqualTo("c0:56:e3:54:c8:02").isEqualTo(DeviceSpec.of("again", HIK,
				Profile.HIKVISION_IPC, Set.of()).mac());
		assertThat(hik.serial()).isEqualTo("DS-2CD2142FWD-I-05556226");
		assertThat(List.of(dlink.mac(), hik.mac(), dahua.mac(), unruly.mac())).doesNotHaveDuplicates();
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(dlink, hik, dahua, unruly), 0))) {
			assertThat(lab.manifest().devices()).extracting(DeviceTruth::mac)
				.containsExactly(dlink.mac(), hik.mac(), dahua.mac(), unruly.mac());
			assertThat(lab.manifest().devices()).extracting(DeviceTruth::serial)
				.containsExactly(dlink.serial(), hik.serial(), dahua.serial(), unruly.serial());

			String url = "/onvif/device_service";
			String interfaces = post(DLINK, 80, url, "application/soap+xml", soap("<tds:GetNetworkInterfaces/>", null, null));
			assertThat(interfaces).startsWith("HTTP/1.1 200").contains("<tt:HwAddress>" + dlink.mac() + "</tt:HwAddress>");
			assertThat(post(DLINK, 80, url, "application/soap+xml", soap("<tds:GetDeviceInformation/>", null, null)))
				.contains("<tds:SerialNumber>" + dlink.serial() + "</tds:SerialNumber>");
			assertThat(post(DAHUA, 80, url, "application/soap+xml", soap("<tds:GetNetworkInterfaces/>", null, null)))
				.as("ONVIF asks for credentials").contains("ter:NotAuthorized");
			assertThat(post(DAHUA, 80, url, "application/soap+xml", soap("<tds:GetNetworkInterfaces/>", "admin", "admin")))
				.contains("<tt:HwAddress>" + dahua.mac() + "</tt:HwAddress>");

			String path = "/ISAPI/System/deviceInfo";
			String challenge = get(HIK, 80, path);
			assertThat(challenge).startsWith("HTTP/1.1 401");
			String info = get(HIK, 80, path, digest(challenge, "GET", path, "admin", "12345"));
			assertThat(info).startsWith("HTTP/1.1 200").contains("<serialNumber>" + hik.serial() + "</serialNumber>")
				.contains("<macAddress>" + hik.mac() + "</macAddress>");

			String serialNo = "/cgi-bin/magicBox.cgi?action=getSerialNo";
			// Dahua writes its header names in upper case (PROFILES.md §5)
			String dahuaChallenge = get(DAHUA, 80, serialNo).replace("WWW-AUTHENTICATE:", "WWW-Authenticate:");
			assertThat(get(DAHUA, 80, serialNo, digest(dahuaChallenge, "GET", serialNo, "admin", "admin")))
				.contains("sn=" + dahua.serial() + "\r\n");

			String garbage = post(UNRULY, 80, url, "application/soap+xml", soap("<tds:GetNetworkInterfaces/>", null, null));
			assertThat(garbage).contains("<tt:HwAddress>zz" + unruly.mac().substring(2) + "</tt:HwAddress>");
			assertThat(post(UNRULY, 80, url, "application/soap+xml", soap("<tds:GetDeviceInformation/>", null, null)))
				.contains("<tds:SerialNumber>SN" + "7".repeat(5_000) + "</tds:SerialNumber>");
		}
	}

}
