package vn.camguard.lab.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The HTTPS side of every device of one lab process: the certificate {@code CN=camguard-lab} and JSSE configured
 * as the devices' server, the same for every client: TLS 1.3 and 1.2, the JDK's suites in {@link #cheapestFirst}
 * order, its session cache (resumption by session id and, where asked, by ticket).
 */
public final class DeviceTls {

	private static final String KEYSTORE = "/vn/camguard/lab/tls/lab-device.p12";

	private static final char[] KEYSTORE_PASSWORD = "camguard-lab".toCharArray();

	private static final byte[] NOTHING_READ = new byte[0];

	private final SSLContext jsse;

	private final SSLParameters parameters;

	private DeviceTls(SSLContext jsse, SSLParameters parameters) {
		this.jsse = jsse;
		this.parameters = parameters;
	}

	/** Loads the lab's device certificate and key from the classpath. */
	public static DeviceTls load() throws IOException {
		try (InputStream in = DeviceTls.class.getResourceAsStream(KEYSTORE)) {
			if (in == null) {
				throw new IOException("lab TLS keystore missing from the classpath");
			}
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, KEYSTORE_PASSWORD);
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(store, KEYSTORE_PASSWORD);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return new DeviceTls(context, serverParameters(context));
		}
		catch (GeneralSecurityException e) {
			throw new IOException("cannot load the lab TLS keystore", e);
		}
	}

	/**
	 * The server side of TLS over a freshly accepted connection. The handshake runs on the first read or write of
	 * the channel, in the connection's own thread; a client that fails it only loses its own connection. JSSE reads
	 * the socket itself: the caller gives the returned socket a read timeout.
	 */
	public Channel accept(Socket socket) throws IOException {
		SSLSocket secure = (SSLSocket) jsse.getSocketFactory().createSocket(socket, new ByteArrayInputStream(NOTHING_READ),
				true);
		secure.setSSLParameters(parameters);
		secure.setUseClientMode(false);
		return new Channel(secure, secure.getInputStream(), secure.getOutputStream());
	}

	/** JSSE as the devices' server: TLS 1.3 and 1.2, the default suites in {@link #cheapestFirst} order. */
	private static SSLParameters serverParameters(SSLContext context) throws IOException {
		try (SSLServerSocket template = (SSLServerSocket) context.getServerSocketFactory().createServerSocket()) {
			SSLParameters parameters = template.getSSLParameters();
			parameters.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
			parameters.setCipherSuites(cheapestFirst(parameters.getCipherSuites()));
			parameters.setUseCipherSuitesOrder(true);
			return parameters;
		}
	}

	/**
	 * The same suites with ChaCha20-Poly1305 and then AES-128-GCM/SHA-256 preferred: the JDK's default order picks
	 * AES-256/SHA-384, which costs every handshake and record more and protects a simulated camera no better, and
	 * under C1 a record costs the JDK's ChaCha20-Poly1305 2.5 to 4 times less CPU than its AES-GCM. The lab and the
	 * scanner share the benchmark machine; every client gets this same order.
	 */
	static String[] cheapestFirst(String[] suites) {
		List<String> preferred = List.of("TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256",
				"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
		List<String> ordered = new ArrayList<>(suites.length);
		for (String suite : preferred) {
			if (Arrays.asList(suites).contains(suite)) {
				ordered.add(suite);
			}
		}
		for (String suite : suites) {
			if (!preferred.contains(suite)) {
				ordered.add(suite);
			}
		}
		return ordered.toArray(String[]::new);
	}

}
