package vn.camguard.scanner.wire;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * Opens TCP (optionally TLS) connections to devices with a connect timeout, after asking the rate
 * limit. Cameras carry self-signed certificates, so TLS here authenticates nothing; it only lets the
 * scanner speak to HTTPS-only devices and see which protocol versions they offer.
 */
public final class Connector {

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final RateLimit rateLimit;

	private final SSLContext tls;

	public Connector(Duration connectTimeout, Duration readTimeout, RateLimit rateLimit) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.rateLimit = rateLimit;
		this.tls = acceptAnyCertificate();
	}

	public Duration readTimeout() {
		return readTimeout;
	}

	public int readTimeoutMillis() {
		return (int) readTimeout.toMillis();
	}

	/** Plain TCP connect; throws on refusal or timeout. */
	public Socket open(InetAddress host, int port) throws IOException {
		rateLimit.acquire(host);
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.setSoLinger(true, 0);
			socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
			socket.setSoTimeout(readTimeoutMillis());
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * TLS over a fresh connection, restricted to {@code protocols} when given. By default TLS 1.2 is offered
	 * first: a device's second and later connections then resume the session without any public-key
	 * operation (a TLS 1.3 resumption still runs a full key exchange), which is what makes HTTPS affordable
	 * across thousands of devices. A device that refuses TLS 1.2 is asked again for TLS 1.3.
	 */
	public SSLSocket openTls(InetAddress host, int port, String... protocols) throws IOException {
		if (protocols.length > 0) {
			return handshake(host, port, protocols);
		}
		try {
			return handshake(host, port, "TLSv1.2");
		}
		catch (javax.net.ssl.SSLHandshakeException ex) {
			return handshake(host, port, "TLSv1.3");
		}
	}

	private SSLSocket handshake(InetAddress host, int port, String... protocols) throws IOException {
		Socket plain = open(host, port);
		try {
			SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host.getHostAddress(), port, true);
			socket.setEnabledProtocols(protocols);
			socket.setSoTimeout(readTimeoutMillis());
			socket.startHandshake();
			return socket;
		}
		catch (IOException | IllegalArgumentException ex) {
			plain.close();
			throw ex instanceof IOException io ? io : new IOException(ex);
		}
	}

	private static SSLContext acceptAnyCertificate() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] {new X509TrustManager() {
				@Override
				public void checkClientTrusted(X509Certificate[] chain, String authType) {
				}

				@Override
				public void checkServerTrusted(X509Certificate[] chain, String authType) {
				}

				@Override
				public X509Certificate[] getAcceptedIssuers() {
					return new X509Certificate[0];
				}
			}}, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("no TLS in this JDK", ex);
		}
	}

}
