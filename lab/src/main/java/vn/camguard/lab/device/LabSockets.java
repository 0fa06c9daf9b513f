package vn.camguard.lab.device;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import vn.camguard.lab.tls.Channel;
import vn.camguard.lab.tls.DeviceTls;
import vn.camguard.lab.tls.LegacyDeviceTls;

/**
 * Every socket a lab owns: listeners bound to one device address and port each, the connections they
 * accepted and the WS-Discovery datagram sockets. Connections are served on virtual threads, bounded by a
 * permit count so a scan storm cannot exhaust the process's file descriptors. {@link #close} frees all.
 */
public final class LabSockets implements Closeable {

	/** A connection nobody talks on is dropped after this long, so it never pins a thread. */
	static final int READ_TIMEOUT_MS = 5_000;

	private final Semaphore permits;

	private final int latencyMs;

	private final Set<Closeable> open = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

	private final SilenceWatch silenceWatch = new SilenceWatch(READ_TIMEOUT_MS);

	private volatile DeviceTls tls;

	private volatile LegacyDeviceTls legacyTls;

	public LabSockets(int maxConnections, int latencyMs) {
		this.permits = new Semaphore(maxConnections);
		this.latencyMs = latencyMs;
	}

	/** Handles one accepted connection (deciphered on HTTPS ports); the connection is closed afterwards. */
	@FunctionalInterface
	public interface ConnectionHandler {

		void handle(Connection connection) throws IOException;

	}

	/** Answers one datagram; null means no answer. */
	@FunctionalInterface
	public interface DatagramHandler {

		byte[] answer(byte[] datagram);

	}

	/** How a read that waits {@link #READ_TIMEOUT_MS} for a silent peer ends. */
	public enum Silence {

		/** The connection is closed ({@link SilenceWatch}): the cheap way, for the devices that simply hang up. */
		CLOSES,

		/** The read throws {@link java.net.SocketTimeoutException} and the service decides (the hostile devices). */
		TIMES_OUT

	}

	public void listenTcp(String address, int port, boolean useTls, ConnectionHandler handler) throws IOException {
		listenTcp(address, port, useTls, Silence.CLOSES, handler);
	}

	public void listenTcp(String address, int port, boolean useTls, Silence silence, ConnectionHandler handler)
			throws IOException {
		DeviceTls tls = useTls ? deviceTls() : null;
		listen(address, port, tls == null ? null : tls::accept, silence, handler);
	}

	/** A TLS port that speaks only what the JDK will not serve by default (see {@link LegacyDeviceTls}). */
	public void listenLegacyTls(String address, int port, LegacyDeviceTls.Kind kind, ConnectionHandler handler)
			throws IOException {
		LegacyDeviceTls tls = legacyTls();
		listen(address, port, socket -> tls.accept(socket, kind), Silence.CLOSES, handler);
	}

	/** The server side of TLS on an accepted connection. */
	@FunctionalInterface
	private interface TlsServing {

		Channel accept(Socket socket) throws IOException;

	}

