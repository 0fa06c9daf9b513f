package vn.camguard.scanner.discovery;

import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.Excerpt;
import vn.camguard.scanner.wire.Watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** TCP connect sweep of one host's ports (no raw sockets: works unprivileged and inside the platform). */
public final class PortSweep {

	private static final int MAX_BANNER = 256;

	private final Connector connector;

	public PortSweep(Connector connector) {
		this.connector = connector;
	}

	/**
	 * Open ports (connect accepted; refused and timed-out ports are simply not open), and the connections
	 * the sweep kept for the probes that follow.
	 */
	public record Result(Set<Integer> open, KeptConnections kept) {

		public Result {
			open = Set.copyOf(open);
		}

	}

	/**
	 * Connections made by the sweep and handed on, so that a probe of the same port does not connect a second
	 * time (a connection costs the scanner and the device more than the few bytes of a probe). Whatever is not
	 * taken is closed with this object. Belongs to one device scan (one thread).
	 */
	public static final class KeptConnections implements AutoCloseable {

		private final Map<Integer, Socket> sockets = new HashMap<>();

		/** The kept connection to {@code port}, once; later calls find nothing. */
		public Optional<Socket> take(int port) {
			return Optional.ofNullable(sockets.remove(port));
		}

		@Override
		public void close() {
			sockets.values().forEach(Connector::release);
			sockets.clear();
		}

	}

	/**
	 * Sweeps {@code ports}; connections to the ports in {@code keep} stay open in the result. All of the host's
	 * connects are started at once, like nmap's connect scan: a port that drops the SYN costs one connect
	 * timeout for the whole sweep instead of one each, and on a near network most connects have settled by
	 * the time the last is started, so the sweep rarely waits at all.
	 */
	public Result sweep(InetAddress host, List<Integer> ports, Set<Integer> keep) {
		Map<Integer, SocketChannel> started = new LinkedHashMap<>();
		for (int port : ports) {
			if (started.containsKey(port)) {
				continue;
			}
			try {
				started.put(port, connector.startConnect(host, port));
			}
			catch (IOException ex) {
				// Refused at once (or no route): closed for our purposes.
			}
		}
		long deadline = System.nanoTime() + connector.connectTimeout().toNanos();
		Set<Integer> open = new TreeSet<>();
		KeptConnections kept = new KeptConnections();
		Map<Integer, SocketChannel> pending = new LinkedHashMap<>();
		for (Map.Entry<Integer, SocketChannel> attempt : started.entrySet()) {
			SocketChannel channel = attempt.getValue();
			try {
				if (channel.finishConnect()) {
					settle(attempt.getKey(), channel, keep, open, kept);
				}
				else {
					pending.put(attempt.getKey(), channel);
				}
			}
			catch (IOException ex) {
				// Refused or unreachable.
				Connector.abandon(channel);
			}
		}
		if (!pending.isEmpty()) {
			await(pending, deadline, keep, open, kept);
		}
		return new Result(open, kept);
	}

	/**
	 * Waits for the connects still in flight, one after the other (they all go on at once underneath), until
	 * {@code deadline}: then the scan's watchdog closes whatever has not connected, which ends its wait. A port
	 * that never answers is filtered, closed for our purposes.
	 */
	private void await(Map<Integer, SocketChannel> pending, long deadline, Set<Integer> keep, Set<Integer> open,
			KeptConnections kept) {
		for (Map.Entry<Integer, SocketChannel> attempt : pending.entrySet()) {
			SocketChannel channel = attempt.getValue();
			try (Watchdog.Watch watch = connector.watchdog().watch(channel, deadline)) {
				channel.configureBlocking(true);
				channel.finishConnect();
				settle(attempt.getKey(), channel, keep, open, kept);
			}
			catch (IOException ex) {
				// Refused, unreachable, or closed by the watchdog at the deadline.
				Connector.abandon(channel);
			}
		}
	}

	private void settle(int port, SocketChannel channel, Set<Integer> keep, Set<Integer> open, KeptConnections kept) {
		open.add(port);
		if (!keep.contains(port)) {
			Connector.abandon(channel);
			return;
		}
		try {
			kept.sockets.put(port, connector.connected(channel));
		}
		catch (IOException ex) {
			// Open, but the connection is gone already: the probe of this port connects again.
			Connector.abandon(channel);
		}
	}

	/**
	 * The first bytes a service volunteers on connect (telnet login prompt), bounded and as printable text;
	 * read from a connection already open, which is closed afterwards.
	 */
	public Optional<String> banner(Socket connection) {
		try (Socket socket = connection) {
			connector.readWithin(socket, 1000);
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[MAX_BANNER];
			int n = in.read(buffer);
			if (n <= 0) {
				return Optional.empty();
			}
			// Telnet option negotiation (IAC 0xFF sequences) is not text: keep printable bytes only.
			return ServiceDetection.printable(buffer, n);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
