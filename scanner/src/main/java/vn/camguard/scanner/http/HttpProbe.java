package vn.camguard.scanner.http;

import vn.camguard.scanner.auth.Authorization;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.MessageReader;
import vn.camguard.scanner.wire.Reply;
import vn.camguard.scanner.wire.TlsChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny HTTP/1.1 client for the ports of one device: bounded responses, every outcome a {@link Reply}.
 * It keeps one persistent connection per endpoint when the device allows it, so the few requests of a scan
 * share a TLS handshake; a connection the device closed is reopened once. One instance belongs to one device scan
 * (one thread) and is closed with it.
 */
public final class HttpProbe implements AutoCloseable {

	/** Where a web server listens: address, port, and whether it speaks TLS. */
	public record Endpoint(InetAddress host, int port, boolean tls) {

		public String scheme() {
			return tls ? "https" : "http";
		}

		/** The address as it goes into a URL or Host header (IPv6 in brackets). */
		public String authority() {
			String address = host.getHostAddress();
			return address.contains(":") ? "[" + address + "]" : address;
		}

		@Override
		public String toString() {
			return scheme() + "://" + authority() + ":" + port;
		}

	}

	/** A reply plus the TLS version the connection negotiated (empty for plain HTTP or no connection). */
	public record Exchange(Reply reply, Optional<String> tlsProtocol) {
	}

	private record Connection(Socket socket, OutputStream out, MessageReader reader, Optional<String> tlsProtocol) {
	}

	private final Connector connector;

	private final Map<Endpoint, Connection> open = new HashMap<>();

	private final Map<Endpoint, Socket> spares = new HashMap<>();

	/** Endpoints that answered every request of a pipelined batch. */
	private final java.util.Set<Endpoint> pipelining = new java.util.HashSet<>();

	/** Requests carrying credentials (Authorization header or WS-Security token) written, whatever became of them. */
	private int credentialsSent;

	public HttpProbe(Connector connector) {
		this.connector = connector;
	}

	public Reply send(Endpoint endpoint, HttpRequest request) {
		return exchange(endpoint, request).reply();
	}

	/**
	 * The first request to {@code endpoint} goes over {@code connection}, a plain connection already open to its
	 * port (the port sweep's), instead of a new one; it is closed with this probe if never used.
	 */
	public void adopt(Endpoint endpoint, Socket connection) {
		Socket previous = spares.put(endpoint, connection);
		if (previous != null) {
			Connector.release(previous);
		}
	}

	public Exchange exchange(Endpoint endpoint, HttpRequest request) {
		boolean reused = open.containsKey(endpoint) || spares.containsKey(endpoint);
		int before = credentialsSent;
		Exchange exchange = attempt(endpoint, request);
		if (exchange.reply() instanceof Reply.NoAnswer none && reused && !none.why().contains("timed out")) {
			// The device closed the kept-open connection between requests (allowed): what was written into it
			// never reached it, so it is not counted; once more, fresh.
			credentialsSent = before;
			exchange = attempt(endpoint, request);
		}
		return exchange;
	}

	private Exchange attempt(Endpoint endpoint, HttpRequest request) {
		Optional<String> tlsProtocol = Optional.empty();
		try {
			Connection connection = connection(endpoint);
			tlsProtocol = connection.tlsProtocol();
			connection.out().write(bytes(endpoint, request));
			connection.out().flush();
			credentialsSent += credentialed(request) ? 1 : 0;
			return new Exchange(read(endpoint, connection, request), tlsProtocol);
		}
		catch (IOException ex) {
			drop(endpoint);
			return new Exchange(failure(ex), tlsProtocol);
		}
	}

	/**
	 * Sends {@code requests} in one write on the endpoint's persistent connection and reads the answers in
	 * order, so the batch costs one round trip. Only GETs may have a request after them (RFC 9112 9.3.2: no
	 * pipelining after a method that is not idempotent); otherwise they go one by one. Returns as many answers
	 * as came back while the connection stayed usable: a device that closes after an answer, or ignores the
	 * rest of the batch until the read timeout, yields fewer and the caller goes on one by one.
	 */
	public List<Reply> sendEach(Endpoint endpoint, List<HttpRequest> requests) {
		if (requests.size() < 2
				|| requests.subList(0, requests.size() - 1).stream().anyMatch(r -> !r.method().equals("GET"))) {
			return requests.stream().map(r -> send(endpoint, r)).toList();
		}
		List<Reply> replies = new ArrayList<>();
		try {
			Connection connection = connection(endpoint);
			ByteArrayOutputStream batch = new ByteArrayOutputStream(400 * requests.size());
			for (HttpRequest request : requests) {
				batch.write(bytes(endpoint, request));
			}
			connection.out().write(batch.toByteArray());
			connection.out().flush();
			credentialsSent += (int) requests.stream().filter(HttpProbe::credentialed).count();
			for (HttpRequest request : requests) {
				Reply reply = read(endpoint, connection, request);
				if (!(reply instanceof Reply.Message)) {
					break;
				}
				replies.add(reply);
				if (!open.containsKey(endpoint)) {
					break;
				}
			}
		}
		catch (IOException ex) {
			drop(endpoint);
		}
		if (replies.size() == requests.size()) {
			pipelining.add(endpoint);
		}
		return replies;
	}

