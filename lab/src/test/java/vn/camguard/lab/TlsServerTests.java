package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The devices' TLS server prefers the cheap AES-128-GCM suites, still accepts every other default suite,
 * keeps its certificate and lets a client resume its TLS 1.2 session; 127.10.5.x.
 */
class TlsServerTests {

	static final String CAMERA = "127.10.5.1";

	static RunningLab lab;

	@BeforeAll
	static void start() throws IOException {
		lab = Lab.start(new FleetSpec(List.of(DeviceSpec.of("c", CAMERA, Profile.HIKVISION_IPC, Set.of())), 0));
	}

	@AfterAll
	static void stop() {
		lab.close();
	}

	@Test
	void aDefaultClientGetsAes128AndResumesItsTls12Session() throws Exception {
		SSLContext client = WireClient.trustingTls();
		SSLSession first = handshake(client, "TLSv1.2", null);
		assertThat(first.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
		assertThat(((X509Certificate) first.getPeerCertificates()[0]).getSubjectX500Principal().getName())
				.isEqualTo("CN=camguard-lab");
		SSLSession second = handshake(client, "TLSv1.2", null);
		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(second.getCreationTime()).isEqualTo(first.getCreationTime());
		assertThat(handshake(WireClient.trustingTls(), "TLSv1.3", null).getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
	}

	@Test
	void theOtherDefaultSuitesAreStillAccepted() throws Exception {
		assertThat(handshake(WireClient.trustingTls(), "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384").getCipherSuite())
				.isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
		assertThat(handshake(WireClient.trustingTls(), "TLSv1.3", "TLS_AES_256_GCM_SHA384").getCipherSuite())
				.isEqualTo("TLS_AES_256_GCM_SHA384");
	}

	private static SSLSession handshake(SSLContext client, String protocol, String onlySuite) throws IOException {
		try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
			socket.connect(new InetSocketAddress(CAMERA, 443), 2_000);
			socket.setSoTimeout(3_000);
			socket.setEnabledProtocols(new String[] { protocol });
			if (onlySuite != null) {
				socket.setEnabledCipherSuites(new String[] { onlySuite });
			}
			socket.startHandshake();
			return socket.getSession();
		}
	}

}
