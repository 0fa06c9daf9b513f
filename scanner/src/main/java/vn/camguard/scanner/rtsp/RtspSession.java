package vn.camguard.scanner.rtsp;

import vn.camguard.scanner.auth.Authorization;
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.MessageReader;
import vn.camguard.scanner.wire.Reply;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RTSP/1.0 conversation with one device port. RTSP keeps the connection open between requests, so
 * OPTIONS, DESCRIBE and credential attempts share one TCP connection; it is reopened if the device
 * closes it. Only OPTIONS and DESCRIBE are ever sent: no SETUP, no PLAY, no stream is consumed.
 */
public final class RtspSession implements AutoCloseable {

	private final Connector connector;

	private final InetAddress host;

	private final int port;

	private Socket socket;

	private MessageReader reader;

	private int cseq;

	public RtspSession(Connector connector, InetAddress host, int port) {
		this.connector = connector;
		this.host = host;
		this.port = port;
	}

	/**
	 * Goes on over a connection already open to this port (the port sweep's) instead of connecting again; one
	 * that turns out unusable is closed, and the next request connects afresh.
	 */
	public void adopt(Socket connection) {
		drop();
		socket = connection;
		try {
			reader = new MessageReader(connection);
		}
		catch (IOException ex) {
			drop();
		}
	}

	public String url(String path) {
		String address = host.getHostAddress();
		return "rtsp://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port + path;
	}

	public Reply options() {
		return exchange("OPTIONS", url("/"), null);
	}

	public Reply describe(String path) {
		return exchange("DESCRIBE", url(path), null);
	}

	/** DESCRIBE answering {@code challenge} (taken from an earlier 401) with {@code credential}. */
	public Reply describe(String path, Challenge challenge, Credential credential) {
		String uri = url(path);
		return exchange("DESCRIBE", uri, Authorization.answer(challenge, credential, "DESCRIBE", uri));
	}

	/**
	 * DESCRIBE answering {@code challenge} once per credential, all sent in one write (RTSP, like HTTP/1.1,
	 * lets a client pipeline requests on a persistent connection), so a whole login plan costs one round trip
	 * instead of one each. Returns the answers in order, as many as came back matching their CSeq: a device
	 * that closes after an answer, drops the rest of the batch or answers out of order yields fewer, and the
	 * caller goes on one request at a time.
	 */
	public List<Reply> describeEach(String path, Challenge challenge, List<Credential> credentials) {
		if (credentials.size() < 2) {
			return credentials.stream().map(c -> describe(path, challenge, c)).toList();
		}
		String uri = url(path);
		List<Reply> replies = new ArrayList<>();
		try {
			if (socket == null) {
				socket = connector.open(host, port);
				reader = new MessageReader(socket);
			}
			int first = cseq + 1;
			StringBuilder batch = new StringBuilder(360 * credentials.size());
			for (Credential credential : credentials) {
				batch.append(request("DESCRIBE", uri, Authorization.answer(challenge, credential, "DESCRIBE", uri)));
			}
			socket.getOutputStream().write(batch.toString().getBytes(StandardCharsets.ISO_8859_1));
			for (int i = 0; i < credentials.size(); i++) {
				Reply reply = reader.read(MessageReader.Limits.within(connector.readTimeoutMillis()), false);
				if (!(reply instanceof Reply.Message m) || !m.header("CSeq").strip().equals(String.valueOf(first + i))) {
					drop();
					break;
				}
				replies.add(reply);
				if (m.header("Connection").equalsIgnoreCase("close")) {
					drop();
					break;
				}
			}
		}
		catch (IOException ex) {
			drop();
		}
		return replies;
	}

	private Reply exchange(String method, String uri, String authorization) {
		boolean reused = socket != null;
		Reply reply = attempt(method, uri, authorization);
		if (reused && reply instanceof Reply.NoAnswer none && !none.why().contains("timed out")) {
			// The device closed a kept-open connection (RTSP allows it); try once on a fresh one.
			reply = attempt(method, uri, authorization);
		}
		return reply;
	}

	private Reply attempt(String method, String uri, String authorization) {
		try {
			if (socket == null) {
				socket = connector.open(host, port);
				reader = new MessageReader(socket);
			}
			socket.getOutputStream().write(request(method, uri, authorization).getBytes(StandardCharsets.ISO_8859_1));
			Reply reply = reader.read(MessageReader.Limits.within(connector.readTimeoutMillis()), false);
			if (!(reply instanceof Reply.Message m) || m.header("Connection").equalsIgnoreCase("close")) {
				drop();
			}
			return reply;
		}
		catch (IOException ex) {
			drop();
			return new Reply.NoAnswer(ex instanceof java.net.ConnectException ? "connection refused"
					: "failed: " + ex.getClass().getSimpleName());
		}
	}

	/** The next request on this connection: its own CSeq, and credentials when {@code authorization} is given. */
	private String request(String method, String uri, String authorization) {
		cseq++;
		StringBuilder request = new StringBuilder(200).append(method).append(' ').append(uri)
				.append(" RTSP/1.0\r\nCSeq: ").append(cseq).append("\r\nUser-Agent: CamGuard-Scanner\r\n");
		if (method.equals("DESCRIBE")) {
			request.append("Accept: application/sdp\r\n");
		}
		if (authorization != null) {
			request.append("Authorization: ").append(authorization).append("\r\n");
		}
		return request.append("\r\n").toString();
	}

	/** Whether a DESCRIBE answer really hands out the stream: 200 with an SDP describing media. */
	public static boolean servesStream(Reply reply) {
		return reply instanceof Reply.Message m && m.status() == 200
				&& m.headers().all("WWW-Authenticate").isEmpty()
				&& m.bodyText().contains("m=video");
	}

	/** A DESCRIBE answer that asks for credentials (401, or the XiongMai 200-with-challenge quirk). */
	public static Optional<Challenge> challengeOf(Reply reply) {
		if (reply instanceof Reply.Message m && (m.status() == 401 || m.status() == 200)) {
			return Challenge.best(m.headers().all("WWW-Authenticate"));
		}
		return Optional.empty();
	}

	private void drop() {
		if (socket != null) {
			Connector.release(socket);
		}
		socket = null;
		reader = null;
	}

	@Override
	public void close() {
		drop();
	}

}
