package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.camguard.lab.WireClient.body;
import static vn.camguard.lab.WireClient.digest;
import static vn.camguard.lab.WireClient.get;
import static vn.camguard.lab.WireClient.post;
import static vn.camguard.lab.WireClient.rtsp;
import static vn.camguard.lab.WireClient.soap;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each profile speaks its protocols as PROFILES.md says, with plain JDK clients on 127.10.1.x. */
class ProfileProtocolTests {

	static final String HIK_OPEN = "127.10.1.1";
	static final String HIK_HARDENED = "127.10.1.2";
	static final String DAHUA = "127.10.1.3";
	static final String XM = "127.10.1.4";
	static final String AXIS = "127.10.1.5";
	static final String DLINK = "127.10.1.6";
	static final String NVR = "127.10.1.7";

	static RunningLab lab;

	@BeforeAll
	static void start() throws IOException {
		lab = Lab.start(FleetSpec.parse("""
				subnet: 127.10.1.0
				devices:
				  - profile: hikvision-ipc
				    weaknesses: [DEFAULT_CREDENTIALS, RTSP_NO_AUTH, SNAPSHOT_NO_AUTH, ONVIF_NO_AUTH, TELNET_OPEN,
				                 CLEARTEXT_MANAGEMENT, KNOWN_CVE]
				  - profile: hikvision-ipc
				    password: Str0ngPassw0rd
				  - profile: dahua-ipc
				    weaknesses: [CLEARTEXT_MANAGEMENT, WEAK_PASSWORD]
				    password: "123456"
				  - profile: xiongmai-ipc
				    weaknesses: [CLEARTEXT_MANAGEMENT, KNOWN_CVE, DEFAULT_CREDENTIALS]
				  - profile: axis-ipc
				    password: AxisStrong123
				  - profile: onvif-generic
				    weaknesses: [CLEARTEXT_MANAGEMENT, KNOWN_CVE]
				    password: GenericStrong9
				  - profile: dahua-nvr
				    weaknesses: [CLEARTEXT_MANAGEMENT, OUTDATED_FIRMWARE, TELNET_OPEN]
				    password: NvrStrong12345
				""", "test fleet"));
	}

	@AfterAll
	static void stop() {
		lab.close();
	}

	@Test
	void manifestDescribesEachDevice() {
		DeviceTruth hik = lab.manifest().device(HIK_OPEN).orElseThrow();
		assertThat(hik.vendor()).isEqualTo("Hikvision");
		assertThat(hik.firmware()).isEqualTo("V5.4.0 build 160530");
		assertThat(hik.cves()).containsExactly("CVE-2017-7921", "CVE-2017-7923", "CVE-2021-36260");
		assertThat(hik.openTcpPorts()).containsExactly(23, 80, 554, 8000);
		assertThat(hik.credentials()).isEqualTo(new Credentials("admin", "12345"));
		DeviceTruth hardened = lab.manifest().device(HIK_HARDENED).orElseThrow();
		assertThat(hardened.hardened()).isTrue();
		assertThat(hardened.openTcpPorts()).containsExactly(80, 443, 554, 8000);
		assertThat(hardened.firmware()).isEqualTo("V5.5.82 build 190909");
		assertThat(lab.manifest().device(NVR).orElseThrow().kind()).isEqualTo(DeviceKind.RECORDER);
		assertThat(lab.manifest().toJson()).contains("\"profile\" : \"dahua-nvr\"").contains("\"udpPorts\"");
	}

	@Test
	void hikvisionShowsBannerLoginPageAndFirmwareWithoutLogin() throws Exception {
		String root = get(HIK_OPEN, 80, "/");
		assertThat(root).startsWith("HTTP/1.1 302 Found").contains("Server: App-webs/")
				.contains("Location: /doc/page/login.asp");
		String login = get(HIK_OPEN, 80, "/doc/page/login.asp");
		assertThat(login).startsWith("HTTP/1.1 200 OK").contains("login.js?version=V5.4.0%20build%20160530");
		String bypass = get(HIK_OPEN, 80, "/system/deviceInfo?auth=YWRtaW46MTEK");
		assertThat(bypass).startsWith("HTTP/1.1 200").contains("<firmwareVersion>V5.4.0</firmwareVersion>");
	}

