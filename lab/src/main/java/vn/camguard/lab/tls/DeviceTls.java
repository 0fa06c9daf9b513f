package vn.camguard.lab.tls;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The HTTPS side of every device of one lab process: the certificate {@code CN=camguard-lab}, JSSE
 * configured as the devices' server, and the lean TLS 1.2 server with its session cache.
 * {@link #accept} reads the ClientHello and decides who answers it:
 * <ul>
 * <li>best version TLS 1.2, ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 or ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
 * offered (ChaCha20 when both are, as JSSE chooses in {@link #cheapestFirst} order), x25519 or secp256r1 the
 * client's first EC group JSSE knows, ecdsa_secp256r1_sha256 signatures, no session ticket: the lean server;</li>
 * <li>TLS 1.1 or 1.0 only: the protocol_version alert JSSE sends, then the connection ends;</li>
 * <li>anything else (TLS 1.3, other suites or groups, tickets, SSLv2 or malformed hellos): JSSE, with the
 * bytes already read replayed.</li>
 * </ul>
 */
public final class DeviceTls {

	private static final String KEYSTORE = "/vn/camguard/lab/tls/lab-device.p12";

	private static final char[] KEYSTORE_PASSWORD = "camguard-lab".toCharArray();

	/** JSSE's exact answer to a TLS 1.0/1.1 ClientHello: fatal protocol_version in a TLS 1.2 record. */
	static final byte[] PROTOCOL_VERSION_ALERT = { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46 };

	/** A ClientHello must be complete this long after the connection is accepted (like an HTTP request). */
	private static final long HELLO_DEADLINE_NANOS = 15_000_000_000L;

	private final SSLContext jsse;

	private final SSLParameters jsseParameters;

	private final HandshakeSecrets secrets;

	private final byte[] certificateMessage;

	private final SessionCache sessions = new SessionCache();

	private final SecureRandom random = new SecureRandom();

	private DeviceTls(SSLContext jsse, SSLParameters jsseParameters, ECPrivateKey signingKey, byte[] certificateMessage) {
		this.jsse = jsse;
		this.jsseParameters = jsseParameters;
		this.secrets = new HandshakeSecrets(signingKey);
		this.certificateMessage = certificateMessage;
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
			String alias = store.aliases().nextElement();
			ECPrivateKey key = (ECPrivateKey) store.getKey(alias, KEYSTORE_PASSWORD);
			return new DeviceTls(context, serverParameters(context), key, certificateMessage(store.getCertificateChain(alias)));
		}
		catch (GeneralSecurityException e) {
			throw new IOException("cannot load the lab TLS keystore", e);
		}
	}

	/**
	 * Reads the ClientHello of a freshly accepted connection and completes the handshake, leanly or by
	 * JSSE; fails (the caller closes the socket) when the connection ends before application data.
	 */
	public Channel accept(Socket socket) throws IOException {
		return accept(socket, socket.getInputStream());
	}

	/** As {@link #accept(Socket)}, reading the connection's bytes from {@code in} (the socket's, or a view of it). */
	public Channel accept(Socket socket, InputStream in) throws IOException {
		ClientHello.Reading reading = ClientHello.read(in, System.nanoTime() + HELLO_DEADLINE_NANOS);
		ClientHello hello = reading.hello();
		if (hello != null && hello.legacyOnly()) {
			socket.getOutputStream().write(PROTOCOL_VERSION_ALERT);
			socket.getOutputStream().flush();
			throw new Records.TlsFailure("TLS 1.0/1.1 refused");
		}
		Integer group = hello == null ? null : hello.leanGroup();
		if (group == null) {
			return viaJsse(socket, reading.consumed());
		}
		Records records = new Records(new BufferedInputStream(in, 2 * Records.MAX_PLAINTEXT),
				socket.getOutputStream());
		try {
			ServerHandshake.VerifyData finished = new ServerHandshake(this, hello, records, null).run(group);
			return ApplicationData.channel(socket, records, this, finished);
		}
		catch (GeneralSecurityException e) {
			throw new IOException("SHA-256 unavailable", e);
		}
	}

	/** Hands the connection to JSSE configured as the devices' server, replaying what was read. */
	Channel viaJsse(Socket socket, byte[] consumed) throws IOException {
		SSLSocket secure = (SSLSocket) jsse.getSocketFactory().createSocket(socket, new ByteArrayInputStream(consumed),
				true);
		secure.setSSLParameters(jsseParameters);
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
	 * The same suites with ChaCha20-Poly1305 and then AES-128-GCM/SHA-256 preferred, TLS 1.3's and then the
	 * lean server's own ({@link CipherSuite} order): the JDK's default order picks AES-256/SHA-384, which costs
	 * every handshake and record more and protects a simulated camera no better, and under C1 a record costs
	 * the JDK's ChaCha20-Poly1305 2.5 to 4 times less CPU than its AES-GCM. JSSE's server keeps this order
	 * ({@link SSLParameters#setUseCipherSuitesOrder}).
	 */
	static String[] cheapestFirst(String[] suites) {
		List<String> preferred = new ArrayList<>(List.of("TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256"));
		for (CipherSuite lean : CipherSuite.values()) {
			preferred.add(lean.jsseName);
		}
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

	private static byte[] certificateMessage(Certificate[] chain) throws GeneralSecurityException {
		ByteArrayOutputStream list = new ByteArrayOutputStream(1024);
		for (Certificate certificate : chain) {
			byte[] der = certificate.getEncoded();
			writeU24(list, der.length);
			list.writeBytes(der);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(list.size() + 3);
		writeU24(body, list.size());
		body.writeBytes(list.toByteArray());
		return ServerHandshake.message(11, body.toByteArray());
	}

	private static void writeU24(ByteArrayOutputStream out, int value) {
		out.write(value >>> 16);
		out.write(value >>> 8);
		out.write(value);
	}

	SessionCache sessions() {
		return sessions;
	}

	/**
	 * Makes the key shares and signature nonces of {@code handshakes} full TLS 1.2 handshakes now, while the
	 * lab starts, instead of during a scan (see {@link HandshakeSecrets}).
	 */
	public void prepare(int handshakes) throws IOException {
		try {
			secrets.prepare(handshakes);
		}
		catch (GeneralSecurityException e) {
			throw new IOException("cannot make TLS handshake secrets", e);
		}
	}

	HandshakeSecrets secrets() {
		return secrets;
	}

	byte[] certificateMessage() {
		return certificateMessage;
	}

	byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

}
