package vn.camguard.scanner.discovery;

import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.Excerpt;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which protocol an open port speaks, told by what it says rather than by its number: a service that speaks
 * first (telnet's option negotiation or login prompt, an FTP or SSH greeting, a binary hello) within a short
 * wait; otherwise its answer to an RTSP {@code OPTIONS}, which an RTSP server answers {@code RTSP/1.0 ...}, a web
 * server {@code HTTP/1.x 4xx/5xx}, and a TLS server with an alert or by closing. A port that stays silent after
 * that is asked an HTTP {@code GET /} once (a web server that ignores a request it cannot parse). Each port costs
 * at most one short wait and two read timeouts; the ports of one device are asked at the same time.
 */
public final class ServiceDetection {

	/** How long a port is given to speak first: telnet, FTP and SSH servers greet at once. */
	private static final int GREETING_WAIT_MILLIS = 500;

	private static final int PEEK = 512;

	/** What a port speaks, as far as its bytes told. */
	public enum Service {
		HTTP, TLS, RTSP, TELNET, FTP, SSH, OTHER, SILENT
	}

	/** The verdict on one port and the printable text it volunteered (a login prompt, a greeting). */
	public record Detected(int port, Service service, Optional<String> banner) {
	}

	private final Connector connector;

	public ServiceDetection(Connector connector) {
		this.connector = connector;
	}

	/** Detects every port of {@code ports} on {@code host}, all at once, and returns the verdicts by port. */
	public Map<Integer, Detected> detect(InetAddress host, List<Integer> ports) {
		Map<Integer, Detected> detected = new TreeMap<>();
		if (ports.size() == 1) {
			detected.put(ports.getFirst(), detect(host, ports.getFirst()));
			return detected;
		}
		List<Thread> threads = new ArrayList<>();
		Detected[] results = new Detected[ports.size()];
		for (int i = 0; i < ports.size(); i++) {
			int index = i;
			threads.add(Thread.ofVirtual().start(() -> results[index] = detect(host, ports.get(index))));
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		for (Detected result : results) {
			if (result != null) {
				detected.put(result.port(), result);
			}
		}
		return detected;
	}

	private Detected detect(InetAddress host, int port) {
		String host4 = host.getHostAddress().contains(":") ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
		byte[] options = ("OPTIONS rtsp://" + host4 + ":" + port + "/ RTSP/1.0\r\nCSeq: 1\r\n"
				+ "User-Agent: CamGuard-Scanner\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		Heard heard = listen(host, port, options);
		if (heard.service() == Service.SILENT && !heard.closed()) {
			byte[] get = ("GET / HTTP/1.1\r\nHost: " + host4 + "\r\nUser-Agent: CamGuard-Scanner\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1);
			Heard second = listen(host, port, get);
			if (second.service() != Service.SILENT) {
				heard = second;
			}
		}
		return new Detected(port, heard.service(), heard.banner());
	}

	/** What one connection heard: a greeting first, else the answer to {@code probe}. */
	private record Heard(Service service, Optional<String> banner, boolean closed) {
	}

	private Heard listen(InetAddress host, int port, byte[] probe) {
		try (Socket socket = connector.open(host, port)) {
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[PEEK];
			connector.readWithin(socket, GREETING_WAIT_MILLIS);
			int n = read(in, buffer);
			if (n > 0) {
				return new Heard(greeting(buffer, n), printable(buffer, n), false);
			}
			if (n < 0) {
				return new Heard(Service.SILENT, Optional.empty(), true);
			}
			socket.getOutputStream().write(probe);
			connector.readWithin(socket, connector.readTimeoutMillis());
			n = read(in, buffer);
			if (n < 0) {
				// Closed without a word on a request in clear text: what TLS servers do with a record they cannot read.
				return new Heard(Service.TLS, Optional.empty(), true);
			}
			return n == 0 ? new Heard(Service.SILENT, Optional.empty(), false)
					: new Heard(answer(buffer, n), printable(buffer, n), false);
		}
		catch (IOException ex) {
			return new Heard(Service.SILENT, Optional.empty(), true);
		}
	}

	/** Bytes read, -1 at end of stream, 0 when nothing came within the socket's timeout. */
	private static int read(InputStream in, byte[] buffer) throws IOException {
		try {
			return in.read(buffer);
		}
		catch (SocketTimeoutException ex) {
			return 0;
		}
	}

	/** A service that spoke first. */
	static Service greeting(byte[] bytes, int n) {
		String text = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
		if ((bytes[0] & 0xff) == 0xff || text.toLowerCase(java.util.Locale.ROOT).contains("login:")) {
			return Service.TELNET;
		}
		if (text.startsWith("SSH-")) {
			return Service.SSH;
		}
		if (text.startsWith("220")) {
			return Service.FTP;
		}
		return answer(bytes, n) == Service.OTHER ? Service.OTHER : answer(bytes, n);
	}

	/** A service's answer to a request. */
	static Service answer(byte[] bytes, int n) {
		String text = new String(bytes, 0, Math.min(n, 8), StandardCharsets.ISO_8859_1);
		if (text.startsWith("RTSP/")) {
			return Service.RTSP;
		}
		if (text.startsWith("HTTP/")) {
			return Service.HTTP;
		}
		// A TLS record header: alert (21) or handshake (22), major version 3.
		if (n >= 2 && (bytes[0] == 21 || bytes[0] == 22) && bytes[1] == 3) {
			return Service.TLS;
		}
		if ((bytes[0] & 0xff) == 0xff) {
			return Service.TELNET;
		}
		return Service.OTHER;
	}

	/** Printable text of what a port sent (telnet's option bytes and binary left out), if any. */
	static Optional<String> printable(byte[] bytes, int n) {
		StringBuilder text = new StringBuilder();
		int i = 0;
		while (i < n) {
			int b = bytes[i] & 0xff;
			if (b == 0xff && i + 1 < n) {
				// Telnet IAC: a command and, for WILL/WONT/DO/DONT, its option byte are not text.
				int command = bytes[i + 1] & 0xff;
				i += command >= 251 && command <= 254 ? 3 : 2;
				continue;
			}
			if (b >= 0x20 && b < 0x7f || b == '\n') {
				text.append(b == '\n' ? ' ' : (char) b);
			}
			i++;
		}
		String banner = text.toString().strip().replaceAll("\\s+", " ");
		return banner.isEmpty() ? Optional.empty() : Optional.of(Excerpt.of(banner));
	}

}
