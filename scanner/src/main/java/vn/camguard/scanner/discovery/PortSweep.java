package vn.camguard.scanner.discovery;

import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.Excerpt;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.HashMap;
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

	/** Sweeps {@code ports}; connections to the ports in {@code keep} stay open in the result. */
	public Result sweep(InetAddress host, List<Integer> ports, Set<Integer> keep) {
		Set<Integer> open = new TreeSet<>();
		KeptConnections kept = new KeptConnections();
		for (int port : ports) {
			Socket socket;
			try {
				socket = connector.open(host, port);
			}
			catch (IOException ex) {
				// Refused or filtered: closed for our purposes.
				continue;
			}
			open.add(port);
			if (keep.contains(port)) {
				kept.sockets.put(port, socket);
			}
			else {
				Connector.release(socket);
			}
		}
		return new Result(open, kept);
	}

	/**
	 * The first bytes a service volunteers on connect (telnet login prompt), bounded and as printable text;
	 * read from a connection already open, which is closed afterwards.
	 */
	public Optional<String> banner(Socket connection) {
		try (Socket socket = connection) {
			socket.setSoTimeout(Math.min(connector.readTimeoutMillis(), 1000));
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[MAX_BANNER];
			int n = in.read(buffer);
			if (n <= 0) {
				return Optional.empty();
			}
			// Telnet option negotiation (IAC 0xFF sequences) is not text: keep printable bytes only.
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < n; i++) {
				int b = buffer[i] & 0xff;
				if (b >= 0x20 && b < 0x7f) {
					text.append((char) b);
				}
			}
			String banner = text.toString().strip();
			return banner.isEmpty() ? Optional.empty() : Optional.of(Excerpt.of(banner));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
