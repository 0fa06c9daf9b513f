package vn.camguard.scanner.discovery;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WsDiscoveryTests {

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

}
