package vn.camguard.scanner.tls;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsDHGroupVerifier;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientContext;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsDHGroupVerifier;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TLS with the servers the JDK will not talk to by its defaults (TLS 1.0 and 1.1, RSA key exchange, CBC suites,
 * RSA 1024 certificates), through BouncyCastle's own TLS API configured per connection: the versions and suites
 * are this client's, so the JVM's TLS defaults ({@code jdk.tls.disabledAlgorithms}, the default SSLContext) stay
 * as they are for everything else in the process. BouncyCastle's JSSE provider would not do: it honours the
 * JVM-wide disabled algorithms. The same client also asks a server, handshake by handshake, which versions and
 * which weak suites it accepts: the server's ServerHello answers, and the handshake is cancelled right after it.
 * <p>
 * Nothing is trusted: any certificate is taken and kept as evidence. Reads and writes go straight to the socket,
 * so whoever bounds the socket (the scan's watchdog) bounds the handshake and every later read.
 */
public final class LegacyTls {

	/** A connection ready for application data. */
	public record Connection(InputStream in, OutputStream out, TlsHandshake handshake) {
	}

	/**
	 * What an old or cheap server may hold, forward-secret and AEAD first: TLS 1.3's, ECDHE and DHE with AES-GCM,
	 * ChaCha20 and AES-CBC, then RSA key exchange and 3DES.
	 */
	private static final int[] SUITES = {CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
			CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
			CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
			CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
			CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
			CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
			CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
			CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
			CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
			CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA256,
			CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA,
			CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
			CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
			CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
			CipherSuite.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA};

	/**
	 * Suites that protect nothing or next to nothing (no encryption, no server authentication, export-grade keys,
	 * RC4): only asked about, never used.
	 */
	private static final int[] WEAK_SUITES = {CipherSuite.TLS_RSA_WITH_NULL_SHA, CipherSuite.TLS_RSA_WITH_NULL_SHA256,
			CipherSuite.TLS_RSA_WITH_NULL_MD5, CipherSuite.TLS_ECDHE_RSA_WITH_NULL_SHA,
			CipherSuite.TLS_ECDHE_ECDSA_WITH_NULL_SHA, CipherSuite.TLS_DH_anon_WITH_AES_128_CBC_SHA,
			CipherSuite.TLS_DH_anon_WITH_AES_256_CBC_SHA, CipherSuite.TLS_DH_anon_WITH_3DES_EDE_CBC_SHA,
			CipherSuite.TLS_DH_anon_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDH_anon_WITH_AES_128_CBC_SHA,
			CipherSuite.TLS_ECDH_anon_WITH_NULL_SHA, CipherSuite.TLS_RSA_EXPORT_WITH_RC4_40_MD5,
			CipherSuite.TLS_RSA_EXPORT_WITH_DES40_CBC_SHA, CipherSuite.TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA,
			CipherSuite.TLS_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_RSA_WITH_RC4_128_MD5,
			CipherSuite.TLS_ECDHE_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_ECDHE_ECDSA_WITH_RC4_128_SHA};

	/** Old servers still use 1024-bit DHE groups; the scanner trusts nothing it learns over TLS anyway. */
	private static final int MINIMUM_DH_BITS = 1024;

	/** At most this many certificates of a chain are kept: the leaf is what the checks read. */
	private static final int MAX_CHAIN = 4;

	private static final Map<Integer, String> SUITE_NAMES = suiteNames();

	private LegacyTls() {
	}

	/** A full handshake on {@code socket} (connected, nothing sent yet), offering TLS 1.3 down to TLS 1.0. */
	public static Connection connect(Socket socket, SecureRandom random) throws IOException {
		BcTlsCrypto crypto = new BcTlsCrypto(random);
		Client client = new Client(crypto, ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv10),
				TlsUtils.getSupportedCipherSuites(crypto, SUITES), false);
		TlsClientProtocol protocol = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
		protocol.connect(client);
		ProtocolVersion negotiated = client.context().getServerVersion();
		String version = TlsVersion.of(negotiated).map(TlsVersion::jsseName).orElse(negotiated.getName());
		int suite = client.context().getSecurityParametersConnection().getCipherSuite();
		return new Connection(protocol.getInputStream(), protocol.getOutputStream(),
				new TlsHandshake(version, suiteName(suite), client.chain));
	}

	/**
	 * Whether the server answers a ClientHello offering {@code version} alone with a ServerHello at that version;
	 * the handshake is cancelled right after it, so no key is made and nothing is encrypted. A refusal, a hang-up
	 * or an answer that is not TLS all mean no.
	 */
	public static boolean accepts(Socket socket, TlsVersion version, SecureRandom random) {
		BcTlsCrypto crypto = new BcTlsCrypto(random);
		Client client = new Client(crypto, new ProtocolVersion[] {version.wire},
				TlsUtils.getSupportedCipherSuites(crypto, SUITES), true);
		handshakeUntilServerHello(socket, client);
		return version.wire.equals(client.serverVersion);
	}

	/**
	 * The weak suite (NULL, anonymous, export or RC4, by IANA name) the server picks when a ClientHello offers
	 * nothing else, at TLS 1.2 down to TLS 1.0; empty when it picks none. Cancelled after the ServerHello.
	 */
	public static Optional<String> weakSuiteChosen(Socket socket, SecureRandom random) {
		Client client = new Client(new BcTlsCrypto(random), ProtocolVersion.TLSv12.downTo(ProtocolVersion.TLSv10),
				WEAK_SUITES, true);
		handshakeUntilServerHello(socket, client);
		return client.suite < 0 ? Optional.empty() : Optional.of(suiteName(client.suite));
	}

	private static void handshakeUntilServerHello(Socket socket, Client client) {
		try {
			new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream()).connect(client);
		}
		catch (IOException | RuntimeException expected) {
			// The client cancels at the ServerHello; what it saw by then is the answer.
		}
	}

	/** The IANA name of a suite ("TLS_RSA_WITH_AES_128_CBC_SHA"), as BouncyCastle's constants spell it. */
	static String suiteName(int suite) {
		return SUITE_NAMES.getOrDefault(suite, String.format("0x%04x", suite));
	}

	private static Map<Integer, String> suiteNames() {
		Map<Integer, String> names = new HashMap<>();
		for (Field field : CipherSuite.class.getFields()) {
			if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())
					&& field.getName().startsWith("TLS_")) {
				try {
					names.putIfAbsent(field.getInt(null), field.getName());
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return Map.copyOf(names);
	}

	/** One connection's client: its versions and suites, the certificate it saw, and where it stops. */
	private static final class Client extends DefaultTlsClient {

		private final ProtocolVersion[] versions;

		private final int[] suites;

		private final boolean stopAtServerHello;

		private List<X509Certificate> chain = List.of();

		private ProtocolVersion serverVersion;

		private int suite = -1;

		Client(BcTlsCrypto crypto, ProtocolVersion[] versions, int[] suites, boolean stopAtServerHello) {
			super(crypto);
			this.versions = versions;
			this.suites = Arrays.copyOf(suites, suites.length);
			this.stopAtServerHello = stopAtServerHello;
		}

		TlsClientContext context() {
			return context;
		}

		@Override
		protected ProtocolVersion[] getSupportedVersions() {
			return versions;
		}

		@Override
		protected int[] getSupportedCipherSuites() {
			return suites;
		}

		@Override
		public TlsDHGroupVerifier getDHGroupVerifier() {
			return new DefaultTlsDHGroupVerifier(MINIMUM_DH_BITS);
		}

		@Override
		public void notifyServerVersion(ProtocolVersion version) throws IOException {
			super.notifyServerVersion(version);
			serverVersion = version;
			// TLS 1.3 names its suite in the same ServerHello, but after this call: a version probe stops here.
			if (stopAtServerHello && versions.length == 1) {
				throw new TlsFatalAlert(AlertDescription.user_canceled);
			}
		}

		@Override
		public void notifySelectedCipherSuite(int selected) {
			super.notifySelectedCipherSuite(selected);
			suite = selected;
			if (stopAtServerHello) {
				throw new CancelledAfterServerHello();
			}
		}

		@Override
		public TlsAuthentication getAuthentication() {
			return new TlsAuthentication() {
				@Override
				public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
					chain = certificates(serverCertificate.getCertificate());
				}

				@Override
				public TlsCredentials getClientCredentials(CertificateRequest request) {
					return null;
				}
			};
		}

	}

	/** Ends a probe's handshake once the ServerHello told what the probe asked. */
	private static final class CancelledAfterServerHello extends RuntimeException {

		CancelledAfterServerHello() {
			super("cancelled after the ServerHello", null, false, false);
		}

	}

	private static List<X509Certificate> certificates(org.bouncycastle.tls.Certificate certificate) throws IOException {
		List<X509Certificate> chain = new ArrayList<>();
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			for (int i = 0; i < Math.min(certificate.getLength(), MAX_CHAIN); i++) {
				chain.add((X509Certificate) factory.generateCertificate(
						new ByteArrayInputStream(certificate.getCertificateAt(i).getEncoded())));
			}
		}
		catch (CertificateException ex) {
			// A certificate the JDK cannot read is no reason to refuse the connection: there is just none to show.
		}
		return List.copyOf(chain);
	}

}
