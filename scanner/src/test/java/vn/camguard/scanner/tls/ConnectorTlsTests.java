package vn.camguard.scanner.tls;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.RateLimit;
import vn.camguard.scanner.wire.TlsChannel;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connector's TLS: JSSE for a server the JDK talks to by default (servers it refuses are in
 * {@code OpensslTlsServersTests}), BouncyCastle on a fresh connection after a refusal, and the watchdog's deadline on
 * every handshake whichever stack runs it: a silent or dripping server ends in a timeout, not a hang, and a timeout
 * is not retried with the other stack.
 */
class ConnectorTlsTests {

	/** For the deadline tests: the servers below take far longer than this to finish a handshake. */
	final Connector connector = new Connector(Duration.ofSeconds(1), Duration.ofSeconds(1), new RateLimit(0, 0));

	/**
	 * For the tests that expect an answer: a busy machine may take a while over a first handshake of either stack
	 * (class loading, seeding), which no deadline test here is about.
	 */
	final Connector patient = new Connector(Duration.ofSeconds(5), Duration.ofSeconds(10), new RateLimit(0, 0));

	ServerSocket raw;

	@AfterEach
	void close() throws IOException {
		if (raw != null) {
			raw.close();
		}
	}

	@Test
	void aServerTheJdkTalksToGetsJsseAndItsHandshakeIsKept() throws Exception {
		try (JsseServer server = new JsseServer(new String[] {"TLSv1.3", "TLSv1.2"}, new String[0], 100);
				TlsChannel channel = patient.openTls(server.address(), server.port())) {
			assertThat(channel.protocol()).isEqualTo("TLSv1.3");
			assertThat(get(channel)).startsWith("HTTP/1.1 200");
			assertThat(patient.recentHandshake(server.address(), server.port())).hasValueSatisfying(h -> {
				assertThat(h.leaf()).hasValueSatisfying(
						leaf -> assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=camguard-lab"));
				assertThat(h.forwardSecret()).isTrue();
			});
		}
	}

	@Test
	void aSilentServerTimesOutOnceWithoutTryingTheOtherStack() throws Exception {
		AtomicInteger connections = rawServer(socket -> sleep(4000));
		assertThatThrownBy(() -> connector.openTls(raw.getInetAddress(), raw.getLocalPort()))
				.isInstanceOf(SocketTimeoutException.class);
		assertThat(connections.get()).isEqualTo(1);
	}

	@Test
	void aDripFeedingServerIsCutAtTheDeadlineByEitherStack() throws Exception {
		// 40 bytes 100 ms apart: 4 s, where the deadline is 1 s. Unbounded, the handshake would end on the hang-up.
		AtomicInteger connections = rawServer(socket -> {
			try {
				socket.getInputStream().read(new byte[512]);
				OutputStream out = socket.getOutputStream();
				out.write(new byte[] {22, 3, 3, 0x40, 0});
				for (int i = 0; i < 40; i++) {
					out.write(0);
					out.flush();
					Thread.sleep(100);
				}
			}
			catch (IOException | InterruptedException ignored) {
				// the client gave up
			}
		});
		assertThatThrownBy(() -> connector.openTls(raw.getInetAddress(), raw.getLocalPort()))
				.isInstanceOf(SocketTimeoutException.class);
		assertThat(connections.get()).isEqualTo(1);
	}

	@Test
	void aServerThatRefusesJsseAndThenDripsIsCutAtTheDeadlineByBouncyCastle() throws Exception {
		AtomicInteger connections = new AtomicInteger();
		rawServer(socket -> {
			try {
				socket.getInputStream().read(new byte[512]);
				OutputStream out = socket.getOutputStream();
				if (connections.incrementAndGet() == 1) {
					// What a TLS 1.0-only server answers a TLS 1.2/1.3 hello: a fatal protocol_version alert.
					out.write(new byte[] {21, 3, 1, 0, 2, 2, 70});
					return;
				}
				out.write(new byte[] {22, 3, 1, 0x40, 0});
				// 40 bytes 250 ms apart: 10 s, where the deadline is 3 s (time enough for the JSSE refusal first).
				for (int i = 0; i < 40; i++) {
					out.write(0);
					out.flush();
					Thread.sleep(250);
				}
			}
			catch (IOException | InterruptedException ignored) {
				// the client gave up
			}
		});
		Connector threeSeconds = new Connector(Duration.ofSeconds(1), Duration.ofSeconds(3), new RateLimit(0, 0));
		assertThatThrownBy(() -> threeSeconds.openTls(raw.getInetAddress(), raw.getLocalPort()))
				.isInstanceOf(SocketTimeoutException.class);
		assertThat(connections.get()).isEqualTo(2);
	}

	@Test
	void garbageFailsBothStacksAsAHandshakeFailure() throws Exception {
		AtomicInteger connections = rawServer(socket -> {
			try {
				byte[] noise = new byte[4096];
				new Random(7).nextBytes(noise);
				noise[0] = 'H';
				socket.getOutputStream().write(noise);
				Thread.sleep(300);
			}
			catch (IOException | InterruptedException ignored) {
				// the client gave up
			}
		});
		assertThatThrownBy(() -> patient.openTls(raw.getInetAddress(), raw.getLocalPort()))
				.isInstanceOf(SSLException.class);
		assertThat(connections.get()).isEqualTo(2);
	}

	private static String get(TlsChannel channel) throws IOException {
		channel.out().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		channel.out().flush();
		return new String(channel.in().readNBytes(15), StandardCharsets.ISO_8859_1);
	}

	private AtomicInteger rawServer(Consumer<Socket> behaviour) throws IOException {
		raw = new ServerSocket();
		raw.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		AtomicInteger connections = new AtomicInteger();
		Thread.ofVirtual().start(() -> {
			while (!raw.isClosed()) {
				try {
					Socket socket = raw.accept();
					connections.incrementAndGet();
					Thread.ofVirtual().start(() -> {
						try (socket) {
							behaviour.accept(socket);
						}
						catch (IOException ignored) {
							// closed
						}
					});
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		return connections;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ignored) {
			Thread.currentThread().interrupt();
		}
	}

}
