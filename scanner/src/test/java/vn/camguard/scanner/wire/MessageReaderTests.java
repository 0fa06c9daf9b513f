package vn.camguard.scanner.wire;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounded HTTP/RTSP response reader against a loopback peer that sends fixed bytes. */
class MessageReaderTests {

	ServerSocket server;

	@AfterEach
	void close() throws IOException {
		if (server != null) {
			server.close();
		}
	}

	Reply.Message message(Reply reply) {
		assertThat(reply).isInstanceOf(Reply.Message.class);
		return (Reply.Message) reply;
	}

	MessageReader.Read read(byte[] peerSends, boolean closeAfter, int timeoutMillis) throws Exception {
		return read(peerSends, closeAfter, timeoutMillis, true);
	}

	MessageReader.Read read(byte[] peerSends, boolean closeAfter, int timeoutMillis, boolean bodyUntilClose)
			throws Exception {
		server = new ServerSocket();
		server.bind(new InetSocketAddress(InetAddress.getByName("127.22.0.1"), 0));
		Thread.ofVirtual().start(() -> {
			try (Socket peer = server.accept()) {
				OutputStream out = peer.getOutputStream();
				out.write(peerSends);
				out.flush();
				if (!closeAfter) {
					Thread.sleep(3000);
				}
			}
			catch (IOException | InterruptedException ignored) {
				// The test only cares what the reader made of the bytes.
			}
		});
		Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
		try (socket) {
			return new MessageReader(socket, new Watchdog()).readResponse(MessageReader.Limits.within(timeoutMillis),
					bodyUntilClose);
		}
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	@Test
	void readsAnHttpResponseWithContentLengthAndKeepsTheConnection() throws Exception {
		MessageReader.Read read = read(bytes("HTTP/1.1 200 OK\r\nServer: App-webs/\r\nContent-Length: 5\r\n\r\nhelloEXTRA"),
				false, 1000);
		Reply.Message m = message(read.reply());
		assertThat(m.status()).isEqualTo(200);
		assertThat(m.header("server")).isEqualTo("App-webs/");
		assertThat(m.bodyText()).isEqualTo("hello");
		assertThat(read.reusable()).isTrue();
	}

	@Test
	void connectionCloseOrHttp10IsNotReused() throws Exception {
		assertThat(read(bytes("HTTP/1.1 200 OK\r\nCONNECTION: close\r\nCONTENT-LENGTH: 0\r\n\r\n"), true, 1000).reusable())
				.isFalse();
		assertThat(read(bytes("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"), true, 1000).reusable()).isFalse();
	}

	@Test
	void decodesChunkedBodies() throws Exception {
		MessageReader.Read read = read(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"),
				false, 1000);
		assertThat(message(read.reply()).bodyText()).isEqualTo("Wikipedia");
		assertThat(read.reusable()).isTrue();
	}

	@Test
	void readsRtspWithRepeatedHeaders() throws Exception {
		Reply.Message m = message(read(bytes("RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\n"
				+ "WWW-Authenticate: Digest realm=\"Hikvision\", nonce=\"abc\"\r\nWWW-Authenticate: Basic realm=\"/\"\r\n\r\n"),
				false, 1000, false).reply());
		assertThat(m.protocol()).isEqualTo("RTSP/1.0");
		assertThat(m.headers().all("www-authenticate")).hasSize(2);
	}

	@Test
	void garbageIsUnparseableNotAnException() throws Exception {
		byte[] garbage = new byte[4096];
		new java.util.Random(1).nextBytes(garbage);
		garbage[0] = 0;
		assertThat(read(garbage, true, 1000).reply()).isInstanceOf(Reply.Unparseable.class);
	}

	@Test
	void aHugeHeaderIsCutAtTheLimit() throws Exception {
		byte[] huge = bytes("HTTP/1.1 200 OK\r\nX-Padding: " + "A".repeat(1 << 20) + "\r\n\r\n");
		Reply reply = read(huge, true, 2000).reply();
		assertThat(reply).isInstanceOf(Reply.Unparseable.class);
		assertThat(((Reply.Unparseable) reply).why()).contains("header over");
	}

	@Test
	void aBodyIsCutAtTheLimitAndMarkedTruncated() throws Exception {
		byte[] big = bytes("HTTP/1.1 200 OK\r\nContent-Length: 200000\r\n\r\n" + "B".repeat(200_000));
		Reply.Message m = message(read(big, true, 2000).reply());
		assertThat(m.body()).hasSize(64 * 1024);
		assertThat(m.truncated()).isTrue();
	}

	@Test
	void silenceEndsAtTheDeadline() throws Exception {
		long started = System.nanoTime();
		Reply reply = read(new byte[0], false, 300).reply();
		assertThat(reply).isInstanceOf(Reply.NoAnswer.class);
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1500);
	}

	@Test
	void aDrippingPeerCostsNoMoreThanTheDeadline() throws Exception {
		server = new ServerSocket();
		server.bind(new InetSocketAddress(InetAddress.getByName("127.22.0.1"), 0));
		Thread.ofVirtual().start(() -> {
			try (Socket peer = server.accept()) {
				for (byte b : bytes("HTTP/1.1 200 OK\r\nServer: drip\r\n\r\n")) {
					peer.getOutputStream().write(b);
					peer.getOutputStream().flush();
					Thread.sleep(100);
				}
			}
			catch (IOException | InterruptedException ignored) {
				// The reader hangs up first; that is the point.
			}
		});
		try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort())) {
			long started = System.nanoTime();
			Reply reply = new MessageReader(socket, new Watchdog()).read(MessageReader.Limits.within(400), true);
			assertThat(reply).isInstanceOf(Reply.NoAnswer.class);
			assertThat((System.nanoTime() - started) / 1_000_000).isBetween(350L, 900L);
		}
	}

	@Test
	void excerptsAreShortAndPrintable() {
		assertThat(Excerpt.of("a\u0000b\r\n" + "x".repeat(500))).startsWith("a.b..").hasSizeLessThanOrEqualTo(161);
	}

}
