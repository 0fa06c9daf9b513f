package vn.camguard.scanner.discovery;

import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** WS-Discovery probes and their parsing; responders on 127.22.9.x. */
class WsDiscoveryTests {

	private static final String MATCH = "<s:Envelope><s:Body><d:ProbeMatches><d:ProbeMatch>"
			+ "<d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/name/Axis</d:Scopes>"
			+ "<d:XAddrs>http://127.22.9.1/onvif/device_service</d:XAddrs></d:ProbeMatch></d:ProbeMatches></s:Body>"
			+ "</s:Envelope>";

	@Test
	void probeAsksForNetworkVideoTransmittersWithThe200504Namespace() {
		String probe = WsDiscovery.probeMessage();
		assertThat(probe).contains("http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe")
				.contains("dn:NetworkVideoTransmitter").contains("urn:uuid:");
	}

	@Test
	void parsesAProbeMatchWithEncodedScopes() throws Exception {
		String answer = "<s:Envelope><s:Body><d:ProbeMatches><d:ProbeMatch>"
				+ "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types>"
				+ "<d:Scopes>onvif://www.onvif.org/name/Hikvision onvif://www.onvif.org/hardware/DS%2D2CD2142FWD%2DI "
				+ "onvif://www.onvif.org/type/video_encoder</d:Scopes>"
				+ "<d:XAddrs>http://127.20.0.1/onvif/device_service</d:XAddrs></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>";
		var match = WsDiscovery.parse(InetAddress.getByName("127.20.0.1"), answer.getBytes(StandardCharsets.UTF_8))
				.orElseThrow();
		assertThat(match.scope("name")).contains("Hikvision");
		assertThat(match.scope("hardware")).contains("DS-2CD2142FWD-I");
		assertThat(match.xaddrs()).containsExactly("http://127.20.0.1/onvif/device_service");
		assertThat(match.types()).contains("tds:Device");
	}

	@Test
	void ignoresDatagramsThatAreNotProbeMatches() throws Exception {
		assertThat(WsDiscovery.parse(InetAddress.getByName("127.20.0.1"), new byte[] {0, 1, 2})).isEmpty();
	}

	@Test
	void aClosedPortAnswersNothingQuickly() throws Exception {
		long started = System.nanoTime();
		assertThat(new WsDiscovery(java.time.Duration.ofMillis(600)).probe(InetAddress.getByName("127.22.9.9"))).isEmpty();
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
	}


	@Test
	void anAnswerThatCameWhileTheCallerWasBusyIsReadAfterwards() throws Exception {
		try (DatagramSocket device = responder("127.22.9.1", 1)) {
			WsDiscovery discovery = new WsDiscovery(Duration.ofMillis(900));
			try (WsDiscovery.Probe probe = discovery.start(InetAddress.getByName("127.22.9.1"))) {
				Thread.sleep(100);
				long asked = System.nanoTime();
				assertThat(probe.answer()).map(m -> m.scope("name").orElseThrow()).contains("Axis");
				assertThat((System.nanoTime() - asked) / 1_000_000).as("already waiting in the socket").isLessThan(100);
			}
		}
	}

	@Test
	void aLostFirstProbeIsMadeUpForByTheResend() throws Exception {
		try (DatagramSocket device = responder("127.22.9.2", 2)) {
			WsDiscovery discovery = new WsDiscovery(Duration.ofMillis(900));
			assertThat(discovery.probe(InetAddress.getByName("127.22.9.2"))).isPresent();
		}
	}

	/** A device on {@code address}:3702 that ignores the probes before the {@code answered}-th, then answers. */
	private static DatagramSocket responder(String address, int answered) throws Exception {
		DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 3702));
		AtomicInteger probes = new AtomicInteger();
		Thread.ofVirtual().start(() -> {
			byte[] buffer = new byte[16 * 1024];
			try {
				for (int i = 0; i < 5; i++) {
					DatagramPacket probe = new DatagramPacket(buffer, buffer.length);
					socket.receive(probe);
					if (probes.incrementAndGet() >= answered) {
						byte[] answer = MATCH.getBytes(StandardCharsets.UTF_8);
						socket.send(new DatagramPacket(answer, answer.length, probe.getSocketAddress()));
					}
				}
			}
			catch (java.io.IOException closed) {
				// the test is over
			}
		});
		return socket;
	}

}
