package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLHandshakeException;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolVersion;

import org.junit.jupiter.api.Test;

/**
 * The manifest is true on the wire: for every device of a covering random fleet (127.10.64.x), each listed
 * weakness shows exactly as PROFILES.md says and each absent one does not, and vendor, model and firmware are
 * readable without credentials from the places PROFILES.md names.
 */
class ManifestTruthTests {

	private static final Map<String, String> SNAPSHOT = Map.of("hikvision-ipc", "/ISAPI/Streaming/channels/101/picture",
			"dahua-ipc", "/cgi-bin/snapshot.cgi", "dahua-nvr", "/cgi-bin/snapshot.cgi", "xiongmai-ipc",
			"/webcapture.jpg?command=snap&channel=1", "axis-ipc", "/axis-cgi/jpg/image.cgi", "onvif-generic",
			"/image/jpeg.cgi");

	private static final Map<String, String> LOGIN_PAGE = Map.of("hikvision-ipc", "/doc/page/login.asp", "dahua-ipc",
			"/", "dahua-nvr", "/", "xiongmai-ipc", "/Login.htm", "onvif-generic", "/");

	private static final Map<String, String> STREAM = Map.of("hikvision-ipc", "/Streaming/Channels/101", "dahua-ipc",
			"/cam/realmonitor?channel=1&subtype=0", "dahua-nvr", "/cam/realmonitor?channel=1&subtype=0",
			"xiongmai-ipc", "/live/ch00_0", "axis-ipc", "/axis-media/media.amp", "onvif-generic", "/live1.sdp");

	private static final Pattern VERSION = Pattern.compile("\\?version=([^\"]+)\"");

	@Test
	void everyWeaknessShowsOnTheWireAndNothingElse() throws Exception {
		FleetSpec fleet = FleetSpec.random(FleetSpec.COVERAGE_MINIMUM, 11L, "127.10.64.0");
		try (RunningLab lab = Lab.start(fleet)) {
			for (DeviceTruth device : lab.manifest().devices()) {
				check(device);
			}
		}
	}

	private static void check(DeviceTruth device) throws Exception {
		String at = device.id() + " " + device.profile() + " " + device.weaknesses();
		String address = device.address();
		boolean cleartext = device.weaknesses().contains(Weakness.CLEARTEXT_MANAGEMENT);
		assertThat(LabStartTests.accepts(address, 443)).as(at + " https").isEqualTo(!cleartext);
		if (!cleartext) {
			boolean tls10 = device.weaknesses().contains(Weakness.TLS10_ONLY);
			boolean rsaKeyExchange = device.weaknesses().contains(Weakness.RSA_KEY_EXCHANGE_ONLY);
			String head = "HEAD / HTTP/1.1\r\nConnection: close\r\n\r\n";
			assertThat(catchThrowable(() -> WireClient.jsseExchange(address, 443, head)))
					.as(at + " the JDK's default client refused").matches(
							refused -> (tls10 || rsaKeyExchange) == refused instanceof SSLHandshakeException);
			if (tls10 || rsaKeyExchange) {
				WireClient.LegacyAnswer legacy = WireClient.legacyTls(address, 443, head);
				assertThat(legacy.version()).as(at + " version")
						.isEqualTo(tls10 ? ProtocolVersion.TLSv10 : ProtocolVersion.TLSv12);
				assertThat(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256 == legacy.cipherSuite()
						|| CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA == legacy.cipherSuite()).as(at + " RSA key exchange")
						.isEqualTo(rsaKeyExchange);
			}
		}
		assertThat(LabStartTests.accepts(address, 23)).as(at + " telnet")
				.isEqualTo(device.weaknesses().contains(Weakness.TELNET_OPEN));

		String probe = "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\" "
				+ "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><e:Body><d:Probe/></e:Body></e:Envelope>";
		String match = WireClient.udp(address, 3702, probe);
		assertThat(match).as(at).contains("onvif://www.onvif.org/name/" + device.vendor() + " ")
				.contains("onvif://www.onvif.org/hardware/" + device.model() + " ");
		assertThat(unauthenticatedFirmware(device, cleartext)).as(at + " firmware").isEqualTo(device.firmware());

		String snapshot = web(address, cleartext, "GET " + SNAPSHOT.get(device.profile()) + " HTTP/1.1\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(snapshot.startsWith("HTTP/1.1 200")).as(at + " snapshot")
				.isEqualTo(device.weaknesses().contains(Weakness.SNAPSHOT_NO_AUTH));

		String stream = "rtsp://" + address + ":554" + STREAM.get(device.profile());
		assertThat(WireClient.rtsp(address, "DESCRIBE", stream, 1).startsWith("RTSP/1.0 200")).as(at + " rtsp")
				.isEqualTo(device.weaknesses().contains(Weakness.RTSP_NO_AUTH));

		assertThat(onvifInformation(device, cleartext, null, null)).as(at + " onvif")
				.isEqualTo(device.weaknesses().contains(Weakness.ONVIF_NO_AUTH));
		String user = device.credentials().username();
		String factory = Profile.byId(device.profile()).orElseThrow().factoryPassword();
		assertThat(onvifInformation(device, cleartext, user, factory)).as(at + " factory password")
				.isEqualTo(device.weaknesses().contains(Weakness.DEFAULT_CREDENTIALS));
		boolean weak = false;
		for (String password : Profile.WEAK_PASSWORDS) {
			weak |= onvifInformation(device, cleartext, user, password);
		}
		assertThat(weak).as(at + " weak password").isEqualTo(device.weaknesses().contains(Weakness.WEAK_PASSWORD));
		assertThat(onvifInformation(device, cleartext, user, device.credentials().password())).as(at + " own password")
				.isTrue();
	}

	private static String unauthenticatedFirmware(DeviceTruth device, boolean cleartext) throws Exception {
		if (device.profile().equals("axis-ipc")) {
			String info = web(device.address(), cleartext,
					"GET /axis-cgi/basicdeviceinfo.cgi HTTP/1.1\r\nConnection: close\r\n\r\n");
			Matcher version = Pattern.compile("\"Version\":\"([^\"]+)\"").matcher(info);
			return version.find() ? version.group(1) : null;
		}
		String page = web(device.address(), cleartext, "GET " + LOGIN_PAGE.get(device.profile())
				+ " HTTP/1.1\r\nConnection: close\r\n\r\n");
		Matcher version = VERSION.matcher(page);
		return version.find() ? URLDecoder.decode(version.group(1), StandardCharsets.UTF_8) : null;
	}

	private static boolean onvifInformation(DeviceTruth device, boolean cleartext, String user, String password)
			throws Exception {
		String soap = WireClient.soap("<tds:GetDeviceInformation/>", user, password);
		String request = "POST /onvif/device_service HTTP/1.1\r\nConnection: close\r\nContent-Type: application/soap+xml\r\n"
				+ "Content-Length: " + soap.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + soap;
		String answer = device.profile().equals("xiongmai-ipc") ? WireClient.exchange(device.address(), 8899, request)
				: web(device.address(), cleartext, request);
		return answer.startsWith("HTTP/1.1 200") && answer.contains("<tds:FirmwareVersion>" + device.firmware());
	}

	private static String web(String address, boolean cleartext, String request) throws Exception {
		return cleartext ? WireClient.exchange(address, 80, request) : WireClient.exchangeTls(address, 443, request);
	}

}
