package vn.camguard.lab.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The HTTPS of devices that speak only what the JDK will not serve by its defaults, through BouncyCastle's TLS API
 * configured per connection: the lab runs inside the scanner's test JVM too, so it changes no security property
 * (JSSE could serve these only after a JVM-wide {@code jdk.tls.disabledAlgorithms} change). Certificate: RSA 2048,
 * SHA-256, self-signed {@code CN=camguard-lab} ({@code lab-device-rsa.p12}); every client is served alike.
 */
public final class LegacyDeviceTls {

	/** What such a device speaks. */
	public enum Kind {

		/** TLS 1.0 only, ECDHE-RSA with AES-CBC (forward secret: only the version is old). */
		TLS10_ONLY(ProtocolVersion.TLSv10, new int[] { CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
				CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA }),

		/** TLS 1.2 with RSA key exchange only, as many cameras of 2015-2020 (no forward secrecy). */
		RSA_KEY_EXCHANGE_ONLY(ProtocolVersion.TLSv12, new int[] { CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
				CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA });

		private final ProtocolVersion version;

		private final int[] suites;

		Kind(ProtocolVersion version, int[] suites) {
			this.version = version;
			this.suites = suites;
		}

	}

	private static final String KEYSTORE = "/vn/camguard/lab/tls/lab-device-rsa.p12";

	private static final char[] KEYSTORE_PASSWORD = "camguard-lab".toCharArray();

	private final byte[] certificate;

	private final AsymmetricKeyParameter key;

	private final SecureRandom random = new SecureRandom();

	private LegacyDeviceTls(byte[] certificate, AsymmetricKeyParameter key) {
		this.certificate = certificate;
		this.key = key;
	}

	public static LegacyDeviceTls load() throws IOException {
		try (InputStream in = LegacyDeviceTls.class.getResourceAsStream(KEYSTORE)) {
			if (in == null) {
				throw new IOException("lab RSA keystore missing from the classpath");
			}
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, KEYSTORE_PASSWORD);
			String alias = store.aliases().nextElement();
			PrivateKey privateKey = (PrivateKey) store.getKey(alias, KEYSTORE_PASSWORD);
			return new LegacyDeviceTls(store.getCertificate(alias).getEncoded(),
					PrivateKeyFactory.createKey(privateKey.getEncoded()));
		}
		catch (GeneralSecurityException e) {
			throw new IOException("cannot load the lab RSA keystore", e);
		}
	}

	/**
	 * The server side of TLS over a freshly accepted connection: the handshake runs here, reading the socket
	 * (whose read timeout bounds it); a client that fails it only loses its own connection.
	 */
	public Channel accept(Socket socket, Kind kind) throws IOException {
		BcTlsCrypto crypto = new BcTlsCrypto(random);
		TlsServerProtocol protocol = new TlsServerProtocol(socket.getInputStream(), socket.getOutputStream());
		protocol.accept(new Server(crypto, kind, new Certificate(new TlsCertificate[] { crypto.createCertificate(certificate) }),
				key));
		return new Channel(socket, protocol.getInputStream(), protocol.getOutputStream());
	}

	private static final class Server extends DefaultTlsServer {

		private final Kind kind;

		private final Certificate certificate;

		private final AsymmetricKeyParameter key;

		Server(BcTlsCrypto crypto, Kind kind, Certificate certificate, AsymmetricKeyParameter key) {
			super(crypto);
			this.kind = kind;
			this.certificate = certificate;
			this.key = key;
		}

		@Override
		protected ProtocolVersion[] getSupportedVersions() {
			return new ProtocolVersion[] { kind.version };
		}

		@Override
		protected int[] getSupportedCipherSuites() {
			return kind.suites.clone();
		}

		@Override
		protected TlsCredentialedDecryptor getRSAEncryptionCredentials() {
			return new BcDefaultTlsCredentialedDecryptor((BcTlsCrypto) getCrypto(), certificate, key);
		}

		@Override
		protected TlsCredentialedSigner getRSASignerCredentials() {
			// TLS 1.0 signs with MD5+SHA-1 and names no algorithm; TLS 1.2 suites here use RSA key exchange, no signing.
			return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), (BcTlsCrypto) getCrypto(), key,
					certificate, null);
		}

	}

}
