package vn.camguard.scanner.discovery;

import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.Excerpt;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
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

	/** Open ports (connect accepted); refused and timed-out ports are simply not open. */
	public record Result(Set<Integer> open) {

		public Result {
			open = Set.copyOf(open);
		}

	}

	public Result sweep(InetAddress host, List<Integer> ports) {
		Set<Integer> open = new TreeSet<>();
		for (int port : ports) {
			try (Socket ignored = connector.open(host, port)) {
				open.add(port);
			}
			catch (IOException ex) {
				// Refused or filtered: closed for our purposes.
			}
		}
		return new Result(open);
	}

	/** The first bytes a service volunteers on connect (telnet login prompt), bounded and as printable text. */
	public Optional<String> banner(InetAddress host, int port) {
		try (Socket socket = connector.open(host, port)) {
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
