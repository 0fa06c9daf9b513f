package vn.camguard.scanner.discovery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.RateLimit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep tells open from refused from filtered ports, hands on working connections, and pays one connect
 * timeout for all the filtered ports of a host, not one each; 127.23.0.x.
 */
class PortSweepTests {

	static final String HOST = "127.23.0.1";

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : resources.reversed()) {
			resource.close();
		}
	}

	@Test
	void findsTheOpenPortsAndHandsOnTheKeptConnections() throws Exception {
		ServerSocket greeting = listener(0, 50);
		Thread.ofVirtual().start(() -> {
			try (Socket accepted = greeting.accept()) {
				accepted.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
				accepted.getInputStream().read();
			}
			catch (IOException ignored) {
				// the test ended first
			}
		});
		ServerSocket other = listener(0, 50);
		int refused = freePort();
		PortSweep sweep = new PortSweep(new Connector(Duration.ofSeconds(2), Duration.ofSeconds(2), RateLimit.unlimited()));

		// a port listed twice is swept once (one connection per port)
		PortSweep.Result result = sweep.sweep(InetAddress.getByName(HOST),
				List.of(greeting.getLocalPort(), refused, other.getLocalPort(), greeting.getLocalPort()),
				Set.of(greeting.getLocalPort(), refused));

		try (PortSweep.KeptConnections kept = result.kept()) {
			assertThat(result.open()).containsExactlyInAnyOrder(greeting.getLocalPort(), other.getLocalPort());
			assertThat(kept.take(refused)).isEmpty();
			assertThat(kept.take(other.getLocalPort())).as("not asked to be kept").isEmpty();
			Socket connection = kept.take(greeting.getLocalPort()).orElseThrow();
			InputStream in = connection.getInputStream();
			byte[] line = in.readNBytes(7);
			assertThat(new String(line, StandardCharsets.US_ASCII)).isEqualTo("hello\r\n");
			assertThat(connection.getSoTimeout()).as("reads get their deadlines from the scan's watchdog").isZero();
			assertThat(kept.take(greeting.getLocalPort())).as("taken once").isEmpty();
		}
	}

	@Test
	void filteredPortsCostOneConnectTimeoutForTheWholeSweep() throws Exception {
		// A listener whose accept queue is full drops further SYNs, as a firewall does: the connect hangs.
		List<Integer> filtered = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ServerSocket full = listener(0, 1);
			for (int j = 0; j < 5; j++) {
				Socket filler = new Socket();
				resources.add(filler);
				try {
					filler.connect(full.getLocalSocketAddress(), 300);
				}
				catch (SocketTimeoutException queueFull) {
					break;
				}
			}
			filtered.add(full.getLocalPort());
		}
		ServerSocket open = listener(0, 50);
		List<Integer> ports = new ArrayList<>(filtered);
		ports.add(open.getLocalPort());
		Duration timeout = Duration.ofMillis(800);
		PortSweep sweep = new PortSweep(new Connector(timeout, Duration.ofSeconds(1), RateLimit.unlimited()));

		long started = System.nanoTime();
		PortSweep.Result result = sweep.sweep(InetAddress.getByName(HOST), ports, Set.of(open.getLocalPort()));
		long tookMillis = (System.nanoTime() - started) / 1_000_000;

		try (PortSweep.KeptConnections kept = result.kept()) {
			assertThat(result.open()).containsExactly(open.getLocalPort());
			assertThat(kept.take(open.getLocalPort())).isPresent();
		}
		// One after another, four filtered ports would take four timeouts (3.2 s).
		assertThat(tookMillis).isBetween(timeout.toMillis() - 50, 2 * timeout.toMillis());
	}

	private ServerSocket listener(int port, int backlog) throws IOException {
		ServerSocket server = new ServerSocket();
		resources.add(server);
		server.bind(new InetSocketAddress(HOST, port), backlog);
		return server;
	}

	private static int freePort() throws IOException {
		try (ServerSocket probe = new ServerSocket()) {
			probe.bind(new InetSocketAddress(HOST, 0));
			return probe.getLocalPort();
		}
	}

}
