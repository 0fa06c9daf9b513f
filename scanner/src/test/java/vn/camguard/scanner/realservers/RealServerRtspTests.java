package vn.camguard.scanner.realservers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.check.CredentialCheck;
import vn.camguard.scanner.check.RtspNoAuthCheck;

import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GStreamer's RTSP server (gst-rtsp-server, driven by {@code gst-rtsp-server.py}) posing as cameras of a vendor
 * the scanner does not know: what each server is configured to serve is what the scan must report.
 * One set of servers for the class; each on a loopback address of its own.
 */
class RealServerRtspTests {

	static final String PACKAGES = "python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base "
			+ "gstreamer1.0-plugins-good";

	static final String PYTHON = "/usr/bin/python3";

	/** Not a vendor's path (vendors.tsv names none of these): only a dictionary finds them. */
	static final String COMMON_PATH = "/live";

	static final String OTHER_PATH = "/onvif1";

	static final String FACTORY_PATH = "/11";

	static final String STRONG_PASSWORD = "Qx7-vanTrung-2026!";

	@TempDir
	static Path dir;

	static final List<RealServer> servers = new ArrayList<>();

	static RealServer openOnStandardPort;

	static RealServer openOn8554;

	static RealServer openOnOtherPath;

	static RealServer factoryDigestOn8554;

	static RealServer strongDigest;

	@BeforeAll
	static void startServers() throws Exception {
		RealServer.assumeInstalled(PYTHON, PACKAGES);
		RealServer.assumeRuns(List.of(PYTHON, "-c", "import gi; gi.require_version('GstRtspServer', '1.0'); "
				+ "gi.require_version('Gst', '1.0'); from gi.repository import Gst, GstRtspServer; Gst.init(None); "
				+ "assert all(Gst.ElementFactory.find(e) for e in ('videotestsrc', 'jpegenc', 'rtpjpegpay'))"), PACKAGES);
		InetAddress a = RealServer.freeAddress();
		openOnStandardPort = rtsp("open-554", a, RealServer.standardOrFreePort(a, 554), COMMON_PATH);
		InetAddress b = RealServer.freeAddress();
		openOn8554 = rtsp("open-8554", b, 8554, COMMON_PATH);
		InetAddress c = RealServer.freeAddress();
		openOnOtherPath = rtsp("open-other-path", c, RealServer.freePort(c), OTHER_PATH);
		InetAddress d = RealServer.freeAddress();
		factoryDigestOn8554 = rtsp("digest-admin-admin-8554", d, 8554, FACTORY_PATH, "admin", "admin");
		InetAddress e = RealServer.freeAddress();
		strongDigest = rtsp("digest-strong", e, RealServer.freePort(e), COMMON_PATH, "admin", STRONG_PASSWORD);
	}

	@AfterAll
	static void stopServers() {
		servers.forEach(RealServer::close);
	}

	private static RealServer rtsp(String name, InetAddress address, int port, String mount, String... credentials)
			throws Exception {
		List<String> command = new ArrayList<>(List.of(PYTHON, script(), address.getHostAddress(),
				String.valueOf(port), mount));
		command.addAll(List.of(credentials));
		RealServer server = RealServer.start("gst-rtsp-server " + name, command, dir.resolve(name + ".log"), address,
				port);
		servers.add(server);
		return server;
	}

	private static String script() throws URISyntaxException {
		return Path.of(RealServerRtspTests.class.getResource("gst-rtsp-server.py").toURI()).toString();
	}

	@Test
	void anOpenStreamOnACommonPathOfAnUnknownVendorIsReportedWithItsRoute() throws Exception {
		DeviceReport report = RealServerScan.scan(openOnStandardPort);
		assertThat(RealServerScan.finding(report, RtspNoAuthCheck.ID)).as(openOnStandardPort.log())
				.hasValueSatisfying(f -> assertThat(evidence(f)).contains(COMMON_PATH));
	}

	@Test
	void theSameOpenStreamIsReportedOnPort8554() throws Exception {
		DeviceReport report = RealServerScan.scan(openOn8554);
		assertThat(RealServerScan.finding(report, RtspNoAuthCheck.ID))
				.hasValueSatisfying(f -> assertThat(evidence(f)).contains(COMMON_PATH, ":8554"));
	}

	@Test
	void anOpenStreamOnAPathNoVendorTableNamesOnAnArbitraryPortIsReported() throws Exception {
		DeviceReport report = RealServerScan.scan(openOnOtherPath);
		assertThat(RealServerScan.finding(report, RtspNoAuthCheck.ID))
				.hasValueSatisfying(f -> assertThat(evidence(f)).contains(OTHER_PATH));
	}

	@Test
	void digestWithTheFactoryAccountOfAnUnknownVendorIsReportedAndTheStreamIsNotCalledOpen() throws Exception {
		DeviceReport report = RealServerScan.scan(factoryDigestOn8554);
		assertThat(RealServerScan.finding(report, CredentialCheck.DEFAULT))
				.hasValueSatisfying(f -> assertThat(evidence(f)).contains("rtsp", "admin:"));
		assertThat(report.has(RtspNoAuthCheck.ID)).isFalse();
	}

	@Test
	void digestWithAStrongPasswordIsReportedForNothing() throws Exception {
		DeviceReport report = RealServerScan.scan(strongDigest);
		assertThat(report.openPorts()).containsExactly(strongDigest.port);
		assertThat(report.findings()).extracting(Finding::checkId)
				.doesNotContain(CredentialCheck.DEFAULT, CredentialCheck.WEAK, RtspNoAuthCheck.ID);
	}

	private static String evidence(Finding finding) {
		return finding.evidence().toString();
	}

}
