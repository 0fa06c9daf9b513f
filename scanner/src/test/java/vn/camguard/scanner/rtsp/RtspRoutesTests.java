package vn.camguard.scanner.rtsp;

import org.junit.jupiter.api.Test;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The route dictionary and the per-device request budget of route discovery. */
class RtspRoutesTests {

	@Test
	void theVendorsPathsComeFirstThenTheDictionaryWithoutPathsCarryingCredentials() {
		RtspRoutes routes = RtspRoutes.load();
		// rtsp-paths.txt's first entries, in its order.
		assertThat(routes.dictionary()).startsWith("/Streaming/Channels/101", "/Streaming/Channels/102");
		assertThat(routes.dictionary()).contains("/live", "/onvif1", "/11")
				.noneMatch(p -> p.contains("password") || p.contains("user="));
		List<String> candidates = routes.candidates(List.of("/axis-media/media.amp", "/vendor/own"));
		assertThat(candidates).startsWith("/axis-media/media.amp", "/vendor/own", "/Streaming/Channels/101")
				.doesNotHaveDuplicates();
	}

	/** An RTSP server that knows no path: every DESCRIBE is counted and answered 404. */
	static final class NoRoutes implements AutoCloseable {

		final ServerSocket server = new ServerSocket();

		final AtomicInteger describes = new AtomicInteger();

		NoRoutes(String address, int port) throws IOException {
			server.bind(new InetSocketAddress(InetAddress.getByName(address), port));
			Thread.ofVirtual().start(this::serve);
		}

		void serve() {
			while (!server.isClosed()) {
				try (Socket client = server.accept()) {
					client.setSoTimeout(2000);
					BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
							StandardCharsets.ISO_8859_1));
					OutputStream out = client.getOutputStream();
					for (int n = 0; n < 200; n++) {
						List<String> head = new ArrayList<>();
						String line;
						while ((line = in.readLine()) != null && !line.isEmpty()) {
							head.add(line);
						}
						if (head.isEmpty()) {
							break;
						}
						String cseq = head.stream().filter(h -> h.startsWith("CSeq:")).findFirst().orElse("CSeq: 0");
						boolean describe = head.getFirst().startsWith("DESCRIBE");
						if (describe) {
							describes.incrementAndGet();
						}
						out.write(((describe ? "RTSP/1.0 404 Not Found\r\n" : "RTSP/1.0 200 OK\r\nPublic: OPTIONS, DESCRIBE\r\n")
								+ cseq + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
						out.flush();
					}
				}
				catch (IOException ignored) {
					// Next client.
				}
			}
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

	static DeviceReport scan(String address, int port, ScanRequest request) throws InterruptedException {
		List<DeviceReport> reports = new ArrayList<>();
		new Scanner(request).scan(reports::add);
		return reports.getFirst();
	}

	@Test
	void routeDiscoveryStopsAtItsBudgetOnADeviceWithNoKnownRoute() throws Exception {
		try (NoRoutes device = new NoRoutes("127.22.4.1", 554)) {
			ScanRequest request = ScanRequest.of(Targets.of(List.of("127.22.4.1"), List.of(), Scope.of(List.of("127.22.0.0/16"))))
					.withPorts(List.of(554));
			scan("127.22.4.1", 554, request);
			assertThat(device.describes.get()).isEqualTo(ScanRequest.DEFAULT_RTSP_ROUTE_BUDGET);
		}
		try (NoRoutes device = new NoRoutes("127.22.4.2", 8554)) {
			ScanRequest request = ScanRequest.of(Targets.of(List.of("127.22.4.2"), List.of(), Scope.of(List.of("127.22.0.0/16"))))
					.withPorts(List.of(8554)).withRtspRouteBudget(7);
			scan("127.22.4.2", 8554, request);
			assertThat(device.describes.get()).isEqualTo(7);
		}
	}

}