	private void listen(String address, int port, TlsServing secured, Silence silence, ConnectionHandler handler)
			throws IOException {
		ServerSocket server = new ServerSocket();
		open.add(server);
		server.setReuseAddress(true);
		try {
			server.bind(new InetSocketAddress(InetAddress.getByName(address), port), 128);
		}
		catch (IOException e) {
			throw new IOException("cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
		}
		startWorker(() -> acceptLoop(server, secured, silence, handler));
	}

	public void listenUdp(String address, int port, DatagramHandler handler) throws IOException {
		DatagramSocket socket;
		try {
			socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port));
		}
		catch (SocketException e) {
			throw new IOException("cannot listen on udp " + address + ":" + port + ": " + e.getMessage(), e);
		}
		open.add(socket);
		startWorker(() -> receiveLoop(socket, handler));
	}

	/**
	 * Applies the simulated network latency before a datagram answer (TCP connections get it from
	 * {@link DelayedSocket}, below TLS and every service).
	 */
	void pause() {
		if (latencyMs > 0) {
			sleep(latencyMs);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		for (Closeable closeable : open) {
			try {
				closeable.close();
			}
			catch (IOException ignored) {
				// closing everything is best effort; the kernel reclaims the rest with the process
			}
		}
		open.clear();
		silenceWatch.close();
		workers.forEach(Thread::interrupt);
		// a socket closed while a thread is blocked on it is released by that thread: wait for them all,
		// so that when close() returns every port is really closed
		long deadline = System.nanoTime() + 10_000_000_000L;
		for (Thread worker : workers) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				break;
			}
			try {
				worker.join(Duration.ofNanos(left));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
	}

	private void startWorker(Runnable work) {
		Thread thread = Thread.ofVirtual().unstarted(() -> {
			try {
				work.run();
			}
			finally {
				workers.remove(Thread.currentThread());
			}
		});
		workers.add(thread);
		thread.start();
	}

	private void acceptLoop(ServerSocket server, TlsServing secured, Silence silence, ConnectionHandler handler) {
		while (!closed.get()) {
			Socket socket;
			try {
				socket = server.accept();
			}
			catch (IOException e) {
				if (closed.get() || server.isClosed()) {
					return;
				}
				// e.g. out of descriptors: back off instead of spinning
				sleep(50);
				continue;
			}
			// the permit is taken per connection, not per listener: thousands of idle listeners must not
			// hold the budget; past it, a connection waits a moment and is then dropped like on an overloaded device
			boolean admitted;
			try {
				admitted = permits.tryAcquire(1, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				admitted = false;
				Thread.currentThread().interrupt();
			}
			if (!admitted) {
				closeQuietly(socket);
				continue;
			}
			open.add(socket);
			if (closed.get()) {
				// accepted while the lab was closing: close() may already have passed this socket by
				closeQuietly(socket);
				permits.release();
				return;
			}
			startWorker(() -> serve(socket, secured, silence, handler));
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// nothing to free beyond the descriptor
		}
	}

	/** On HTTPS ports ({@code secured} not null) the TLS handshake runs here, in the connection's own thread. */
	private void serve(Socket socket, TlsServing secured, Silence silence, ConnectionHandler handler) {
		SilenceWatch.Watched watched = null;
		try (socket) {
			socket.setTcpNoDelay(true);
			// the simulated latency sits below TLS and every service: the same for every client and protocol
			Socket link = latencyMs > 0 ? new DelayedSocket(socket, latencyMs) : socket;
			InputStream in;
			// JSSE reads a TLS connection's socket itself, never through a watched stream: a read timeout bounds it.
			if (silence == Silence.TIMES_OUT || secured != null) {
				socket.setSoTimeout(READ_TIMEOUT_MS);
				in = link.getInputStream();
			}
			else {
				watched = silenceWatch.watch(socket, link.getInputStream());
				in = watched;
			}
			Connection connection;
			if (secured == null) {
				connection = Connection.plain(link, in);
			}
			else {
				Channel channel = secured.accept(link);
				channel.socket().setSoTimeout(READ_TIMEOUT_MS);
				connection = Connection.secured(channel);
			}
			try (connection) {
				handler.handle(connection);
			}
		}
		catch (IOException | RuntimeException ignored) {
			// a peer that misbehaves only loses its own connection
		}
		finally {
			if (watched != null) {
				watched.stop();
			}
			open.remove(socket);
			permits.release();
		}
	}

	private void receiveLoop(DatagramSocket socket, DatagramHandler handler) {
		byte[] buffer = new byte[16 * 1024];
		while (!closed.get()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(packet);
			}
			catch (IOException e) {
				if (closed.get() || socket.isClosed()) {
					return;
				}
				sleep(50);
				continue;
			}
			// answers go back to the sender only, and only on loopback
			if (!packet.getAddress().isLoopbackAddress()) {
				continue;
			}
			byte[] datagram = Arrays.copyOfRange(packet.getData(), packet.getOffset(),
					packet.getOffset() + packet.getLength());
			try {
				byte[] answer = handler.answer(datagram);
				if (answer != null) {
					pause();
					socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
				}
			}
			catch (IOException | RuntimeException ignored) {
				// a malformed probe gets no answer
			}
		}
	}

	private LegacyDeviceTls legacyTls() throws IOException {
		LegacyDeviceTls loaded = legacyTls;
		if (loaded != null) {
			return loaded;
		}
		synchronized (this) {
			if (legacyTls == null) {
				legacyTls = LegacyDeviceTls.load();
			}
			return legacyTls;
		}
	}

	private DeviceTls deviceTls() throws IOException {
		DeviceTls loaded = tls;
		if (loaded != null) {
			return loaded;
		}
		synchronized (this) {
			if (tls == null) {
				tls = DeviceTls.load();
			}
			return tls;
		}
	}

}
