package vn.camguard.scanner.realservers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code openssl s_server -WWW} (Debian package openssl) on ports no vendor table names, beside a hardened server:
 * {@code CG-TLS-VERSIONS} must judge every port that speaks TLS, found by its content, not only the usual HTTPS
 * ports or the one the web page came from. Expectations follow from each server's command line below. Binding
 * port 443 needs root, as CI runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsOnAnyPortTests {

	/** TLS 1.3 only on 443 (where the web page comes from), TLS 1.0 only on 9443. */
	static final String HARDENED_443_OLD_9443 = "127.61.1.1";

	/** No usual TLS port: TLS 1.2 on 9443 (the first, where the web page comes from), TLS 1.1 only on 10443. */
	static final String TLS12_9443_TLS11_10443 = "127.61.1.2";

	static final String ANY_STRENGTH = "DEFAULT:@SECLEVEL=0";

	ServerProcesses servers;

	final Map<String, DeviceReport> reports = new ConcurrentHashMap<>();

	@BeforeAll
	void startServersAndScan() throws Exception {
		servers = new ServerProcesses(Files.createTempDirectory("camguard-tls-any-port"));
		Files.writeString(servers.directory().resolve("index.html"), "<html><title>IP Camera</title></html>");
		servers.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-sha256", "-nodes", "-days", "365",
				"-subj", "/CN=any-port-camera", "-keyout", "rsa2048.key", "-out", "rsa2048.crt");
		sServer("hardened-443", HARDENED_443_OLD_9443, 443, "-tls1_3");
		sServer("tls10-9443", HARDENED_443_OLD_9443, 9443, "-tls1", "-cipher", ANY_STRENGTH);
		sServer("tls12-9443", TLS12_9443_TLS11_10443, 9443, "-tls1_2");
		sServer("tls11-10443", TLS12_9443_TLS11_10443, 10443, "-tls1_1", "-cipher", ANY_STRENGTH);

		Targets targets = Targets.of(List.of("127.61.1.1-127.61.1.2"), List.of(), Scope.of(List.of("127.61.1.0/24")));
		new Scanner(ScanRequest.of(targets).withPorts(List.of(80, 443, 554, 8443, 9443, 10443))
				.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)))
				.scan(report -> reports.put(report.address(), report));
		reports.values().forEach(System.out::println);
	}

	private void sServer(String name, String address, int port, String... settings) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_server", "-accept", address + ":" + port,
				"-cert", "rsa2048.crt", "-key", "rsa2048.key", "-WWW", "-quiet"));
		command.addAll(List.of(settings));
		servers.start(name, address, port, command.toArray(String[]::new));
	}

	@AfterAll
	void stopServers() {
		servers.close();
	}

	@Test
	void oldTlsOnANonStandardPortBesideAHardenedHttpsPortIsReported() {
		assertThat(finding(HARDENED_443_OLD_9443, "CG-TLS-VERSIONS")).hasValueSatisfying(f -> {
			assertThat(f.evidence()).anyMatch(e -> e.source().equals("tls/9443") && e.detail().startsWith("accepts TLSv1 "));
			assertThat(f.evidence()).noneMatch(e -> e.source().equals("tls/443"));
		});
	}

	@Test
	void everyTlsPortFoundByContentIsJudgedNotOnlyTheOneTheWebPageCameFrom() {
		assertThat(finding(TLS12_9443_TLS11_10443, "CG-TLS-VERSIONS")).hasValueSatisfying(f -> {
			assertThat(f.evidence()).anyMatch(e -> e.source().equals("tls/10443") && e.detail().startsWith("accepts TLSv1.1"));
			assertThat(f.evidence()).noneMatch(e -> e.source().equals("tls/9443"));
		});
	}

	private Optional<Finding> finding(String address, String checkId) {
		assertThat(reports).containsKey(address);
		return reports.get(address).findings().stream().filter(f -> f.checkId().equals(checkId)).findFirst();
	}

}
