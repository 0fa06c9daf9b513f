package vn.camguard.scanner.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A real JSSE HTTPS server on loopback with the lab's EC P-256 device key: it answers each request on a
 * connection with a body of a given size and records, per connection, the protocol, session id and cipher suite
 * it negotiated.
 */
final class JsseServer implements AutoCloseable {

	/** What the server saw of one connection. */
	record Seen(String protocol, String sessionId, String cipherSuite) {
	}

	private final SSLServerSocket server;

	private final byte[] body;

	final List<Seen> seen = new CopyOnWriteArrayList<>();

	/** The lab's device keystore: an EC P-256 key. */
	static final String LAB_KEYSTORE = "/vn/camguard/lab/tls/lab-device.p12";

	/** A test keystore with an RSA 2048 key (made once with keytool, same password as the lab's). */
	static final String RSA_KEYSTORE = "/vn/camguard/scanner/tls/rsa-device.p12";

	JsseServer(String[] protocols, String[] groups, int bodyLength) throws Exception {
		this(LAB_KEYSTORE, protocols, groups, bodyLength);
	}

	JsseServer(String keystore, String[] protocols, String[] groups, int bodyLength) throws Exception {
		this(keystore, protocols, groups, new String[0], bodyLength);
	}

	/** With {@code suites} not empty, the server enables those suites only. */
	JsseServer(String keystore, String[] protocols, String[] groups, String[] suites, int bodyLength)
			throws Exception {
		server = (SSLServerSocket) context(keystore).getServerSocketFactory().createServerSocket();
		server.setEnabledProtocols(protocols);
		if (suites.length > 0) {
			server.setEnabledCipherSuites(suites);
		}
		if (groups.length > 0) {
			SSLParameters parameters = server.getSSLParameters();
			parameters.setNamedGroups(groups);
			server.setSSLParameters(parameters);
		}
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		body = new byte[bodyLength];
		for (int i = 0; i < bodyLength; i++) {
			body[i] = (byte) ('a' + i % 26);
		}
		Thread.ofVirtual().start(this::accept);
	}

	static SSLContext context(String keystore) throws Exception {
		char[] password = "camguard-lab".toCharArray();
		KeyStore store = keyStore(keystore);
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, password);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

	static Certificate certificate(String keystore) throws Exception {
		KeyStore store = keyStore(keystore);
		return store.getCertificate(store.aliases().nextElement());
	}

	private static KeyStore keyStore(String resource) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = JsseServer.class.getResourceAsStream(resource)) {
			store.load(in, "camguard-lab".toCharArray());
		}
		return store;
	}

	int port() {
		return server.getLocalPort();
	}

	InetAddress address() {
		return server.getInetAddress();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				SSLSocket socket = (SSLSocket) server.accept();
				Thread.ofVirtual().start(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(SSLSocket socket) {
		try (socket) {
			socket.setSoTimeout(5000);
			socket.setTcpNoDelay(true);
			socket.startHandshake();
			seen.add(new Seen(socket.getSession().getProtocol(), HexFormat.of().formatHex(socket.getSession().getId()),
					socket.getSession().getCipherSuite()));
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			while (readHead(in)) {
				out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
				out.write(body);
				out.flush();
			}
		}
		catch (IOException ex) {
			// A client that gave up or fell back only loses its own connection.
		}
	}

	/** Reads one request head, up to its blank line; false when the stream ends first or the head is too long. */
	static boolean readHead(InputStream in) throws IOException {
		int state = 0;
		for (int count = 0; count < 16 * 1024; count++) {
			int b = in.read();
			if (b < 0) {
				return false;
			}
			state = b == '\r' ? (state == 2 ? 3 : 1) : b == '\n' ? (state == 1 ? 2 : state == 3 ? 4 : 0) : 0;
			if (state == 4) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
