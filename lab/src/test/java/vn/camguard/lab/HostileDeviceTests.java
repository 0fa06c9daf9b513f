package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hostile devices misbehave exactly as PROFILES.md §9 says, on 127.10.2.x. */
class HostileDeviceTests {

	static RunningLab lab;

	@BeforeAll
	static void start() throws IOException {
		List<DeviceSpec> devices = List.of(DeviceSpec.hostile("g", "127.10.2.1", Hostility.GARBAGE),
				DeviceSpec.hostile("s", "127.10.2.2", Hostility.SILENT),
				DeviceSpec.hostile("d", "127.10.2.3", Hostility.DRIP),
				DeviceSpec.hostile("h", "127.10.2.4", Hostility.HUGE_HEADER),
				DeviceSpec.hostile("m", "127.10.2.5", Hostility.MARKUP));
		lab = Lab.start(new FleetSpec(devices, 0));
	}

	@AfterAll
	static void stop() {
		lab.close();
	}

	@Test
	void garbageDeviceSendsBinaryNoiseThenCloses() throws IOException {
		for (int port : new int[] { 80, 554 }) {
			String answer = WireClient.exchange("127.10.2.1", port, "GET / HTTP/1.1\r\n\r\n");
			assertThat(answer).hasSize(4096).doesNotStartWith("HTTP/").contains("\0");
		}
	}

	@Test
	void silentDeviceAcceptsButNeverAnswers() throws IOException {
		try (Socket socket = connect("127.10.2.2", 80)) {
			socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			socket.setSoTimeout(1_500);
			long start = System.nanoTime();
			boolean timedOut = false;
			try {
				socket.getInputStream().read();
			}
			catch (SocketTimeoutException e) {
				timedOut = true;
			}
			assertThat(timedOut).isTrue();
			assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_400);
		}
	}

	@Test
	void dripDeviceSendsAboutOneBytePerSecond() throws IOException {
		try (Socket socket = connect("127.10.2.3", 80)) {
			socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			socket.setSoTimeout(5_000);
			InputStream in = socket.getInputStream();
			long start = System.nanoTime();
			assertThat(in.read()).isEqualTo('H');
			assertThat(in.read()).isEqualTo('T');
			assertThat(in.read()).isEqualTo('T');
			assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_800);
		}
	}

	@Test
	void hugeHeaderDeviceSendsAMebibyteHeader() throws IOException {
		String answer = WireClient.exchange("127.10.2.4", 80, "GET / HTTP/1.1\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 200 OK\r\nX-Padding: AAAA");
		assertThat(answer.length()).isGreaterThan(1024 * 1024);
		assertThat(WireClient.rtsp("127.10.2.4", "OPTIONS", "rtsp://127.10.2.4/", 1)).startsWith("RTSP/1.0 200 OK");
	}

	@Test
	void markupDeviceCarriesScriptTagsInBannersAndDiscovery() throws IOException {
		assertThat(WireClient.get("127.10.2.5", 80, "/")).contains("Server: <script>alert('camguard')</script>")
				.contains("<title><b>Cam</b><script>alert(1)</script></title>");
		assertThat(WireClient.rtsp("127.10.2.5", "OPTIONS", "rtsp://127.10.2.5/", 3)).contains("CSeq: 3")
				.contains("Server: <script>");
		String probe = "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\" "
				+ "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><e:Body><d:Probe/></e:Body></e:Envelope>";
		assertThat(WireClient.udp("127.10.2.5", 3702, probe)).contains("name/%3Cscript%3Ealert%281%29%3C%2Fscript%3E").contains("hardware/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E");
		DeviceTruth truth = lab.manifest().device("127.10.2.5").orElseThrow();
		assertThat(truth.vendor()).isNull();
		assertThat(truth.hostile()).isEqualTo(Hostility.MARKUP);
	}

	private static Socket connect(String address, int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(address, port), 1_000);
		return socket;
	}

}
