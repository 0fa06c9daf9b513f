package vn.camguard.scanner.wire;

import vn.camguard.scanner.tls.TlsClient;
import vn.camguard.scanner.tls.TlsSession;
import vn.camguard.scanner.tls.TlsUnsupportedException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

	private final SecureRandom random = new SecureRandom();

	private final TlsSessions sessions = new TlsSessions(1024);

	private final Watchdog watchdog = new Watchdog();

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

	/** What ends this scan's reads and connects at their deadlines (connections carry no socket timeout). */
	public Watchdog watchdog() {
		return watchdog;
	}

	/** Watches {@code connection} for one read timeout from now: an exchange that has no deadline of its own. */
	public Watchdog.Watch withinReadTimeout(Closeable connection) {
		return watchdog.watch(connection, System.nanoTime() + readTimeout.toNanos());
	}

	/** Plain TCP connect; throws on refusal or timeout. */
	public Socket open(InetAddress host, int port) throws IOException {
		rateLimit.acquire(host);
		SocketChannel channel = channelFor(host);
		try (Watchdog.Watch watch = watchdog.watch(channel, System.nanoTime() + connectTimeout.toNanos())) {
			try {
				channel.connect(new InetSocketAddress(host, port));
			}
			catch (IOException ex) {
				throw watch.failure(ex, "connect timed out");
			}
			return withOptions(channel.socket());
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
	}

	public Duration connectTimeout() {
		return connectTimeout;
	}

	/**
	 * Starts a connect without waiting for it, after asking the rate limit: the port sweep starts all of a
	 * host's connects at once and settles them together (see {@code PortSweep}). The channel is non-blocking.
	 */
	public SocketChannel startConnect(InetAddress host, int port) throws IOException {
		rateLimit.acquire(host);
		SocketChannel channel = channelFor(host);
		try {
			channel.configureBlocking(false);
			channel.connect(new InetSocketAddress(host, port));
			return channel;
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
	}

	/** A connected channel from {@link #startConnect} as a blocking socket with the options of {@link #open}. */
	public Socket connected(SocketChannel channel) throws IOException {
		channel.configureBlocking(true);
		return withOptions(channel.socket());
	}

	/** A socket of the host's own address family: no IPv4-mapped IPv6 socket for an IPv4 device. */
	private static SocketChannel channelFor(InetAddress host) throws IOException {
		return SocketChannel.open(host instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
	}

	/**
	 * The options of every connection the scanner uses, set once it is connected (most ports of a sweep refuse,
	 * and each option is a system call): no Nagle delay, a reset on close. No read timeout: each read is given
	 * its deadline by the {@link #watchdog()}.
	 */
	private static Socket withOptions(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		socket.setSoLinger(true, 0);
		return socket;
	}

	/**
	 * Closes a connection the scanner has no use for with a reset, as {@link #release} does for one from
	 * {@link #open}: the device frees it at once and neither end keeps a TIME_WAIT entry.
	 */
	public static void abandon(SocketChannel channel) {
		try {
			if (channel.isConnected()) {
				channel.setOption(StandardSocketOptions.SO_LINGER, 0);
			}
		}
		catch (IOException ignored) {
			// Closed below all the same.
		}
		try {
			channel.close();
		}
		catch (IOException ignored) {
			// Nothing is left to free.
		}
	}

	/** Closes a connection the device may already have dropped: nothing is left to free either way. */
	public static void release(Socket connection) {
		try {
			connection.close();
		}
		catch (IOException ignored) {
			// Already closed by the device.
		}
	}

	/**
	 * TLS over a fresh connection. Without {@code protocols}, the scanner's own TLS 1.2 client runs first: it
	 * skips the signature check JSSE would spend most of its CPU on (nothing is trusted here anyway) and
	 * resumes the session of an earlier connection to the same address and port, so a device's later
	 * connections cost no public-key operation. A server it cannot handle is asked again through JSSE,
	 * TLS 1.2 first, then TLS 1.3 when TLS 1.2 is refused. Its full handshakes False Start (RFC 7918): the
	 * server's Finished is checked on the first read, and a server that refuses the handshake there is asked
	 * through JSSE from then on, the channel telling so for the caller to retry ({@link TlsChannel}). With
	 * {@code protocols}, JSSE alone is used.
	 */
	public TlsChannel openTls(InetAddress host, int port, String... protocols) throws IOException {
		if (protocols.length > 0) {
			return channel(handshake(host, port, protocols));
		}
		return openTls(null, host, port);
	}

	/**
	 * As {@link #openTls(InetAddress, int, String...)}, starting on {@code connected} when not null: a plain
	 * connection already open to that port (the port sweep's), which saves a connect. A connection that turns
	 * out dead is the caller's to retry, as for any kept-open connection.
	 */
	public TlsChannel openTls(Socket connected, InetAddress host, int port) throws IOException {
		InetSocketAddress address = new InetSocketAddress(host, port);
		boolean needsJsse = sessions.needsJsse(address);
		if (needsJsse && connected != null) {
			connected.close();
		}
		if (!needsJsse) {
			Socket plain = connected != null ? connected : open(host, port);
			try {
				ServerFinishedVerdict verdict = new ServerFinishedVerdict(address);
				TlsClient.Established tls;
				// The watchdog bounds the handshake (0: no timer of its own), as it bounds every read.
				try (Watchdog.Watch watch = withinReadTimeout(plain)) {
					tls = TlsClient.handshake(plain, sessions.find(address), random, 0, verdict);
				}
				return new TlsChannel(plain, tls.in(), tls.out(), "TLSv1.2", tls.session().leafCertificate(),
						verdict::refusedOnFirstRead);
			}
			catch (TlsUnsupportedException ex) {
				plain.close();
				sessions.rememberJsse(address);
				if (ex.tls12Refused()) {
					return channel(handshake(host, port, "TLSv1.3"));
				}
			}
			catch (IOException ex) {
				plain.close();
				throw ex;
			}
		}
		try {
			return channel(handshake(host, port, "TLSv1.2"));
		}
		catch (javax.net.ssl.SSLHandshakeException ex) {
			return channel(handshake(host, port, "TLSv1.3"));
		}
	}

	/**
	 * Keeps a session once the server's Finished proved it, which after a False Start is at the first read: a
	 * session never verified is never offered again. A server that refuses the handshake only there is asked
	 * through JSSE from then on, as one that refuses it at once.
	 */
	private final class ServerFinishedVerdict implements TlsClient.ServerFinished {

		private final InetSocketAddress address;

		private volatile boolean refusedOnFirstRead;

		ServerFinishedVerdict(InetSocketAddress address) {
			this.address = address;
		}

		@Override
		public void verified(TlsSession session) {
			sessions.keep(address, session);
		}

		@Override
		public void refused(TlsUnsupportedException reason) {
			refusedOnFirstRead = true;
			sessions.rememberJsse(address);
		}

		boolean refusedOnFirstRead() {
			return refusedOnFirstRead;
		}

	}

	private static TlsChannel channel(SSLSocket socket) throws IOException {
		byte[] leaf = new byte[0];
		try {
			Certificate[] chain = socket.getSession().getPeerCertificates();
			if (chain.length > 0 && chain[0].getEncoded().length <= TlsSession.MAX_LEAF) {
				leaf = chain[0].getEncoded();
			}
		}
		catch (SSLPeerUnverifiedException | CertificateEncodingException ex) {
			// No certificate to keep as evidence; the connection itself is fine.
		}
		return new TlsChannel(socket, socket.getInputStream(), socket.getOutputStream(), socket.getSession().getProtocol(),
				leaf);
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

	/**
	 * The TLS sessions of recent connections by address and port, so the few connections of one device scan
	 * share one full handshake, and the servers only JSSE could talk to, so they are not asked twice each
	 * time. Bounded: the least recently used entry is dropped first.
	 */
	private static final class TlsSessions {

		/** An empty value: the server needs JSSE. */
		private final Map<InetSocketAddress, Optional<TlsSession>> byAddress;

		TlsSessions(int capacity) {
			this.byAddress = new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Optional<TlsSession>> eldest) {
					return size() > capacity;
				}
			};
		}

		synchronized Optional<TlsSession> find(InetSocketAddress address) {
			return byAddress.getOrDefault(address, Optional.empty());
		}

		synchronized boolean needsJsse(InetSocketAddress address) {
			Optional<TlsSession> known = byAddress.get(address);
			return known != null && known.isEmpty();
		}

		synchronized void keep(InetSocketAddress address, TlsSession session) {
			if (session.id().length > 0) {
				byAddress.put(address, Optional.of(session));
			}
			else {
				byAddress.remove(address);
			}
		}

		synchronized void rememberJsse(InetSocketAddress address) {
			byAddress.put(address, Optional.empty());
		}

	}

}
