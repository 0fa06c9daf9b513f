package vn.camguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * CamGuard with its own certificate, as the README sets it up: a PKCS12 keystore made by the JDK's
 * keytool (the README's command, with the password given on the command line instead of typed) and
 * the server.ssl.* properties. Over this real TLS connector the session cookie is Secure and HSTS is
 * sent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HttpsConnectorTests {

	private static final String PASSWORD = UUID.randomUUID().toString();

	private static Path directory;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keystore(DynamicPropertyRegistry registry) throws Exception {
		directory = Files.createTempDirectory("camguard-tls");
		Path keystore = directory.resolve("camguard.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "camguard", "-keyalg", "EC",
				"-groupname", "secp256r1", "-validity", "825", "-dname", "CN=localhost", "-ext",
				"SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
				"-storepass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		registry.add("server.ssl.key-store", () -> "file:" + keystore);
		registry.add("server.ssl.key-store-type", () -> "PKCS12");
		registry.add("server.ssl.key-alias", () -> "camguard");
		registry.add("server.ssl.key-store-password", () -> PASSWORD);
	}

	@AfterAll
	static void removeKeystore() throws Exception {
		if (directory != null) {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	@Test
	void overTheOwnTlsConnectorTheCookieIsSecureAndHstsIsSent() throws Exception {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(directory.resolve("camguard.p12"))) {
			trusted.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		try (HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build()) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login"))
						.timeout(Duration.ofSeconds(20))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			List<String> cookies = response.headers().allValues("Set-Cookie");
			assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
				.singleElement()
				.satisfies(cookie -> assertThat(cookie).containsIgnoringCase("Secure")
					.containsIgnoringCase("HttpOnly")
					.containsIgnoringCase("SameSite=Lax"));
			assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
		}
	}

}