	@Test
	void hardenedHikvisionRedirectsToTlsAndRefusesWrongDigest() throws Exception {
		String plain = get(HIK_HARDENED, 80, "/doc/page/login.asp");
		assertThat(plain).startsWith("HTTP/1.1 301").contains("Location: https://" + HIK_HARDENED + "/doc/page/login.asp");
		String login = WireClient.exchangeTls(HIK_HARDENED, 443, "GET /doc/page/login.asp HTTP/1.1\r\nConnection: close\r\nHost: x\r\n\r\n");
		assertThat(login).contains("version=V5.5.82%20build%20190909");
		String challenge = WireClient.exchangeTls(HIK_HARDENED, 443, "GET /ISAPI/Security/userCheck HTTP/1.1\r\nConnection: close\r\n\r\n");
		assertThat(challenge).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Digest realm=\"Hikvision\"")
				.contains("qop=\"auth\"");
		String uri = "/ISAPI/Security/userCheck";
		String wrong = WireClient.exchangeTls(HIK_HARDENED, 443, "GET " + uri + " HTTP/1.1\r\nConnection: close\r\n"
				+ digest(challenge, "GET", uri, "admin", "12345") + "\r\n\r\n");
		assertThat(wrong).startsWith("HTTP/1.1 401");
		String right = WireClient.exchangeTls(HIK_HARDENED, 443, "GET " + uri + " HTTP/1.1\r\nConnection: close\r\n"
				+ digest(challenge, "GET", uri, "admin", "Str0ngPassw0rd") + "\r\n\r\n");
		assertThat(right).startsWith("HTTP/1.1 200").contains("<statusValue>200</statusValue>");
		String bypass = WireClient.exchangeTls(HIK_HARDENED, 443, "GET /system/deviceInfo?auth=YWRtaW46MTEK HTTP/1.1\r\nConnection: close\r\n\r\n");
		assertThat(bypass).startsWith("HTTP/1.1 401");
	}

	@Test
	void httpKeepsTheConnectionOpenUntilAskedToClose() throws Exception {
		String both = WireClient.exchange(DAHUA, 80, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
				+ "GET /cgi-bin/snapshot.cgi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		assertThat(both).startsWith("HTTP/1.1 200 OK").contains("CONNECTION: keep-alive").contains("WEB SERVICE")
				.contains("HTTP/1.1 401 Unauthorized").endsWith("CONNECTION: close\r\nCONTENT-LENGTH: 0\r\n\r\n");
	}

	@Test
	void headAnswersCarryTheLengthButNoBody() throws Exception {
		String both = WireClient.exchange(DAHUA, 80, "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n"
				+ "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		int second = both.indexOf("HTTP/1.1 200 OK", 1);
		assertThat(second).isPositive();
		assertThat(both.substring(0, second)).contains("CONTENT-LENGTH: ").doesNotContain("WEB SERVICE")
				.endsWith("\r\n\r\n");
		assertThat(both.substring(second)).contains("WEB SERVICE");
	}

	@Test
	void snapshotOpenOnlyWithTheWeakness() throws Exception {
		String open = get(HIK_OPEN, 80, "/ISAPI/Streaming/channels/101/picture");
		assertThat(open).startsWith("HTTP/1.1 200").contains("Content-Type: image/jpeg");
		assertThat(body(open).getBytes(StandardCharsets.ISO_8859_1)).startsWith(0xff, 0xd8);
		assertThat(get(DAHUA, 80, "/cgi-bin/snapshot.cgi?channel=1")).startsWith("HTTP/1.1 401");
		assertThat(WireClient.exchangeTls(AXIS, 443, "GET /axis-cgi/jpg/image.cgi HTTP/1.1\r\nConnection: close\r\n\r\n"))
				.startsWith("HTTP/1.1 401");
	}

	@Test
	void rtspDescribeNeedsDigestUnlessOpen() throws Exception {
		String options = rtsp(HIK_HARDENED, "OPTIONS", "rtsp://" + HIK_HARDENED + ":554/", 7);
		assertThat(options).startsWith("RTSP/1.0 200 OK").contains("CSeq: 7").contains("Public: OPTIONS, DESCRIBE");
		String url = "rtsp://" + HIK_HARDENED + ":554/Streaming/Channels/101";
		String challenge = rtsp(HIK_HARDENED, "DESCRIBE", url, 2);
		assertThat(challenge).startsWith("RTSP/1.0 401").contains("CSeq: 2")
				.contains("WWW-Authenticate: Digest realm=\"Hikvision\"").contains("WWW-Authenticate: Basic realm=\"/\"");
		String sdp = rtsp(HIK_HARDENED, "DESCRIBE", url, 3, digest(challenge, "DESCRIBE", url, "admin", "Str0ngPassw0rd"));
		assertThat(sdp).startsWith("RTSP/1.0 200 OK").contains("Content-Type: application/sdp")
				.contains("m=video 0 RTP/AVP 96").contains("a=rtpmap:96 H264/90000");
		assertThat(rtsp(HIK_HARDENED, "DESCRIBE", url, 4, WireClient.basic("admin", "Str0ngPassw0rd")))
				.startsWith("RTSP/1.0 200");
		assertThat(rtsp(HIK_HARDENED, "DESCRIBE", url, 5, WireClient.basic("admin", "12345"))).startsWith("RTSP/1.0 401");
		String open = rtsp(HIK_OPEN, "DESCRIBE", "rtsp://" + HIK_OPEN + ":554/Streaming/Channels/101", 9);
		assertThat(open).startsWith("RTSP/1.0 200").contains("CSeq: 9").contains("v=0");
		assertThat(rtsp(HIK_OPEN, "DESCRIBE", "rtsp://" + HIK_OPEN + ":554/nope", 1)).startsWith("RTSP/1.0 404");
		assertThat(rtsp(HIK_OPEN, "RECORD", "rtsp://" + HIK_OPEN + ":554/Streaming/Channels/101", 1))
				.startsWith("RTSP/1.0 405");
	}

	@Test
	void dahuaUsesUpperCaseHeadersAndLoginToSerialRealm() throws Exception {
		String page = get(DAHUA, 80, "/");
		assertThat(page).startsWith("HTTP/1.1 200").contains("CONTENT-TYPE: text/html").contains("<title>WEB SERVICE</title>")
				.contains("version=V2.800.0000000.45.R.20240312").doesNotContain("Server:");
		String path = "/cgi-bin/magicBox.cgi?action=getSystemInfo";
		String challenge = get(DAHUA, 80, path);
		assertThat(challenge).startsWith("HTTP/1.1 401").contains("Digest realm=\"Login to IPC-HFW2431S-S-S2-");
		String info = get(DAHUA, 80, path, digest(challenge.replace("WWW-AUTHENTICATE", "WWW-Authenticate"), "GET",
				path, "admin", "123456"));
		assertThat(info).startsWith("HTTP/1.1 200").contains("deviceType=IPC-HFW2431S-S-S2");
		String rtspChallenge = rtsp(DAHUA, "DESCRIBE", "rtsp://" + DAHUA + ":554/cam/realmonitor?channel=1&subtype=0", 1);
		assertThat(rtspChallenge).startsWith("RTSP/1.0 401").contains("Server: Dahua Rtsp Server");
		assertThat(portAnswer(DAHUA, 37777)).hasSize(32).startsWith((byte) 0xf6);
		assertThat(portAnswer(HIK_OPEN, 8000)).containsExactly(0, 0, 0, 0x10, 0, 0, 0, 0x1e, 0, 0, 0, 0x1e, 0, 0, 0, 0);
	}

	@Test
	void xiongMaiShowsUcHttpdH264DvrAndOnvifOn8899() throws Exception {
		assertThat(get(XM, 80, "/Login.htm")).contains("Server: uc-httpd 1.0.0").contains("NETSurveillance WEB")
				.contains("version=V4.02.R11.34500140.10010.131500.00000");
		assertThat(rtsp(XM, "OPTIONS", "rtsp://" + XM + ":554/", 1)).contains("Server: H264DVR 1.0");
		assertThat(rtsp(XM, "DESCRIBE", "rtsp://" + XM + ":554/user=admin_password=_channel=1_stream=0.sdp", 2))
				.startsWith("RTSP/1.0 200");
		assertThat(rtsp(XM, "DESCRIBE", "rtsp://" + XM + ":554/user=admin_password=x_channel=1_stream=0.sdp", 2))
				.startsWith("RTSP/1.0 401");
		String info = post(XM, 8899, "/onvif/device_service", "application/soap+xml",
				soap("<tds:GetDeviceInformation/>", "admin", ""));
		assertThat(info).startsWith("HTTP/1.1 200").contains("<tds:Manufacturer>XiongMai</tds:Manufacturer>");
		assertThat(get(XM, 80, "/webcapture.jpg?command=snap&channel=1&user=admin&password=")).contains("image/jpeg");
		assertThat(portAnswer(XM, 34567)).startsWith((byte) 0xff, (byte) 0x01);
	}

	@Test
	void axisTellsModelAndFirmwareThroughBasicDeviceInfo() throws Exception {
		String info = WireClient.exchangeTls(AXIS, 443, "POST /axis-cgi/basicdeviceinfo.cgi HTTP/1.1\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 58\r\n\r\n"
				+ "{\"apiVersion\":\"1.0\",\"method\":\"getAllUnrestrictedProperties\"}".substring(0, 58));
		assertThat(info).startsWith("HTTP/1.1 200").contains("\"ProdNbr\":\"M3045-V\"").contains("\"Version\":\"10.12.213\"");
		assertThat(WireClient.exchangeTls(AXIS, 443, "GET /axis-cgi/param.cgi?action=list&group=root.Brand HTTP/1.1\r\nConnection: close\r\n\r\n"))
				.startsWith("HTTP/1.1 401").contains("realm=\"AXIS_M3045-V-");
		assertThat(rtsp(AXIS, "OPTIONS", "rtsp://" + AXIS + ":554/axis-media/media.amp", 1))
				.contains("Public: DESCRIBE, GET_PARAMETER");
	}

	@Test
	void genericCameraUsesBasicAuthAndLeaksUserOnKnownCve() throws Exception {
		String challenge = get(DLINK, 80, "/image/jpeg.cgi");
		assertThat(challenge).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Basic realm=\"DCS-2530L\"");
		assertThat(get(DLINK, 80, "/image/jpeg.cgi", WireClient.basic("admin", "GenericStrong9"))).startsWith("HTTP/1.1 200");
		assertThat(get(DLINK, 80, "/image/jpeg.cgi", WireClient.basic("admin", "admin"))).startsWith("HTTP/1.1 401");
		assertThat(get(DLINK, 80, "/config/getuser?index=0")).startsWith("HTTP/1.1 200").contains("name=admin");
		assertThat(get(DLINK, 80, "/")).contains("Server: httpd").contains("version=1.05.05");
	}

	@Test
	void onvifNeedsUsernameTokenForSensitiveCalls() throws Exception {
		String url = "/onvif/device_service";
		String time = post(DAHUA, 80, url, "application/soap+xml", soap("<tds:GetSystemDateAndTime/>", null, null));
		assertThat(time).startsWith("HTTP/1.1 200").contains("GetSystemDateAndTimeResponse");
		String refused = post(DAHUA, 80, url, "application/soap+xml", soap("<tds:GetDeviceInformation/>", null, null));
		assertThat(refused).startsWith("HTTP/1.1 400").contains("ter:NotAuthorized");
		String wrong = post(DAHUA, 80, url, "application/soap+xml", soap("<tds:GetDeviceInformation/>", "admin", "admin"));
		assertThat(wrong).contains("ter:NotAuthorized");
		String right = post(DAHUA, 80, url, "application/soap+xml", soap("<tds:GetDeviceInformation/>", "admin", "123456"));
		assertThat(right).startsWith("HTTP/1.1 200").contains("<tds:Model>IPC-HFW2431S-S-S2</tds:Model>")
				.contains("<tds:FirmwareVersion>V2.800.0000000.45.R.20240312</tds:FirmwareVersion>");
		String uri = post(DAHUA, 80, url, "application/soap+xml",
				soap("<trt:GetStreamUri><trt:ProfileToken>Profile_1</trt:ProfileToken></trt:GetStreamUri>", "admin", "123456"));
		assertThat(uri).contains("<tt:Uri>rtsp://" + DAHUA + ":554/cam/realmonitor?channel=1&amp;subtype=0</tt:Uri>");
		String open = post(HIK_OPEN, 80, url, "application/soap+xml", soap("<tds:GetDeviceInformation/>", null, null));
		assertThat(open).startsWith("HTTP/1.1 200").contains("<tds:Manufacturer>Hikvision</tds:Manufacturer>");
		String openWrongToken = post(HIK_OPEN, 80, url, "application/soap+xml",
				soap("<tds:GetDeviceInformation/>", "admin", "nope"));
		assertThat(openWrongToken).contains("ter:NotAuthorized");
		String malformed = post(HIK_OPEN, 80, url, "application/soap+xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
		assertThat(malformed).startsWith("HTTP/1.1 400").doesNotContain("root:");
	}

	@Test
	void wsDiscoveryNamesVendorAndModel() throws Exception {
		String probe = """
				<?xml version="1.0" encoding="UTF-8"?>
				<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope" xmlns:w="http://schemas.xmlsoap.org/ws/2004/08/addressing" \
				xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">\
				<e:Header><w:MessageID>urn:uuid:0a6dc791-2be6-4991-9af1-454778a1917a</w:MessageID>\
				<w:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</w:To>\
				<w:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</w:Action></e:Header>\
				<e:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></e:Body></e:Envelope>""";
		String match = WireClient.udp(HIK_HARDENED, 3702, probe);
		assertThat(match).contains("ProbeMatches").contains("urn:uuid:0a6dc791-2be6-4991-9af1-454778a1917a")
				.contains("onvif://www.onvif.org/name/Hikvision").contains("onvif://www.onvif.org/hardware/DS-2CD2142FWD-I")
				.contains("<wsd:XAddrs>https://" + HIK_HARDENED + "/onvif/device_service</wsd:XAddrs>");
		assertThat(WireClient.udp(NVR, 3702, probe.replace("dn:NetworkVideoTransmitter", "")))
				.contains("type/video_recorder").contains("hardware/NVR2108HS-4KS2");
	}

	@Test
	void telnetAndTlsPortsFollowTheWeaknesses() throws Exception {
		assertThat(WireClient.exchange(HIK_OPEN, 23, "admin\r\n12345\r\n")).startsWith("192.0.0.64 login: ")
				.contains("Password: ").endsWith("# ");
		assertThat(WireClient.exchange(NVR, 23, "admin\r\nwrong\r\n")).contains("Login incorrect");
		assertRefused(HIK_HARDENED, 23);
		assertRefused(HIK_OPEN, 443);
		assertRefused(DAHUA, 8000);
	}

	private static void assertRefused(String address, int port) {
		assertThatThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(address, port), 1_000);
			}
		}).isInstanceOf(ConnectException.class);
	}

	private static byte[] portAnswer(String address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 1_000);
			socket.setSoTimeout(3_000);
			socket.getOutputStream().write(new byte[] { 1, 2, 3 });
			return socket.getInputStream().readAllBytes();
		}
	}

}
