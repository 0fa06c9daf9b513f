package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unbranded OEM camera: a vendor name no table knows, web with its factory account on port 81, an open stream on
 * 8554 at a path from the middle of the common-path dictionary; never in a random fleet; 127.62.3.x.
 */
class WhiteLabelDeviceTests {

	static final String CAMERA = "127.62.3.1";

	static final String HARDENED = "127.62.3.2";

	static RunningLab lab;

	@BeforeAll
	static void start() throws IOException {
		lab = Lab.start(new FleetSpec(List.of(
				DeviceSpec.of("w", CAMERA, Profile.WHITELABEL_IPC,
						Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.RTSP_NO_AUTH, Weakness.CLEARTEXT_MANAGEMENT)),
				DeviceSpec.of("h", HARDENED, Profile.WHITELABEL_IPC, Set.of())), 0));
	}

	@AfterAll
	static void stop() {
		lab.close();
	}

	@Test
	void itListensOnWebPort81AndRtspPort8554Only() throws Exception {
		DeviceTruth truth = lab.manifest().devices().getFirst();
		assertThat(truth.vendor()).isEqualTo("Sentinova");
		assertThat(truth.openTcpPorts()).containsExactly(81, 8554);
		assertThat(truth.credentials()).isEqualTo(new Credentials("admin", "admin"));
		for (int port : List.of(81, 8554)) {
			assertThat(LabStartTests.accepts(CAMERA, port)).as("port " + port).isTrue();
		}
		for (int port : List.of(80, 443, 554)) {
			assertThat(LabStartTests.accepts(CAMERA, port)).as("port " + port).isFalse();
		}
		assertThat(lab.manifest().devices().get(1).openTcpPorts()).containsExactly(81, 443, 8554);
	}

	@Test
	void theWebUiOnPort81OpensToTheFactoryAccountOnly() throws Exception {
		String challenge = WireClient.get(CAMERA, 81, "/");
		assertThat(challenge).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Digest realm=\"IP Camera\"");
		assertThat(WireClient.get(CAMERA, 81, "/", WireClient.digest(challenge, "GET", "/", "admin", "admin")))
				.startsWith("HTTP/1.1 200").contains("<title>IP Camera</title>").doesNotContain("Sentinova");
		assertThat(WireClient.get(CAMERA, 81, "/", WireClient.digest(challenge, "GET", "/", "admin", "12345")))
				.startsWith("HTTP/1.1 401");
		assertThat(WireClient.get(HARDENED, 81, "/")).startsWith("HTTP/1.1 301")
				.contains("Location: https://" + HARDENED + "/");
	}

	@Test
	void theOpenStreamIsOnAMiddleDictionaryPathOnPort8554() throws Exception {
		String sdp = rtsp(CAMERA, "DESCRIBE", "/av0_0");
		assertThat(sdp).startsWith("RTSP/1.0 200").contains("Content-Type: application/sdp")
				.contains("Content-Base: rtsp://" + CAMERA + ":8554/av0_0/").contains("m=video 0 RTP/AVP 96");
		assertThat(rtsp(CAMERA, "DESCRIBE", "/Streaming/Channels/101")).startsWith("RTSP/1.0 404");
		assertThat(rtsp(CAMERA, "DESCRIBE", "/")).startsWith("RTSP/1.0 404");
		assertThat(rtsp(HARDENED, "DESCRIBE", "/av0_0")).startsWith("RTSP/1.0 401");
	}

	@Test
	void discoveryNamesTheUnknownVendorAndTheOnvifServiceOnPort81() throws Exception {
		String probe = "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\" "
				+ "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><e:Body><d:Probe><d:Types></d:Types>"
				+ "</d:Probe></e:Body></e:Envelope>";
		assertThat(WireClient.udp(CAMERA, 3702, probe)).contains("onvif://www.onvif.org/name/Sentinova")
				.contains("http://" + CAMERA + ":81/onvif/device_service");
	}

	@Test
	void firmwareAndSnapshotWeaknessesAreRefusedForIt() {
		for (Weakness weakness : List.of(Weakness.KNOWN_CVE, Weakness.OUTDATED_FIRMWARE, Weakness.SNAPSHOT_NO_AUTH)) {
			assertThatThrownBy(() -> DeviceSpec.of("x", "127.62.3.9", Profile.WHITELABEL_IPC, Set.of(weakness)))
					.isInstanceOf(IllegalArgumentException.class).hasMessageContaining(weakness.name());
		}
		assertThat(FleetSpec.random(FleetSpec.COVERAGE_MINIMUM, 5L, "127.62.4.0").devices())
				.noneMatch(d -> d.profile() == Profile.WHITELABEL_IPC);
	}

	/** One RTSP request on port 8554; the answer's head and body (read by its Content-Length). */
	static String rtsp(String address, String method, String path) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, 8554), 2_000);
			socket.setSoTimeout(3_000);
			socket.getOutputStream().write((method + " rtsp://" + address + ":8554" + path
					+ " RTSP/1.0\r\nCSeq: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			String head = SimulatedLatencyTests.readUntil(socket.getInputStream(), "\r\n\r\n");
			Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(head);
			int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
			return head + new String(socket.getInputStream().readNBytes(bodyLength), StandardCharsets.ISO_8859_1);
		}
	}

}
