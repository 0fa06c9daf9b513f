package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Devices survive bad input from a peer and apply the simulated latency; 127.10.3.x. */
class RobustnessTests {

	static final String CAMERA = "127.10.3.1";

	static RunningLab lab;

	@BeforeAll
	static void start() throws IOException {
		lab = Lab.start(new FleetSpec(List.of(DeviceSpec.of("c", CAMERA, Profile.ONVIF_GENERIC,
				Set.of(Weakness.CLEARTEXT_MANAGEMENT))), 300));
	}

	@AfterAll
	static void stop() {
		lab.close();
	}

	@Test
	void malformedOrOversizedRequestsGetA400AndTheDeviceKeepsServing() throws IOException {
		assertThat(WireClient.exchange(CAMERA, 80, "BROKEN\r\n\r\n")).startsWith("HTTP/1.1 400");
		assertThat(WireClient.exchange(CAMERA, 80, "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n\r\n"))
				.startsWith("HTTP/1.1 400");
		assertThat(WireClient.exchange(CAMERA, 80, "POST /onvif/device_service HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n"))
				.startsWith("HTTP/1.1 400");
		assertThat(WireClient.exchange(CAMERA, 554, "\u0000\u0001garbage\r\n\r\n")).startsWith("RTSP/1.0 400");
		assertThat(WireClient.exchange(CAMERA, 80, "GET /a\rSet-Cookie:x HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400");
		assertThat(WireClient.exchange(CAMERA, 80, "\r\n".repeat(200) + "GET / HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400");
		assertThat(WireClient.get(CAMERA, 80, "/")).startsWith("HTTP/1.1 200");
	}

	@Test
	void aPeerThatSendsNothingForFiveSecondsIsHungUpOn() throws Exception {
		// Both at once: a connection silent from the start (RTSP), one silent after an answer (HTTP keep-alive).
		CompletableFuture<Long> silent = CompletableFuture.supplyAsync(() -> hungUpAfterMillis(554, ""));
		long afterAnswer = hungUpAfterMillis(80, "GET / HTTP/1.1\r\nHost: " + CAMERA + "\r\n\r\n");
		assertThat(silent.get(20, TimeUnit.SECONDS)).isBetween(4_900L, 7_000L);
		assertThat(afterAnswer).isBetween(4_900L, 7_000L);
	}

	/** Sends {@code request}, reads whatever comes, and returns how long after the request the device hung up. */
	private static long hungUpAfterMillis(int port, String request) {
		try (Socket socket = new Socket(CAMERA, port)) {
			socket.setSoTimeout(15_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			long sent = System.nanoTime();
			byte[] sink = new byte[4096];
			while (socket.getInputStream().read(sink) >= 0) {
				// the answer, if any; then the hang-up ends the loop
			}
			return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void discoveryIgnoresGarbageAndForeignTypesButStillAnswersProbes() throws Exception {
		assertThatThrownBy(() -> WireClient.udp(CAMERA, 3702, "<not-xml")).isInstanceOf(SocketTimeoutException.class);
		String printerProbe = "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\" "
				+ "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><e:Body><d:Probe><d:Types>p:Printer"
				+ "</d:Types></d:Probe></e:Body></e:Envelope>";
		assertThatThrownBy(() -> WireClient.udp(CAMERA, 3702, printerProbe)).isInstanceOf(SocketTimeoutException.class);
		assertThat(WireClient.udp(CAMERA, 3702, printerProbe.replace("p:Printer", "")))
				.contains("hardware/DCS-2530L").contains("name/D-Link");
	}

	@Test
	void everyAnswerWaitsForTheSimulatedLatency() throws Exception {
		long start = System.nanoTime();
		assertThat(WireClient.rtsp(CAMERA, "OPTIONS", "rtsp://" + CAMERA + "/", 1)).startsWith("RTSP/1.0 200");
		assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
		start = System.nanoTime();
		assertThat(WireClient.post(CAMERA, 80, "/onvif/device_service", "application/soap+xml",
				WireClient.soap("<tds:GetCapabilities/>", null, null))).contains("GetCapabilitiesResponse")
				.contains("<tt:XAddr>http://" + CAMERA + "/onvif/media_service</tt:XAddr>");
		assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
	}

}
