package vn.camguard.scanner.http;

import vn.camguard.scanner.auth.Authorization;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.MessageReader;
import vn.camguard.scanner.wire.Reply;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A tiny HTTP/1.1 client for talking to one device port: one request per connection
 * ({@code Connection: close}), bounded response, every outcome a {@link Reply}.
 */
public final class HttpProbe {

	private final Connector connector;

	public HttpProbe(Connector connector) {
		this.connector = connector;
	}

	/** Where a web server listens: address, port, and whether it speaks TLS. */
	public record Endpoint(InetAddress host, int port, boolean tls) {

		public String scheme() {
			return tls ? "https" : "http";
		}

		@Override
		public String toString() {
			return scheme() + "://" + host.getHostAddress() + ":" + port;
		}

	}

	public Reply send(Endpoint endpoint, HttpRequest request) {
		try (Socket socket = endpoint.tls() ? connector.openTls(endpoint.host(), endpoint.port())
				: connector.open(endpoint.host(), endpoint.port())) {
			StringBuilder head = new StringBuilder(256).append(request.method()).append(' ').append(request.path())
					.append(" HTTP/1.1\r\nHost: ").append(endpoint.host().getHostAddress())
					.append("\r\nUser-Agent: CamGuard-Scanner\r\nAccept: */*\r\nConnection: close\r\n");
			for (String line : request.headerLines()) {
				head.append(line).append("\r\n");
			}
			if (request.body().length > 0 || request.method().equals("POST")) {
				head.append("Content-Length: ").append(request.body().length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(request.body());
			out.flush();
			return new MessageReader(socket).read(MessageReader.Limits.within(connector.readTimeoutMillis()),
					!request.method().equals("HEAD"));
		}
		catch (ConnectException ex) {
			return new Reply.NoAnswer("connection refused");
		}
		catch (SocketTimeoutException ex) {
			return new Reply.NoAnswer("timed out");
		}
		catch (IOException ex) {
			return new Reply.NoAnswer("failed: " + ex.getClass().getSimpleName());
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

}
