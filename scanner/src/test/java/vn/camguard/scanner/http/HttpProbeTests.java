package vn.camguard.scanner.http;

import org.junit.jupiter.api.Test;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.RateLimit;
import vn.camguard.scanner.wire.Reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Pipelined GETs against web servers that keep the connection and one that closes it after each answer. */
class HttpProbeTests {

	/** Answers each GET with its own path as the body; {@code keepAlive} false closes after one answer. */
	static final class PathEcho implements AutoCloseable {

		final ServerSocket server = new ServerSocket();

		final AtomicInteger connections = new AtomicInteger();

		final AtomicInteger requests = new AtomicInteger();

		final boolean keepAlive;

		PathEcho(String address, boolean keepAlive) throws IOException {
			this.keepAlive = keepAlive;
			server.bind(new InetSocketAddress(InetAddress.getByName(address), 80));
			Thread.ofVirtual().start(this::serve);
		}

		void serve() {
			while (!server.isClosed()) {
				try (Socket client = server.accept()) {
					connections.incrementAndGet();
					client.setSoTimeout(2000);
					BufferedReader in = new BufferedReader(
							new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
					OutputStream out = client.getOutputStream();
					String requestLine;
					while ((requestLine = in.readLine()) != null && !requestLine.isEmpty()) {
						while (!in.readLine().isEmpty()) {
							// the rest of the head says nothing this server needs
						}
						requests.incrementAndGet();
						String path = requestLine.split(" ")[1];
						out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + path.length() + "\r\nConnection: "
								+ (keepAlive ? "keep-alive" : "close") + "\r\n\r\n" + path)
							.getBytes(StandardCharsets.ISO_8859_1));
						out.flush();
						if (!keepAlive) {
							break;
						}
					}
				}
				catch (IOException ignored) {
					// Next client.
				}
			}
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

	final Connector connector = new Connector(Duration.ofSeconds(1), Duration.ofSeconds(1), RateLimit.unlimited());

	static List<HttpRequest> gets(String... paths) {
		return java.util.Arrays.stream(paths).map(HttpRequest::get).toList();
	}

	static List<String> bodies(List<Reply> replies) {
		return replies.stream().map(r -> ((Reply.Message) r).bodyText()).toList();
	}

	@Test
	void pipelinedGetsComeBackInOrderOverOneConnection() throws Exception {
		try (PathEcho server = new PathEcho("127.22.4.1", true); HttpProbe probe = new HttpProbe(connector)) {
			HttpProbe.Endpoint endpoint = new HttpProbe.Endpoint(server.server.getInetAddress(), 80, false);
			assertThat(bodies(probe.sendEach(endpoint, gets("/a", "/b", "/c")))).containsExactly("/a", "/b", "/c");
			assertThat(bodies(probe.sendEach(endpoint, gets("/d", "/e")))).containsExactly("/d", "/e");
			assertThat(server.connections.get()).isEqualTo(1);
			assertThat(server.requests.get()).isEqualTo(5);
		}
	}

	@Test
	void aServerThatClosesAfterOneAnswerYieldsOneAndTheConnectionIsReopenedAfter() throws Exception {
		try (PathEcho server = new PathEcho("127.22.4.2", false); HttpProbe probe = new HttpProbe(connector)) {
			HttpProbe.Endpoint endpoint = new HttpProbe.Endpoint(server.server.getInetAddress(), 80, false);
			assertThat(bodies(probe.sendEach(endpoint, gets("/a", "/b", "/c")))).containsExactly("/a");
			assertThat(((Reply.Message) probe.send(endpoint, HttpRequest.get("/b"))).bodyText()).isEqualTo("/b");
			assertThat(server.connections.get()).isEqualTo(2);
		}
	}

}
