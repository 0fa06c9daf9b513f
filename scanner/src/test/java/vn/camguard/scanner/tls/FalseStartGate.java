package vn.camguard.scanner.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay on loopback in front of a TLS server that holds back what the server sends after the client's
 * ChangeCipherSpec until the client's first application data record has gone by: a client that waits for the
 * server's Finished before its first request (no False Start) waits in vain, and its connection is cut after
 * a few seconds. The client's bytes pass as they are read, so a flight sent in one write stays one write.
 */
final class FalseStartGate implements AutoCloseable {

	private static final long HOLD_SECONDS = 4;

	private final ServerSocket relay = new ServerSocket();

	private final InetSocketAddress upstream;

	final AtomicInteger connections = new AtomicInteger();

	FalseStartGate(InetAddress host, int port) throws IOException {
		this.upstream = new InetSocketAddress(host, port);
		relay.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		Thread.ofVirtual().start(this::accept);
	}

	InetAddress address() {
		return relay.getInetAddress();
	}

	int port() {
		return relay.getLocalPort();
	}

	private void accept() {
		while (!relay.isClosed()) {
			try {
				Socket client = relay.accept();
				connections.incrementAndGet();
				Thread.ofVirtual().start(() -> relay(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void relay(Socket client) {
		try (client; Socket server = new Socket(upstream.getAddress(), upstream.getPort())) {
			client.setSoTimeout(8000);
			server.setSoTimeout(8000);
			CountDownLatch changeCipherSpec = new CountDownLatch(1);
			CountDownLatch applicationData = new CountDownLatch(1);
			Thread toServer = Thread.ofVirtual().start(() -> clientToServer(client, server, changeCipherSpec,
					applicationData));
			byte[] buffer = new byte[32 * 1024];
			InputStream in = server.getInputStream();
			for (int n; (n = in.read(buffer)) > 0; ) {
				if (changeCipherSpec.getCount() == 0 && !applicationData.await(HOLD_SECONDS, TimeUnit.SECONDS)) {
					return;
				}
				client.getOutputStream().write(buffer, 0, n);
			}
			toServer.join(TimeUnit.SECONDS.toMillis(HOLD_SECONDS));
		}
		catch (IOException | InterruptedException ex) {
			// Either side hung up: the relay ends with it.
		}
	}

	/** Passes the client's bytes on and notes the record types going by (RFC 5246 §6.2.1 headers). */
	private static void clientToServer(Socket client, Socket server, CountDownLatch changeCipherSpec,
			CountDownLatch applicationData) {
		byte[] buffer = new byte[32 * 1024];
		byte[] header = new byte[5];
		int headerBytes = 0;
		int skip = 0;
		try {
			InputStream in = client.getInputStream();
			for (int n; (n = in.read(buffer)) > 0; ) {
				for (int i = 0; i < n; ) {
					if (skip > 0) {
						int k = Math.min(skip, n - i);
						skip -= k;
						i += k;
						continue;
					}
					header[headerBytes++] = buffer[i++];
					if (headerBytes == header.length) {
						headerBytes = 0;
						skip = (header[3] & 0xff) << 8 | header[4] & 0xff;
						if (header[0] == RecordLayer.CHANGE_CIPHER_SPEC) {
							changeCipherSpec.countDown();
						}
						if (header[0] == RecordLayer.APPLICATION_DATA) {
							applicationData.countDown();
						}
					}
				}
				server.getOutputStream().write(buffer, 0, n);
			}
			server.shutdownOutput();
		}
		catch (IOException ex) {
			// Either side hung up: the relay ends with it.
		}
	}

	@Override
	public void close() throws IOException {
		relay.close();
	}

}
