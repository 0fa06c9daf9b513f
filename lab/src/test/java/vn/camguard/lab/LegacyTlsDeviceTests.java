package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Devices whose HTTPS speaks only what the JDK refuses by default: TLS 1.0 only, and TLS 1.2 with RSA key exchange
 * only on an RSA certificate. A third-party client (OpenSSL's {@code s_client}, Debian package openssl) gets the
 * login page at exactly that; the JDK's default client is refused, as by such a camera; 127.10.6.x.
 */
class LegacyTlsDeviceTests {

	static final String TLS10 = "127.10.6.1";

	static final String RSA_KEY_EXCHANGE = "127.10.6.2";

	static RunningLab lab;

	@BeforeAll
	static void start() throws IOException {
		lab = Lab.start(new FleetSpec(List.of(
				DeviceSpec.of("tls10", TLS10, Profile.HIKVISION_IPC, Set.of(Weakness.TLS10_ONLY)),
				DeviceSpec.of("rsa", RSA_KEY_EXCHANGE, Profile.DAHUA_IPC, Set.of(Weakness.RSA_KEY_EXCHANGE_ONLY))), 0));
	}

	@AfterAll
	static void stop() {
		lab.close();
	}

	@Test
	void aTls10OnlyDeviceServesItsPageAtTls10WithForwardSecrecy() throws Exception {
		String session = sClient(TLS10, "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0");
		assertThat(session).contains("Protocol  : TLSv1\n").contains("Cipher    : ECDHE-RSA-AES").contains("CN = camguard-lab")
				.contains("HTTP/1.1 302");
		assertThat(sClient(TLS10, "-tls1_2")).doesNotContain("HTTP/1.1");
	}

	@Test
	void anRsaKeyExchangeOnlyDeviceServesItsPageWithoutForwardSecrecy() throws Exception {
		String session = sClient(RSA_KEY_EXCHANGE, "-tls1_2");
		assertThat(session).contains("Protocol  : TLSv1.2").contains("Cipher    : AES128-GCM-SHA256")
				.contains("Server public key is 2048 bit").contains("HTTP/1.1 200");
	}

	@Test
	void theJdksDefaultClientIsRefusedByBoth() {
		for (String address : List.of(TLS10, RSA_KEY_EXCHANGE)) {
			assertThatThrownBy(() -> {
				try (SSLSocket socket = (SSLSocket) WireClient.trustingTls().getSocketFactory().createSocket()) {
					socket.connect(new InetSocketAddress(address, 443), 2_000);
					socket.setSoTimeout(3_000);
					socket.startHandshake();
				}
			}).as(address).isInstanceOf(SSLHandshakeException.class);
		}
	}

	/** One GET / through {@code openssl s_client} with {@code options}; its whole output. */
	private static String sClient(String address, String... options) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect", address + ":443",
				"-ign_eof"));
		command.addAll(List.of(options));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + address + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
		process.getOutputStream().close();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
	}

}
