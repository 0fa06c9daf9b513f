package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The devices' TLS server (JSSE, the same for every client) prefers the suites cheapest under C1, ChaCha20-Poly1305
 * and then AES-128-GCM, still accepts every other default suite, keeps its certificate and lets a client resume its
 * TLS 1.2 session; TLS 1.2 clients see a device's HTTPS exactly as TLS 1.3 clients do; 127.10.5.x.
 */
class TlsServerTests {

	static final String CAMERA = "127.10.5.1";

	static final String LOGIN = "GET /doc/page/login.asp HTTP/1.1\r\nHost: " + CAMERA + "\r\nConnection: close\r\n\r\n";

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
	void aDefaultClientGetsChaCha20AndResumesItsTls12Session() throws Exception {
		SSLContext client = WireClient.trustingTls();
		SSLSession first = handshake(client, "TLSv1.2", null);
		assertThat(first.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
		assertThat(((X509Certificate) first.getPeerCertificates()[0]).getSubjectX500Principal().getName())
				.isEqualTo("CN=camguard-lab");
		SSLSession second = handshake(client, "TLSv1.2", null);
		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(second.getCreationTime()).isEqualTo(first.getCreationTime());
		assertThat(handshake(WireClient.trustingTls(), "TLSv1.3", null).getCipherSuite())
				.isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
	}

	@Test
	void theOtherDefaultSuitesAreStillAccepted() throws Exception {
		SSLContext client = WireClient.trustingTls();
		SSLSession aes128 = handshake(client, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
		assertThat(aes128.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
		assertThat(handshake(client, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256").getId())
				.isEqualTo(aes128.getId());
		assertThat(handshake(WireClient.trustingTls(), "TLSv1.3", "TLS_AES_128_GCM_SHA256").getCipherSuite())
				.isEqualTo("TLS_AES_128_GCM_SHA256");
		assertThat(handshake(WireClient.trustingTls(), "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384").getCipherSuite())
				.isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
		assertThat(handshake(WireClient.trustingTls(), "TLSv1.3", "TLS_AES_256_GCM_SHA384").getCipherSuite())
				.isEqualTo("TLS_AES_256_GCM_SHA384");
	}

	@Test
	void tls12OnX25519OrSecp256r1ServesTheSamePageAsTls13AndResumes() throws Exception {
		String overTls13 = WireClient.exchangeTls(CAMERA, 443, LOGIN);
		assertThat(overTls13).startsWith("HTTP/1.1 200").contains("</html>");
		// In TLS 1.2 the client's groups also bound the certificate's curve (RFC 8422 5.1): the device's is secp256r1.
		for (String[] group : List.of(new String[] { "x25519", "secp256r1" }, new String[] { "secp256r1" })) {
			SSLContext client = WireClient.trustingTls();
			Exchange first = exchange(client, group, LOGIN);
			assertThat(first.answer()).isEqualTo(overTls13);
			assertThat(first.session().getProtocol()).isEqualTo("TLSv1.2");
			assertThat(first.session().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
			assertThat(((X509Certificate) first.session().getPeerCertificates()[0]).getSubjectX500Principal().getName())
					.isEqualTo("CN=camguard-lab");
			Exchange second = exchange(client, group, LOGIN);
			assertThat(second.session().getId()).isEqualTo(first.session().getId());
			assertThat(second.answer()).isEqualTo(overTls13);
		}
	}

	@Test
	void keepAliveAndMultiRecordAnswersWork() throws Exception {
		String request = "GET /doc/page/login.asp HTTP/1.1\r\nHost: " + CAMERA + "\r\n\r\n";
		String twice = exchange(WireClient.trustingTls(), new String[] { "x25519", "secp256r1" }, request + LOGIN).answer();
		assertThat(twice.split("HTTP/1.1 200", -1)).hasSize(3);
		// a request bigger than one 16 KiB record is reassembled by the service
		String padded = "GET /doc/page/login.asp HTTP/1.1\r\nHost: " + CAMERA + "\r\nX-Pad: " + "a".repeat(7_000)
				+ "\r\nX-Pad2: " + "b".repeat(7_000) + "\r\nX-Pad3: " + "c".repeat(7_000) + "\r\nConnection: close\r\n\r\n";
		assertThat(exchange(WireClient.trustingTls(), new String[] { "secp256r1" }, padded).answer()).startsWith("HTTP/1.1 200");
	}

	@Test
	void plainTextOnTheHttpsPortEndsOnlyThatConnection() throws Exception {
		long start = System.nanoTime();
		WireClient.exchange(CAMERA, 443, LOGIN);
		assertThat(System.nanoTime() - start).as("ended by the device, not by the client's timeout")
				.isLessThan(2_500_000_000L);
		assertThat(exchange(WireClient.trustingTls(), new String[] { "x25519", "secp256r1" }, LOGIN).answer())
				.startsWith("HTTP/1.1 200");
	}

	@Test
	void tls13ClientsStillGetTls13() throws Exception {
		try (SSLSocket socket = (SSLSocket) WireClient.trustingTls().getSocketFactory().createSocket()) {
			socket.connect(new InetSocketAddress(CAMERA, 443), 2_000);
			socket.setSoTimeout(3_000);
			socket.startHandshake();
			assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
			assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
		}
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
			// one whole exchange, ended by the device: a client that closes right after its handshake races the
			// device's first read, and a device that fails that read invalidates the session the next test resumes
			socket.getOutputStream().write(LOGIN.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			WireClient.readAll(socket.getInputStream(), 2 * 1024 * 1024);
			return socket.getSession();
		}
	}


	record Exchange(SSLSession session, String answer) {
	}

	static Exchange exchange(SSLContext client, String[] groups, String request) throws IOException {
		try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
			socket.connect(new InetSocketAddress(CAMERA, 443), 2_000);
			socket.setSoTimeout(3_000);
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setProtocols(new String[] { "TLSv1.2" });
			parameters.setNamedGroups(groups);
			socket.setSSLParameters(parameters);
			socket.startHandshake();
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			return new Exchange(socket.getSession(), WireClient.readAll(socket.getInputStream(), 2 * 1024 * 1024));
		}
	}

}
