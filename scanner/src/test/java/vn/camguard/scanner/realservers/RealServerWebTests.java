package vn.camguard.scanner.realservers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.auth.Authorization;
import vn.camguard.scanner.check.CredentialCheck;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lighttpd with mod_auth (Basic from an htpasswd file, Digest from an htdigest file, both written here) over
 * plain HTTP, posing as the web interface of cameras of a vendor the scanner does not know, on the standard
 * port and on others. What each server's user file holds is what the scan must report.
 */
class RealServerWebTests {

	static final String LIGHTTPD = "/usr/sbin/lighttpd";

	static final String REALM = "Login";

	static final String STRONG_PASSWORD = "Qx7-vanTrung-2026!";

	@TempDir
	static Path dir;

	static final List<RealServer> servers = new ArrayList<>();

	static RealServer basicFactoryOnStandardPort;

	static RealServer digestFactoryOn8081;

	static RealServer basicStrong;

	static RealServer digestStrongOnStandardPort;

	@BeforeAll
	static void startServers() throws Exception {
		RealServer.assumeInstalled(LIGHTTPD, "lighttpd");
		InetAddress a = RealServer.freeAddress();
		basicFactoryOnStandardPort = lighttpd("basic-admin-admin-80", a, RealServer.standardOrFreePort(a, 80), "basic",
				"admin");
		InetAddress b = RealServer.freeAddress();
		digestFactoryOn8081 = lighttpd("digest-admin-admin-8081", b, 8081, "digest", "admin");
		InetAddress c = RealServer.freeAddress();
		basicStrong = lighttpd("basic-strong", c, RealServer.freePort(c), "basic", STRONG_PASSWORD);
		InetAddress d = RealServer.freeAddress();
		digestStrongOnStandardPort = lighttpd("digest-strong-80", d, RealServer.standardOrFreePort(d, 80), "digest",
				STRONG_PASSWORD);
	}

	@AfterAll
	static void stopServers() {
		servers.forEach(RealServer::close);
	}

	/** One lighttpd whose whole site needs {@code method} authentication of the one user {@code admin}. */
	private static RealServer lighttpd(String name, InetAddress address, int port, String method, String password)
			throws Exception {
		Path home = Files.createDirectories(dir.resolve(name));
		Path site = Files.createDirectories(home.resolve("www"));
		Files.writeString(site.resolve("index.html"), "<html><head><title>Network Camera</title></head></html>\n");
		Path users = home.resolve("users");
		String backend;
		if (method.equals("digest")) {
			// htdigest format: user:realm:MD5(user:realm:password)
			Files.writeString(users, "admin:" + REALM + ":" + Authorization.md5("admin:" + REALM + ":" + password) + "\n");
			backend = "auth.backend = \"htdigest\"\nauth.backend.htdigest.userfile = \"" + users + "\"\n";
		}
		else {
			// htpasswd format with lighttpd's {SHA} scheme: user:{SHA}Base64(SHA-1(password))
			byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
			Files.writeString(users, "admin:{SHA}" + Base64.getEncoder().encodeToString(sha1) + "\n");
			backend = "auth.backend = \"htpasswd\"\nauth.backend.htpasswd.userfile = \"" + users + "\"\n";
		}
		Path config = home.resolve("lighttpd.conf");
		Files.writeString(config, """
				server.modules = ("mod_auth", "mod_authn_file")
				server.document-root = "%s"
				server.bind = "%s"
				server.port = %d
				server.errorlog = "%s"
				index-file.names = ("index.html")
				mimetype.assign = (".html" => "text/html")
				%sauth.require = ("/" => ("method" => "%s", "realm" => "%s", "require" => "valid-user"))
				""".formatted(site, address.getHostAddress(), port, home.resolve("error.log"), backend, method, REALM));
		RealServer server = RealServer.start("lighttpd " + name, List.of(LIGHTTPD, "-D", "-f", config.toString()),
				home.resolve("out.log"), address, port);
		servers.add(server);
		return server;
	}

	@Test
	void basicAuthWithTheFactoryAccountOnTheStandardPortIsReported() throws Exception {
		DeviceReport report = RealServerScan.scan(basicFactoryOnStandardPort);
		// lighttpd is configured for Basic only: the credential had to go in clear text, and the evidence says so.
		assertThat(RealServerScan.finding(report, CredentialCheck.DEFAULT))
				.hasValueSatisfying(f -> assertThat(evidence(f)).contains("http", "admin:", "only Basic", "clear text"));
	}

	@Test
	void digestAuthWithTheFactoryAccountOnPort8081IsReported() throws Exception {
		DeviceReport report = RealServerScan.scan(digestFactoryOn8081);
		assertThat(RealServerScan.finding(report, CredentialCheck.DEFAULT))
				.hasValueSatisfying(f -> assertThat(evidence(f)).contains("http", "admin:").doesNotContain("clear text"));
	}

	@Test
	void basicAuthWithAStrongPasswordIsReportedForNoLogin() throws Exception {
		DeviceReport report = RealServerScan.scan(basicStrong);
		assertThat(report.openPorts()).containsExactly(basicStrong.port);
		assertThat(report.findings()).extracting(Finding::checkId)
				.doesNotContain(CredentialCheck.DEFAULT, CredentialCheck.WEAK);
	}

	@Test
	void digestAuthWithAStrongPasswordIsReportedForNoLogin() throws Exception {
		DeviceReport report = RealServerScan.scan(digestStrongOnStandardPort);
		assertThat(report.openPorts()).containsExactly(digestStrongOnStandardPort.port);
		assertThat(report.findings()).extracting(Finding::checkId)
				.doesNotContain(CredentialCheck.DEFAULT, CredentialCheck.WEAK);
	}

	private static String evidence(Finding finding) {
		return finding.evidence().toString();
	}

}
