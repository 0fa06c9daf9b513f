package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --latency-ms}: every device answer, banner and TLS handshake flight waits the simulated latency once per
 * round trip, for any client. Each figure here is a lower bound that proves the delay is applied (not a speed
 * assertion); 127.62.1.x.
 */
class SimulatedLatencyTests {

	static final int LATENCY_MS = 300;

	static final String CAMERA = "127.62.1.1";

	static final String RSA_ONLY = "127.62.1.2";

	static RunningLab lab;

	@BeforeAll
	static void start() throws IOException {
		lab = Lab.start(new FleetSpec(List.of(
				DeviceSpec.of("c", CAMERA, Profile.HIKVISION_IPC, Set.of(Weakness.TELNET_OPEN)),
				DeviceSpec.of("r", RSA_ONLY, Profile.DAHUA_IPC, Set.of(Weakness.RSA_KEY_EXCHANGE_ONLY))), LATENCY_MS));
	}

	@AfterAll
	static void stop() {
		lab.close();
	}

	static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	@Test
	void aTls12HandshakeWaitsTwoRoundTripsAndEachAnswerOneMore() throws Exception {
		try (SSLSocket socket = (SSLSocket) WireClient.trustingTls().getSocketFactory().createSocket()) {
			socket.connect(new InetSocketAddress(CAMERA, 443), 2_000);
			socket.setSoTimeout(5_000);
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setProtocols(new String[] { "TLSv1.2" });
			socket.setSSLParameters(parameters);
			long start = System.nanoTime();
			socket.startHandshake();
			// the server's hello flight, then its Finished: two flights, each after the latency
			assertThat(millisSince(start)).isGreaterThanOrEqualTo(2L * LATENCY_MS);
			start = System.nanoTime();
			socket.getOutputStream().write(("GET /doc/page/login.asp HTTP/1.1\r\nHost: " + CAMERA
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			assertThat(WireClient.readAll(socket.getInputStream(), 1 << 20)).startsWith("HTTP/1.1 200");
			assertThat(millisSince(start)).isGreaterThanOrEqualTo(LATENCY_MS);
		}
	}

	@Test
	void aTls13HandshakeWaitsTheLatencyToo() throws Exception {
		try (SSLSocket socket = (SSLSocket) WireClient.trustingTls().getSocketFactory().createSocket()) {
			socket.connect(new InetSocketAddress(CAMERA, 443), 2_000);
			socket.setSoTimeout(5_000);
			long start = System.nanoTime();
			socket.startHandshake();
			assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
			assertThat(millisSince(start)).isGreaterThanOrEqualTo(LATENCY_MS);
		}
	}

	@Test
	void theBouncyCastleServedOldTlsWaitsAsJsseDoes() throws Exception {
		long start = System.nanoTime();
		WireClient.LegacyAnswer answer = WireClient.legacyTls(RSA_ONLY, 443,
				"GET / HTTP/1.1\r\nHost: " + RSA_ONLY + "\r\nConnection: close\r\n\r\n");
		assertThat(answer.answer()).startsWith("HTTP/1.1 200");
		// two handshake flights, then the answer
		assertThat(millisSince(start)).isGreaterThanOrEqualTo(3L * LATENCY_MS);
	}

	@Test
	void aBannerAndEveryPromptWaitTheLatency() throws Exception {
		try (Socket socket = new Socket()) {
			long start = System.nanoTime();
			socket.connect(new InetSocketAddress(CAMERA, 23), 2_000);
			socket.setSoTimeout(5_000);
			InputStream in = socket.getInputStream();
			assertThat(readUntil(in, "login: ")).endsWith("login: ");
			assertThat(millisSince(start)).isGreaterThanOrEqualTo(LATENCY_MS);
			start = System.nanoTime();
			socket.getOutputStream().write("admin\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(readUntil(in, "Password: ")).endsWith("Password: ");
			assertThat(millisSince(start)).isGreaterThanOrEqualTo(LATENCY_MS);
		}
	}

	@Test
	void pipelinedRequestsThatArriveTogetherWaitOneRoundTripAsOnARealLink() throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(CAMERA, 554), 2_000);
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			long start = System.nanoTime();
			out.write(("OPTIONS rtsp://" + CAMERA + "/ RTSP/1.0\r\nCSeq: 1\r\n\r\nOPTIONS rtsp://" + CAMERA
					+ "/ RTSP/1.0\r\nCSeq: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			String answers = readUntil(socket.getInputStream(), "CSeq: 2\r\n");
			assertThat(answers).contains("CSeq: 1\r\n").contains("CSeq: 2\r\n");
			assertThat(millisSince(start)).isGreaterThanOrEqualTo(LATENCY_MS);
		}
	}

	@Test
	void aDatagramAnswerWaitsTheLatency() throws Exception {
		long start = System.nanoTime();
		String probe = "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\" "
				+ "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><e:Body><d:Probe><d:Types></d:Types></d:Probe></e:Body></e:Envelope>";
		assertThat(WireClient.udp(CAMERA, 3702, probe)).contains("ProbeMatches");
		assertThat(millisSince(start)).isGreaterThanOrEqualTo(LATENCY_MS);
	}

	/** Reads until {@code end} has arrived (bounded by the socket's timeout and 64 KiB). */
	static String readUntil(InputStream in, String end) throws IOException {
		StringBuilder text = new StringBuilder();
		while (text.length() < 65_536 && !text.toString().endsWith(end)) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			text.append((char) b);
		}
		return text.toString();
	}

}
