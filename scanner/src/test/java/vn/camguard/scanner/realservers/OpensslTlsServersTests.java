package vn.camguard.scanner.realservers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

import javax.net.ssl.SSLContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenSSL's test server ({@code openssl s_server -WWW}, Debian package openssl) posing as camera web servers with
 * the TLS settings of old devices, each on port 443 of its own loopback address, and one hardened server. What
 * each test expects follows from the server's command line below, never from what the scanner printed. The
 * scan runs once for the class; the servers end with it. Binding port 443 needs root, as CI runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpensslTlsServersTests {

	static final String TLS10_ONLY = "127.43.1.1";

	static final String TLS11_ONLY = "127.43.1.2";

	static final String RSA_KEY_EXCHANGE_ONLY = "127.43.1.3";

	static final String RSA1024_SHA1 = "127.43.1.4";

	static final String EXPIRED = "127.43.1.5";

	static final String TLS13_HARDENED = "127.43.1.6";

	static final String NULL_CIPHER = "127.43.1.7";

	/** OpenSSL's default security level on Debian (2) refuses old versions, RSA 1024 and SHA-1: level 0 allows them. */
	static final String ANY_STRENGTH = "DEFAULT:@SECLEVEL=0";

	ServerProcesses servers;

	final Map<String, DeviceReport> reports = new ConcurrentHashMap<>();

	String disabledAlgorithmsBefore;

	List<String> protocolsBefore;

	List<String> providersBefore;

	@BeforeAll
	void startServersAndScan() throws Exception {
		servers = new ServerProcesses(Files.createTempDirectory("camguard-openssl"));
		Path directory = servers.directory();
		Files.writeString(directory.resolve("index.html"), "<html><title>IP Camera</title></html>");
		// RSA 2048 / SHA-256, valid for a year: what the old-protocol servers present, so that only their protocol
		// settings are weak.
		servers.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-sha256", "-nodes", "-days", "365",
				"-subj", "/CN=rsa2048-camera", "-keyout", "rsa2048.key", "-out", "rsa2048.crt");
		servers.run("openssl", "req", "-x509", "-newkey", "rsa:1024", "-sha1", "-nodes", "-days", "365",
				"-subj", "/CN=rsa1024-camera", "-keyout", "rsa1024.key", "-out", "rsa1024.crt");
		servers.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-sha256",
				"-nodes", "-days", "365", "-subj", "/CN=hardened-camera", "-keyout", "ec.key", "-out", "ec.crt");
		// Valid from 2020-01-01 for 30 days: long expired.
		servers.run("keytool", "-genkeypair", "-alias", "camera", "-keyalg", "RSA", "-keysize", "2048", "-sigalg",
				"SHA256withRSA", "-dname", "CN=expired-camera", "-startdate", "2020/01/01 00:00:00", "-validity", "30",
				"-storetype", "PKCS12", "-keystore", "expired.p12", "-storepass", "changeit");
		servers.run("openssl", "pkcs12", "-in", "expired.p12", "-passin", "pass:changeit", "-nodes", "-out",
				"expired.pem");

		sServer("tls10", TLS10_ONLY, "rsa2048.crt", "rsa2048.key", "-tls1", "-cipher", ANY_STRENGTH);
		sServer("tls11", TLS11_ONLY, "rsa2048.crt", "rsa2048.key", "-tls1_1", "-cipher", ANY_STRENGTH);
		sServer("rsa-kx", RSA_KEY_EXCHANGE_ONLY, "rsa2048.crt", "rsa2048.key", "-tls1_2", "-cipher", "AES128-SHA");
		sServer("rsa1024", RSA1024_SHA1, "rsa1024.crt", "rsa1024.key", "-tls1_2", "-cipher", ANY_STRENGTH);
		sServer("expired", EXPIRED, "expired.pem", "expired.pem", "-tls1_2");
		sServer("tls13", TLS13_HARDENED, "ec.crt", "ec.key", "-tls1_3");
		sServer("null", NULL_CIPHER, "rsa2048.crt", "rsa2048.key", "-tls1_2", "-cipher", "NULL-SHA:@SECLEVEL=0");

		disabledAlgorithmsBefore = Security.getProperty("jdk.tls.disabledAlgorithms");
		protocolsBefore = List.of(SSLContext.getDefault().getDefaultSSLParameters().getProtocols());
		providersBefore = Arrays.stream(Security.getProviders()).map(Provider::getName).toList();

		Targets targets = Targets.of(List.of("127.43.1.1-127.43.1.7"), List.of(), Scope.of(List.of("127.43.1.0/24")));
		new Scanner(ScanRequest.of(targets).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)))
				.scan(report -> reports.put(report.address(), report));
		reports.values().forEach(System.out::println);
	}

	private void sServer(String name, String address, String certificate, String key, String... settings)
			throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_server", "-accept", address + ":443",
				"-cert", certificate, "-key", key, "-WWW", "-quiet"));
		command.addAll(List.of(settings));
		servers.start(name, address, 443, command.toArray(String[]::new));
	}

	@AfterAll
	void stopServers() throws InterruptedException {
		servers.close();
	}

	@Test
	void tls10OnlyServerIsFetchedAndReportedForTls10() {
		assertThat(pageProtocol(TLS10_ONLY)).contains("negotiated TLSv1");
		assertThat(finding(TLS10_ONLY, "CG-TLS-VERSIONS")).hasValueSatisfying(f -> {
			assertThat(details(f)).anyMatch(d -> d.startsWith("accepts TLSv1 "));
			assertThat(details(f)).noneMatch(d -> d.contains("TLSv1.1") || d.contains("TLSv1.2") || d.contains("TLSv1.3"));
			assertThat(f.qcvnGroup()).contains("group 5");
		});
		assertThat(finding(TLS10_ONLY, "CG-TLS-WEAK")).isEmpty();
	}

	@Test
	void tls11OnlyServerIsReportedForTls11Only() {
		assertThat(pageProtocol(TLS11_ONLY)).contains("negotiated TLSv1.1");
		assertThat(finding(TLS11_ONLY, "CG-TLS-VERSIONS")).hasValueSatisfying(f -> {
			assertThat(details(f)).anyMatch(d -> d.startsWith("accepts TLSv1.1"));
			assertThat(details(f)).noneMatch(d -> d.startsWith("accepts TLSv1 "));
		});
		assertThat(finding(TLS11_ONLY, "CG-TLS-WEAK")).isEmpty();
	}

	@Test
	void rsaKeyExchangeOnlyServerIsFetchedAndReportedWithoutForwardSecrecy() {
		assertThat(pageProtocol(RSA_KEY_EXCHANGE_ONLY)).contains("negotiated TLSv1.2");
		assertThat(finding(RSA_KEY_EXCHANGE_ONLY, "CG-TLS-WEAK")).hasValueSatisfying(f -> {
			assertThat(details(f)).anyMatch(d -> d.contains("TLS_RSA_WITH_AES_128_CBC_SHA") && d.contains("forward secrecy"));
			assertThat(details(f)).anyMatch(d -> d.contains("subject CN=rsa2048-camera"));
			assertThat(details(f)).anyMatch(d -> d.contains("RSA 2048 bits"));
			assertThat(f.qcvnGroup()).contains("group 5");
		});
		assertThat(finding(RSA_KEY_EXCHANGE_ONLY, "CG-TLS-VERSIONS")).isEmpty();
	}

	@Test
	void rsa1024CertificateSignedWithSha1IsReported() {
		assertThat(pageProtocol(RSA1024_SHA1)).isPresent();
		assertThat(finding(RSA1024_SHA1, "CG-TLS-WEAK")).hasValueSatisfying(f -> {
			assertThat(details(f)).anyMatch(d -> d.contains("RSA 1024 bits"));
			assertThat(details(f)).anyMatch(d -> d.contains("SHA1withRSA"));
			assertThat(details(f)).anyMatch(d -> d.contains("subject CN=rsa1024-camera") && d.contains("issuer CN=rsa1024-camera"));
		});
		assertThat(finding(RSA1024_SHA1, "CG-TLS-VERSIONS")).isEmpty();
	}

	@Test
	void expiredCertificateIsReportedWithItsValidity() {
		assertThat(finding(EXPIRED, "CG-TLS-WEAK")).hasValueSatisfying(f -> {
			assertThat(details(f)).anyMatch(d -> d.contains("expired") && d.contains("2020-01-31"));
			assertThat(details(f)).noneMatch(d -> d.contains("forward secrecy") || d.contains("SHA1"));
		});
	}

	@Test
	void nullCipherServerIsReported() {
		assertThat(finding(NULL_CIPHER, "CG-TLS-WEAK")).hasValueSatisfying(
				f -> assertThat(details(f)).anyMatch(d -> d.contains("TLS_RSA_WITH_NULL_SHA")));
	}

	@Test
	void hardenedTls13ServerIsFetchedAndHasNoTlsFinding() {
		assertThat(pageProtocol(TLS13_HARDENED)).contains("negotiated TLSv1.3");
		assertThat(reports.get(TLS13_HARDENED).findings()).extracting(Finding::checkId)
				.doesNotContain("CG-TLS-VERSIONS", "CG-TLS-WEAK", "CG-WEB-CLEARTEXT");
	}

	@Test
	void scanningLeavesTheJvmTlsDefaultsAsTheyWere() throws Exception {
		assertThat(reports).hasSize(7);
		assertThat(Security.getProperty("jdk.tls.disabledAlgorithms")).isEqualTo(disabledAlgorithmsBefore)
				.contains("TLSv1", "TLSv1.1");
		assertThat(SSLContext.getDefault().getDefaultSSLParameters().getProtocols()).containsExactlyElementsOf(protocolsBefore)
				.doesNotContain("TLSv1", "TLSv1.1");
		assertThat(Arrays.stream(Security.getProviders()).map(Provider::getName)).containsExactlyElementsOf(providersBefore);
	}

	private Optional<String> pageProtocol(String address) {
		return reports.get(address).fingerprint().evidence().stream().filter(e -> e.source().equals("tls/443"))
				.map(Evidence::detail).findFirst();
	}

	private Optional<Finding> finding(String address, String checkId) {
		return reports.get(address).findings().stream().filter(f -> f.checkId().equals(checkId)).findFirst();
	}

	private static List<String> details(Finding finding) {
		return finding.evidence().stream().map(Evidence::detail).toList();
	}

}
