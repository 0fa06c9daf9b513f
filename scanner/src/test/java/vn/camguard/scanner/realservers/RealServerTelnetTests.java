package vn.camguard.scanner.realservers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.check.TelnetCheck;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GNU inetutils' telnetd (started per connection by inetutils' inetd, as on a device's busybox), which
 * negotiates options and then asks for a login: an open telnet service is reported on its standard port and on
 * any other.
 */
class RealServerTelnetTests {

	static final String INETD = "/usr/sbin/inetutils-inetd";

	static final String TELNETD = "/usr/sbin/telnetd";

	@TempDir
	static Path dir;

	static final List<RealServer> servers = new ArrayList<>();

	static RealServer onStandardPort;

	static RealServer onOtherPort;

	@BeforeAll
	static void startServers() throws Exception {
		RealServer.assumeInstalled(INETD, "inetutils-inetd inetutils-telnetd");
		RealServer.assumeInstalled(TELNETD, "inetutils-inetd inetutils-telnetd");
		InetAddress a = RealServer.freeAddress();
		onStandardPort = telnetd("telnetd-23", a, RealServer.standardOrFreePort(a, 23));
		InetAddress b = RealServer.freeAddress();
		onOtherPort = telnetd("telnetd-other", b, RealServer.freePort(b));
	}

	@AfterAll
	static void stopServers() {
		servers.forEach(RealServer::close);
	}

	private static RealServer telnetd(String name, InetAddress address, int port) throws Exception {
		Path home = Files.createDirectories(dir.resolve(name));
		Path config = home.resolve("inetd.conf");
		Files.writeString(config, address.getHostAddress() + ":" + port + " stream tcp nowait root " + TELNETD
				+ " telnetd\n");
		RealServer server = RealServer.start("telnetd " + name, List.of(INETD, "-d", "--pidfile="
				+ home.resolve("inetd.pid"), config.toString()), home.resolve("out.log"), address, port);
		servers.add(server);
		return server;
	}

	@Test
	void telnetOnItsStandardPortIsReported() throws Exception {
		DeviceReport report = RealServerScan.scan(onStandardPort);
		assertThat(RealServerScan.finding(report, TelnetCheck.ID))
				.hasValueSatisfying(f -> assertThat(f.evidence().toString()).contains("tcp/" + onStandardPort.port));
	}

	@Test
	void telnetOnAnotherPortIsReported() throws Exception {
		DeviceReport report = RealServerScan.scan(onOtherPort);
		assertThat(RealServerScan.finding(report, TelnetCheck.ID))
				.hasValueSatisfying(f -> assertThat(f.evidence().toString()).contains("tcp/" + onOtherPort.port));
	}

}
