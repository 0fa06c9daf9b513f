package vn.camguard.scanner.wire;

import vn.camguard.scanner.tls.LegacyTls;
import vn.camguard.scanner.tls.TlsHandshake;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens TCP (optionally TLS) connections to devices with a connect timeout, after asking the rate
 * limit, and UDP sockets for WS-Discovery. Cameras carry self-signed certificates, so TLS here authenticates
 * nothing; it only lets the scanner speak to HTTPS-only devices and see which protocol versions they offer.
 * <p>
 * The one place that owns the scanner's deadlines: no other scanner class opens a socket or sets its timeout
 * (ArchitectureTests). Every connect here is bounded by the connect timeout (the port sweep's, started here, by
 * the sweep's own deadline on the same {@link #watchdog()}); reads are bounded per exchange by the watchdog
 * ({@link MessageReader}, TLS handshakes, {@link #withinReadTimeout}), or, for the few raw reads of a greeting or
 * a banner, by {@link #readWithin}, which never allows more than the read timeout. TCP sockets carry no socket
 * timeout of their own: on a virtual thread each timed read schedules and cancels a timer.
 */
public final class Connector {

	/** What JSSE offers each device: the versions the JDK enables by default. */
	private static final String[] CURRENT_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final RateLimit rateLimit;

	private final SSLContext tls;

	private final SecureRandom random = new SecureRandom();

	private final RecentTls recent = new RecentTls(1024);

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
	 * its deadline by the {@link #watchdog()}, or by {@link #readWithin} for a raw read.
	 */
	private static Socket withOptions(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		socket.setSoLinger(true, 0);
		return socket;
	}

	/**
	 * For reads of {@code socket} outside an exchange the watchdog watches (a greeting, a banner): each waits at
	 * most {@code millis}, and never longer than the read timeout.
	 */
	public void readWithin(Socket socket, int millis) throws SocketException {
		socket.setSoTimeout(Math.max(1, Math.min(millis, readTimeoutMillis())));
	}

	/**
	 * A UDP socket whose receives wait at most {@code longestWait} (WS-Discovery: the discovery timeout). UDP has
	 * no connect to bound; the caller may only shorten the wait as its own deadline nears.
	 */
	public static DatagramSocket datagram(Duration longestWait) throws SocketException {
		DatagramSocket socket = new DatagramSocket();
		try {
			socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, longestWait.toMillis())));
			return socket;
		}
		catch (SocketException ex) {
			socket.close();
			throw ex;
		}
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

	/** TLS over a fresh connection; see {@link #openTls(Socket, InetAddress, int)}. */
	public TlsChannel openTls(InetAddress host, int port) throws IOException {
		return openTls(null, host, port);
	}

	/**
	 * TLS over {@code connected} when not null (a plain connection already open to the port, the port sweep's,
	 * which saves a connect), else over a fresh connection. JSSE first, with the JDK's default versions and suites
	 * set on this connection's own parameters. A server that refuses what JSSE offers (TLS 1.0 or 1.1 only, RSA key
	 * exchange or CBC suites only, ...) is asked again on a fresh connection through {@link LegacyTls}, and
	 * straight away on its later connections. Either way the JVM's TLS defaults are left as they are, and the
	 * watchdog bounds the handshake as it bounds every read. A connection that turns out dead is the caller's to
	 * retry, as for any kept-open connection.
	 */
	public TlsChannel openTls(Socket connected, InetAddress host, int port) throws IOException {
		InetSocketAddress address = new InetSocketAddress(host, port);
		TlsChannel channel;
		if (recent.needsLegacy(address)) {
			channel = legacy(connected, host, port);
		}
		else {
			try {
				channel = jsse(connected, host, port);
			}
			catch (SSLException refused) {
				recent.rememberLegacy(address);
				channel = legacy(null, host, port);
			}
		}
		recent.keep(address, channel.handshake());
		return channel;
	}

	/** What the latest handshake with {@code host:port} showed, while it is among the recent ones. */
	public Optional<TlsHandshake> recentHandshake(InetAddress host, int port) {
		return recent.handshake(new InetSocketAddress(host, port));
	}

	private TlsChannel jsse(Socket connected, InetAddress host, int port) throws IOException {
		Socket plain = connected != null ? connected : open(host, port);
		try (Watchdog.Watch watch = withinReadTimeout(plain)) {
			try {
				SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host.getHostAddress(), port,
						true);
				SSLParameters parameters = tls.getDefaultSSLParameters();
				parameters.setProtocols(CURRENT_PROTOCOLS);
				socket.setSSLParameters(parameters);
				socket.startHandshake();
				SSLSession session = socket.getSession();
				return new TlsChannel(plain, socket.getInputStream(), socket.getOutputStream(),
						new TlsHandshake(session.getProtocol(), session.getCipherSuite(), chain(session)));
			}
			catch (IOException | IllegalArgumentException ex) {
				plain.close();
				IOException failure = ex instanceof IOException io ? io : new IOException(ex);
				throw watch.failure(failure, "TLS handshake timed out");
			}
		}
	}

	private TlsChannel legacy(Socket connected, InetAddress host, int port) throws IOException {
		Socket plain = connected != null ? connected : open(host, port);
		try (Watchdog.Watch watch = withinReadTimeout(plain)) {
			try {
				LegacyTls.Connection connection = LegacyTls.connect(plain, random);
				return new TlsChannel(plain, connection.in(), connection.out(), connection.handshake());
			}
			catch (IOException | RuntimeException ex) {
				plain.close();
				if (watch.fired()) {
					throw new SocketTimeoutException("TLS handshake timed out");
				}
				SSLHandshakeException refused = new SSLHandshakeException("TLS handshake failed: " + ex.getMessage());
				refused.initCause(ex);
				throw refused;
			}
		}
	}

	private static List<X509Certificate> chain(SSLSession session) {
		try {
			return Arrays.stream(session.getPeerCertificates()).limit(4).filter(X509Certificate.class::isInstance)
					.map(X509Certificate.class::cast).toList();
		}
		catch (SSLPeerUnverifiedException ex) {
			return List.of();
		}
	}

	private static SSLContext acceptAnyCertificate() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			// An extended trust manager: JSSE then puts no constraints of its own on the chain it is told to take.
			context.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
				@Override
				public void checkClientTrusted(X509Certificate[] chain, String authType) {
				}

				@Override
				public void checkServerTrusted(X509Certificate[] chain, String authType) {
				}

				@Override
				public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
				}

				@Override
				public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
				}

				@Override
				public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
				}

				@Override
				public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
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
	 * The latest handshake with each recent TLS server (what the TLS checks read instead of asking again), and which
	 * of them only {@link LegacyTls} could talk to, so that they are not asked through JSSE first each time. Bounded:
	 * the least recently used entry is dropped first.
	 */
	private static final class RecentTls {

		private record Known(boolean legacy, Optional<TlsHandshake> handshake) {
		}

		private final Map<InetSocketAddress, Known> byAddress;

		RecentTls(int capacity) {
			this.byAddress = new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Known> eldest) {
					return size() > capacity;
				}
			};
		}

		synchronized boolean needsLegacy(InetSocketAddress address) {
			Known known = byAddress.get(address);
			return known != null && known.legacy();
		}

		synchronized void rememberLegacy(InetSocketAddress address) {
			byAddress.put(address, new Known(true, Optional.empty()));
		}

		synchronized void keep(InetSocketAddress address, TlsHandshake handshake) {
			byAddress.put(address, new Known(needsLegacy(address), Optional.of(handshake)));
		}

		synchronized Optional<TlsHandshake> handshake(InetSocketAddress address) {
			Known known = byAddress.get(address);
			return known == null ? Optional.empty() : known.handshake();
		}

	}

}
