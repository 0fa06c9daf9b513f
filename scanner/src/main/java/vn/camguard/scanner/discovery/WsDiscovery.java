package vn.camguard.scanner.discovery;

import vn.camguard.scanner.onvif.SoapText;
import vn.camguard.scanner.wire.Connector;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * WS-Discovery (2005/04) Probe for ONVIF NetworkVideoTransmitters. Unicast to one target by default;
 * multicast to 239.255.255.250 only through {@link #multicast}, which callers reach only with an
 * explicit user flag.
 */
public final class WsDiscovery {

	/** The standard WS-Discovery port. */
	public static final int PORT = 3702;

	private static final int MAX_DATAGRAM = 16 * 1024;

	private static final int SENDS = 3;

	private final Duration timeout;

	public WsDiscovery(Duration timeout) {
		this.timeout = timeout;
	}

	/** A ProbeMatch: who answered, its device types, scopes and service addresses. */
	public record ProbeMatch(InetAddress from, List<String> types, List<String> scopes, List<String> xaddrs) {

		public ProbeMatch {
			types = List.copyOf(types);
			scopes = List.copyOf(scopes);
			xaddrs = List.copyOf(xaddrs);
		}

		/** The value of the first ONVIF scope {@code onvif://www.onvif.org/<kind>/<value>}, URL-decoded. */
		public Optional<String> scope(String kind) {
			String prefix = "onvif://www.onvif.org/" + kind + "/";
			return scopes.stream().filter(s -> s.startsWith(prefix)).findFirst()
					.map(s -> java.net.URLDecoder.decode(s.substring(prefix.length()), StandardCharsets.UTF_8));
		}

	}

	/** Probes one address and waits for the answer; empty when nothing answers in time (or the port is closed). */
	public Optional<ProbeMatch> probe(InetAddress target) {
		try (Probe probe = start(target)) {
			return probe.answer();
		}
	}

	/**
	 * Sends a Probe to one address now and leaves the answer to {@link Probe#answer}: a device scan does its
	 * other work meanwhile, and the answer is usually waiting in the socket by then, read without a wait.
	 */
	public Probe start(InetAddress target) {
		return new Probe(target);
	}

	/**
	 * One unicast Probe in flight. UDP may drop the probe or the answer, so it is sent up to {@value #SENDS}
	 * times, spread over the timeout; a closed port (ICMP port unreachable on the connected socket) ends it.
	 */
	public final class Probe implements AutoCloseable {

		private final long started = System.nanoTime();

		private final byte[] message = probeMessage().getBytes(StandardCharsets.UTF_8);

		private DatagramSocket socket;

		private int sent;

		private Probe(InetAddress target) {
			try {
				socket = Connector.datagram(timeout);
				socket.connect(new InetSocketAddress(target, PORT));
				send();
			}
			catch (IOException ex) {
				// No route or no socket: no WS-Discovery here.
				close();
			}
		}

		private void send() throws IOException {
			socket.send(new DatagramPacket(message, message.length));
			sent++;
		}

		/** The answer, waiting for it and sending again as the timeout goes by; empty when none came. */
		public Optional<ProbeMatch> answer() {
			if (socket == null) {
				return Optional.empty();
			}
			try {
				byte[] buffer = new byte[MAX_DATAGRAM];
				while (true) {
					long until = started + timeout.toNanos() * sent / SENDS;
					long wait = (until - System.nanoTime()) / 1_000_000;
					if (wait >= 1) {
						socket.setSoTimeout((int) wait);
						try {
							DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
							socket.receive(packet);
							Optional<ProbeMatch> match = parse(packet.getAddress(),
									Arrays.copyOf(buffer, packet.getLength()));
							if (match.isPresent()) {
								return match;
							}
							continue;
						}
						catch (SocketTimeoutException ex) {
							// Nothing yet: send again, give up at the timeout.
						}
					}
					if (sent >= SENDS) {
						return waiting(buffer);
					}
					if (wait < 1) {
						// The time for this send went by elsewhere (a slow web fetch): an answer already waiting is
						// read before anything goes out again.
						Optional<ProbeMatch> waiting = waiting(buffer);
						if (waiting.isPresent()) {
							return waiting;
						}
					}
					send();
				}
			}
			catch (IOException ex) {
				// Port unreachable (nothing listens on 3702): no WS-Discovery here.
				return Optional.empty();
			}
		}

		/**
		 * An answer that is already in the socket, taken without waiting (at most a few datagrams looked at): when
		 * the device scan came back to the probe after its timeout, the answer may well be there.
		 */
		private Optional<ProbeMatch> waiting(byte[] buffer) throws IOException {
			socket.setSoTimeout(1);
			for (int i = 0; i < SENDS; i++) {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				try {
					socket.receive(packet);
				}
				catch (SocketTimeoutException ex) {
					return Optional.empty();
				}
				Optional<ProbeMatch> match = parse(packet.getAddress(), Arrays.copyOf(buffer, packet.getLength()));
				if (match.isPresent()) {
					return match;
				}
			}
			return Optional.empty();
		}

		@Override
		public void close() {
			if (socket != null) {
				socket.close();
				socket = null;
			}
		}

	}

	/**
	 * Sends one multicast Probe on the local network and collects answers until the timeout. Never used
	 * by tests; the command line calls it only with {@code --ws-discovery-multicast}.
	 */
	public List<ProbeMatch> multicast(int maxAnswers) {
		List<ProbeMatch> matches = new ArrayList<>();
		try (DatagramSocket socket = Connector.datagram(timeout)) {
			byte[] probe = probeMessage().getBytes(StandardCharsets.UTF_8);
			socket.send(new DatagramPacket(probe, probe.length, InetAddress.getByName("239.255.255.250"), PORT));
			long deadline = System.nanoTime() + timeout.toNanos();
			byte[] buffer = new byte[MAX_DATAGRAM];
			while (matches.size() < maxAnswers && System.nanoTime() < deadline) {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				try {
					socket.receive(packet);
				}
				catch (SocketTimeoutException ex) {
					break;
				}
				parse(packet.getAddress(), Arrays.copyOf(buffer, packet.getLength())).ifPresent(matches::add);
			}
		}
		catch (IOException ex) {
			// No multicast route or interface: an empty result says so.
		}
		return matches;
	}

	static Optional<ProbeMatch> parse(InetAddress from, byte[] datagram) {
		SoapText text = new SoapText(new String(datagram, StandardCharsets.UTF_8));
		if (!text.hasElement("ProbeMatch")) {
			return Optional.empty();
		}
		return Optional.of(new ProbeMatch(from, words(text.first("Types")), words(text.first("Scopes")),
				words(text.first("XAddrs"))));
	}

	private static List<String> words(Optional<String> text) {
		return text.map(t -> Arrays.stream(t.strip().split("\\s+")).filter(w -> !w.isEmpty()).limit(64).toList())
				.orElse(List.of());
	}

	static String probeMessage() {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
				+ " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
				+ " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
				+ " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
				+ "<s:Header><a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>"
				+ "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
				+ "<a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>"
				+ "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>"
				+ "<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>";
	}

}