	/** Whether {@code endpoint} answered every request of a batch sent together. */
	public boolean pipelines(Endpoint endpoint) {
		return pipelining.contains(endpoint);
	}

	/** How many requests with credentials were written to this device's web ports (login attempts on the wire). */
	public int credentialsSent() {
		return credentialsSent;
	}

	private static boolean credentialed(HttpRequest request) {
		return request.headerLines().stream().anyMatch(h -> h.regionMatches(true, 0, "Authorization:", 0, 14))
				|| new String(request.body(), StandardCharsets.ISO_8859_1).contains("UsernameToken");
	}

	/** The endpoint's open connection; else the port sweep's spare one, or a new one (with TLS when it speaks it). */
	private Connection connection(Endpoint endpoint) throws IOException {
		Connection connection = open.get(endpoint);
		if (connection == null) {
			Socket spare = spares.remove(endpoint);
			if (endpoint.tls()) {
				TlsChannel tls = connector.openTls(spare, endpoint.host(), endpoint.port());
				connection = new Connection(tls.socket(), tls.out(),
						new MessageReader(tls.socket(), tls.in(), connector.watchdog()), Optional.of(tls.protocol()));
			}
			else {
				Socket socket = spare != null ? spare : connector.open(endpoint.host(), endpoint.port());
				connection = new Connection(socket, socket.getOutputStream(), new MessageReader(socket, connector.watchdog()),
						Optional.empty());
			}
			open.put(endpoint, connection);
		}
		return connection;
	}

	/** Head and body as one piece: on a plain socket each write is a system call and a segment. */
	private static byte[] bytes(Endpoint endpoint, HttpRequest request) {
		StringBuilder head = new StringBuilder(256).append(request.method()).append(' ').append(request.path())
				.append(" HTTP/1.1\r\nHost: ").append(endpoint.authority())
				.append("\r\nUser-Agent: CamGuard-Scanner\r\nAccept: */*\r\n");
		for (String line : request.headerLines()) {
			head.append(line).append("\r\n");
		}
		if (request.body().length > 0 || request.method().equals("POST")) {
			head.append("Content-Length: ").append(request.body().length).append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] message = Arrays.copyOf(headBytes, headBytes.length + request.body().length);
		System.arraycopy(request.body(), 0, message, headBytes.length, request.body().length);
		return message;
	}

	/** One answer; a connection that cannot carry another request is closed. */
	private Reply read(Endpoint endpoint, Connection connection, HttpRequest request) {
		MessageReader.Read read = connection.reader().readResponse(
				MessageReader.Limits.within(connector.readTimeoutMillis()), !request.method().equals("HEAD"));
		if (!read.reusable()) {
			drop(endpoint);
		}
		return read.reply();
	}

	private static Reply failure(IOException ex) {
		return switch (ex) {
			case ConnectException refused -> new Reply.NoAnswer("connection refused");
			case SocketTimeoutException timeout -> new Reply.NoAnswer("timed out");
			case javax.net.ssl.SSLException tls -> new Reply.NoAnswer("TLS handshake failed");
			default -> new Reply.NoAnswer("failed: " + ex.getClass().getSimpleName());
		};
	}

	/**
	 * Sends {@code request} with {@code credential}, answering the device's challenge. A challenge seen
	 * earlier on the same device is reused, which saves a round trip; a Digest answer refused as
	 * {@code stale} is retried once with the fresh nonce.
	 */
	public Reply sendWithCredential(Endpoint endpoint, HttpRequest request, Credential credential,
			Optional<Challenge> challenge) {
		Optional<Challenge> known = challenge;
		if (known.isEmpty()) {
			Reply first = send(endpoint, request);
			if (!(first instanceof Reply.Message m) || m.status() != 401) {
				return first;
			}
			known = Challenge.best(m.headers().all("WWW-Authenticate"));
			if (known.isEmpty()) {
				return first;
			}
		}
		Reply answered = send(endpoint, authorized(request, known.get(), credential));
		if (answered instanceof Reply.Message m && m.status() == 401) {
			Optional<Challenge> fresh = Challenge.best(m.headers().all("WWW-Authenticate"));
			if (fresh.isPresent() && fresh.get().param("stale").equalsIgnoreCase("true")) {
				return send(endpoint, authorized(request, fresh.get(), credential));
			}
		}
		return answered;
	}

	/**
	 * {@code request} once per credential, each answering {@code challenge}, pipelined as {@link #sendEach}
	 * does: as many answers as came back, in order.
	 */
	public List<Reply> sendEachWithCredential(Endpoint endpoint, HttpRequest request, List<Credential> credentials,
			Challenge challenge) {
		return sendEach(endpoint, credentials.stream().map(c -> authorized(request, challenge, c)).toList());
	}

	private static HttpRequest authorized(HttpRequest request, Challenge challenge, Credential credential) {
		return request.withHeader("Authorization: "
				+ Authorization.answer(challenge, credential, request.method(), request.path()));
	}

	private void drop(Endpoint endpoint) {
		Connection connection = open.remove(endpoint);
		if (connection != null) {
			Connector.release(connection.socket());
		}
	}

	@Override
	public void close() {
		for (Endpoint endpoint : List.copyOf(open.keySet())) {
			drop(endpoint);
		}
		spares.values().forEach(Connector::release);
		spares.clear();
	}

}
