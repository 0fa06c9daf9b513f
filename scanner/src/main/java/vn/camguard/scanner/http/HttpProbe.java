package vn.camguard.scanner.http;

import vn.camguard.scanner.auth.Authorization;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.MessageReader;
import vn.camguard.scanner.wire.Reply;
import vn.camguard.scanner.wire.TlsChannel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny HTTP/1.1 client for the ports of one device: bounded responses, every outcome a {@link Reply}.
 * It keeps one persistent connection per endpoint when the device allows it, so the few requests of a scan
 * share a TLS handshake; a connection the device closed is reopened once. One instance belongs to one
 * device scan (one thread) and is closed with it.
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
		Exchange exchange = attempt(endpoint, request);
		if (reused && exchange.reply() instanceof Reply.NoAnswer none && !none.why().contains("timed out")) {
			// The device closed the kept-open connection between requests (allowed): once more, fresh.
			exchange = attempt(endpoint, request);
		}
		return exchange;
	}

	private Exchange attempt(Endpoint endpoint, HttpRequest request) {
		Optional<String> tlsProtocol = Optional.empty();
		try {
			Connection connection = open.get(endpoint);
			if (connection == null) {
				Socket spare = spares.remove(endpoint);
				if (endpoint.tls()) {
					TlsChannel tls = connector.openTls(spare, endpoint.host(), endpoint.port());
					connection = new Connection(tls.socket(), tls.out(), new MessageReader(tls.socket(), tls.in()),
							Optional.of(tls.protocol()));
				}
				else {
					Socket socket = spare != null ? spare : connector.open(endpoint.host(), endpoint.port());
					connection = new Connection(socket, socket.getOutputStream(), new MessageReader(socket),
							Optional.empty());
				}
				open.put(endpoint, connection);
			}
			tlsProtocol = connection.tlsProtocol();
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
			// Head and body in one write: on a plain socket each write is a system call and a segment.
			byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
			byte[] message = Arrays.copyOf(headBytes, headBytes.length + request.body().length);
			System.arraycopy(request.body(), 0, message, headBytes.length, request.body().length);
			OutputStream out = connection.out();
			out.write(message);
			out.flush();
			MessageReader.Read read = connection.reader().readResponse(
					MessageReader.Limits.within(connector.readTimeoutMillis()), !request.method().equals("HEAD"));
			if (!read.reusable()) {
				drop(endpoint);
			}
			return new Exchange(read.reply(), tlsProtocol);
		}
		catch (ConnectException ex) {
			drop(endpoint);
			return new Exchange(new Reply.NoAnswer("connection refused"), tlsProtocol);
		}
		catch (SocketTimeoutException ex) {
			drop(endpoint);
			return new Exchange(new Reply.NoAnswer("timed out"), tlsProtocol);
		}
		catch (javax.net.ssl.SSLException ex) {
			drop(endpoint);
			return new Exchange(new Reply.NoAnswer("TLS handshake failed"), tlsProtocol);
		}
		catch (IOException ex) {
			drop(endpoint);
			return new Exchange(new Reply.NoAnswer("failed: " + ex.getClass().getSimpleName()), tlsProtocol);
		}
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
		for (Endpoint endpoint : java.util.List.copyOf(open.keySet())) {
			drop(endpoint);
		}
		spares.values().forEach(Connector::release);
		spares.clear();
	}

}
