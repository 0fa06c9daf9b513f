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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lighttpd (Debian packages lighttpd and lighttpd-mod-openssl) posing as camera web servers over HTTPS with HTTP
 * Basic or Digest authentication (mod_auth, plain user file), on the standard port 443 and on the alternative
 * 8443, each on its own loopback address, with lighttpd's own TLS defaults and an EC P-256 certificate. What each
 * test expects follows from the configuration written below. One scan for the class; the servers end with it.
 * Binding port 443 needs root, as CI runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LighttpdHttpsTests {

	static final String BASIC_FACTORY_443 = "127.43.2.1";

	static final String DIGEST_WEAK_8443 = "127.43.2.2";

	static final String DIGEST_STRONG_443 = "127.43.2.3";

	static final String BASIC_FACTORY_8443 = "127.43.2.4";

	/**
	 * Today the web login is tried only on a recognised vendor's device, and an unknown vendor's plan holds no
	 * factory account: issue 16's "logins for any vendor" (branch scanrtsp) changes both.
	 */

	ServerProcesses servers;

	final Map<String, DeviceReport> reports = new ConcurrentHashMap<>();

	@BeforeAll
	void startServersAndScan() throws Exception {
		servers = new ServerProcesses(Files.createTempDirectory("camguard-lighttpd"));
		Path directory = servers.directory();
		Files.createDirectories(directory.resolve("www"));
		Files.writeString(directory.resolve("www/index.html"), "<html><title>Network Camera</title></html>");
		servers.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-sha256",
				"-nodes", "-days", "365", "-subj", "/CN=lighttpd-camera", "-keyout", "camera.key", "-out", "camera.crt");
		lighttpd("basic-443", BASIC_FACTORY_443, 443, "basic", "admin:admin");
		lighttpd("digest-8443", DIGEST_WEAK_8443, 8443, "digest", "admin:123456");
		lighttpd("digest-strong", DIGEST_STRONG_443, 443, "digest", "admin:Vq7-Lm2x-Rt9z-Kw4p");
		lighttpd("basic-8443", BASIC_FACTORY_8443, 8443, "basic", "admin:admin");

		Targets targets = Targets.of(List.of("127.43.2.1-127.43.2.4"), List.of(), Scope.of(List.of("127.43.2.0/24")));
		new Scanner(ScanRequest.of(targets).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)))
				.scan(report -> reports.put(report.address(), report));
		reports.values().forEach(System.out::println);
	}

	private void lighttpd(String name, String address, int port, String method, String account) throws Exception {
		Path directory = servers.directory();
		Files.writeString(directory.resolve(name + ".users"), account + "\n");
		Files.writeString(directory.resolve(name + ".conf"), String.join("\n",
				"server.modules = (\"mod_auth\", \"mod_authn_file\", \"mod_openssl\")",
				"server.document-root = \"" + directory.resolve("www") + "\"",
				"server.bind = \"" + address + "\"",
				"server.port = " + port,
				"server.errorlog = \"" + directory.resolve(name + ".error.log") + "\"",
				"index-file.names = (\"index.html\")",
				"ssl.engine = \"enable\"",
				"ssl.pemfile = \"" + directory.resolve("camera.crt") + "\"",
				"ssl.privkey = \"" + directory.resolve("camera.key") + "\"",
				"auth.backend = \"plain\"",
				"auth.backend.plain.userfile = \"" + directory.resolve(name + ".users") + "\"",
				"auth.require = (\"/\" => (\"method\" => \"" + method + "\", \"realm\" => \"IP Camera\","
						+ " \"require\" => \"valid-user\"))",
				""));
		servers.start(name, address, port, "lighttpd", "-D", "-f", directory.resolve(name + ".conf").toString());
	}

	@AfterAll
	void stopServers() throws InterruptedException {
		servers.close();
	}

	@Test
	void theLoginPageIsReachedOverHttpsOnTheStandardAndTheAlternativePort() {
		assertThat(evidence(BASIC_FACTORY_443)).contains(new Evidence("tls/443", "negotiated TLSv1.3"));
		assertThat(evidence(DIGEST_STRONG_443)).contains(new Evidence("tls/443", "negotiated TLSv1.3"));
		assertThat(evidence(DIGEST_WEAK_8443)).contains(new Evidence("tls/8443", "negotiated TLSv1.3"));
		assertThat(evidence(BASIC_FACTORY_8443)).contains(new Evidence("tls/8443", "negotiated TLSv1.3"));
	}

	/** admin/123456 is a factory account of several makers (ACTi, Netwave, ... in camera-default-credentials.csv). */
	@Test
	void aFactoryPasswordBehindDigestOnPort8443IsFoundAndMasked() {
		assertThat(finding(DIGEST_WEAK_8443, "CG-CRED-DEFAULT")).hasValueSatisfying(f -> assertThat(f.evidence())
				.anyMatch(e -> e.detail().contains("admin") && !e.detail().contains("123456")));
	}

	@Test
	void theFactoryAccountBehindBasicIsFoundOnBothPorts() {
		assertThat(finding(BASIC_FACTORY_443, "CG-CRED-DEFAULT")).isPresent();
		assertThat(finding(BASIC_FACTORY_8443, "CG-CRED-DEFAULT")).isPresent();
	}

	@Test
	void lighttpdsOwnTlsDefaultsAndAStrongPasswordGiveNoFinding() {
		assertThat(reports.get(DIGEST_STRONG_443).findings()).isEmpty();
		for (String address : List.of(BASIC_FACTORY_443, DIGEST_WEAK_8443, BASIC_FACTORY_8443)) {
			assertThat(reports.get(address).findings()).extracting(Finding::checkId)
					.doesNotContain("CG-TLS-VERSIONS", "CG-TLS-WEAK", "CG-WEB-CLEARTEXT");
		}
	}

	private List<Evidence> evidence(String address) {
		return reports.get(address).fingerprint().evidence();
	}

	private Optional<Finding> finding(String address, String checkId) {
		return reports.get(address).findings().stream().filter(f -> f.checkId().equals(checkId)).findFirst();
	}

}
