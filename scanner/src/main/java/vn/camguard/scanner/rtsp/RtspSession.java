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

	private Pipelining pipelining = Pipelining.UNKNOWN;

	/** Requests carrying credentials written to this port, whatever became of them. */
	private int credentialsSent;

	/**
	 * Whether this device closed a connection it had kept silent about: from then on each request gets a
	 * connection of its own, so that no login is written into a connection the device is closing.
	 */
	private boolean closesAfterAnswer;

	/** Whether this device answers requests sent together, as far as its answers showed. */
	private enum Pipelining {
		UNKNOWN, WORKS, FAILS
	}

	/** One request to send: method, URI and, when answering a challenge, the Authorization value. */
	private record Ask(String method, String uri, String authorization) {
	}

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
			reader = new MessageReader(connection, connector.watchdog());
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
		return exchange(new Ask("OPTIONS", url("/"), null));
	}

	public Reply describe(String path) {
		return exchange(new Ask("DESCRIBE", url(path), null));
	}

	/** DESCRIBE answering {@code challenge} (taken from an earlier 401) with {@code credential}. */
	public Reply describe(String path, Challenge challenge, Credential credential) {
		return exchange(authorized(path, challenge, credential));
	}

	/**
	 * DESCRIBE answering {@code challenge} with {@code credentials} all in one write, only on a device that has
	 * shown it answers pipelined requests: the first answer whatever it was, then as many as came back in order
	 * (the whole batch counts as sent, see {@link #credentialsSent()}).
	 */
	public List<Reply> describePipelined(String path, Challenge challenge, List<Credential> credentials) {
		if (!pipelines() || credentials.isEmpty()) {
			return List.of();
		}
		// Unlike describeEach, a failure of the first answer is handed back: silence there is a tarpit's sign.
		List<Reply> replies = send(credentials.stream().map(c -> authorized(path, challenge, c)).toList());
		if (replies.getFirst() instanceof Reply.Message && replies.size() < credentials.size()) {
			pipelining = Pipelining.FAILS;
		}
		return replies;
	}

	/**
	 * OPTIONS, then DESCRIBE of each of {@code paths}, all without credentials and sent together (RTSP, like
	 * HTTP/1.1, lets a client pipeline requests on a persistent connection). Returns OPTIONS' answer, then the
	 * DESCRIBE answers in order, as many as came back, unless OPTIONS got none. The batch also tells whether this
	 * device takes pipelined requests: one that answers only the first (or closes) costs one read timeout here,
	 * and is asked one request at a time from then on.
	 */
	public List<Reply> optionsAndDescribe(List<String> paths) {
		if (pipelining == Pipelining.FAILS) {
			Reply options = options();
			if (!(options instanceof Reply.Message)) {
				return List.of(options);
			}
			List<Reply> replies = new ArrayList<>(List.of(options));
			replies.addAll(describeAll(paths));
			return replies;
		}
		List<Ask> asks = new ArrayList<>(List.of(new Ask("OPTIONS", url("/"), null)));
		paths.forEach(p -> asks.add(new Ask("DESCRIBE", url(p), null)));
		List<Reply> replies = new ArrayList<>(sendReopeningOnce(asks));
		if (!(replies.getFirst() instanceof Reply.Message)) {
			return replies;
		}
		if (replies.size() == asks.size()) {
			pipelining = Pipelining.WORKS;
			return replies;
		}
		pipelining = Pipelining.FAILS;
		replies.addAll(describeAll(paths.subList(replies.size() - 1, paths.size())));
		return replies;
	}

	/**
	 * DESCRIBE answering {@code challenge} once per credential, all sent in one write, so a whole login plan
	 * costs one round trip instead of one each. Returns the answers in order, as many as came back matching
	 * their CSeq: none when this device is known not to take pipelined requests, fewer when it closes after
	 * an answer, drops the rest of the batch or answers out of order. The caller goes on one at a time.
	 */
	public List<Reply> describeEach(String path, Challenge challenge, List<Credential> credentials) {
		if (credentials.size() < 2 || pipelining == Pipelining.FAILS) {
			return List.of();
		}
		List<Reply> replies = send(credentials.stream().map(c -> authorized(path, challenge, c)).toList());
		if (!(replies.getFirst() instanceof Reply.Message)) {
			return List.of();
		}
		pipelining = replies.size() == credentials.size() ? Pipelining.WORKS : Pipelining.FAILS;
		return replies;
	}

	/**
	 * DESCRIBE of each of {@code paths} without credentials: sent together while this device takes pipelined
	 * requests, one at a time once it showed it does not. Returns the answers in order, as many as came back
	 * (a failure ends the list); every path's request went out either way.
	 */
	public List<Reply> describeAll(List<String> paths) {
		if (paths.isEmpty()) {
			return List.of();
		}
		List<Reply> replies = new ArrayList<>();
		if (pipelining != Pipelining.FAILS && paths.size() > 1) {
			replies.addAll(sendReopeningOnce(paths.stream().map(p -> new Ask("DESCRIBE", url(p), null)).toList()));
			if (!(replies.getFirst() instanceof Reply.Message)) {
				return replies;
			}
			if (replies.size() == paths.size()) {
				pipelining = Pipelining.WORKS;
				return replies;
			}
			pipelining = Pipelining.FAILS;
		}
		for (String path : paths.subList(replies.size(), paths.size())) {
			Reply reply = describe(path);
			replies.add(reply);
			if (!(reply instanceof Reply.Message)) {
				break;
			}
		}
		return replies;
	}

	public int port() {
		return port;
	}

	private Ask authorized(String path, Challenge challenge, Credential credential) {
		String uri = url(path);
		return new Ask("DESCRIBE", uri, Authorization.answer(challenge, credential, "DESCRIBE", uri));
	}

	private Reply exchange(Ask ask) {
		return sendReopeningOnce(List.of(ask)).getFirst();
	}

	/**
	 * As {@link #send}, once more on a fresh connection when a kept-open one turns out closed (RTSP allows it).
	 * What went into the closed connection is not counted as sent: the device had closed it before.
	 */
	private List<Reply> sendReopeningOnce(List<Ask> asks) {
		boolean reused = socket != null;
		int before = credentialsSent;
		List<Reply> replies = send(asks);
		if (reused && replies.getFirst() instanceof Reply.NoAnswer none && !none.why().contains("timed out")) {
			credentialsSent = before;
			closesAfterAnswer = true;
			replies = send(asks);
		}
		return replies;
	}

	/** Whether this device answered requests sent together (then login attempts may go together too). */
	public boolean pipelines() {
		return pipelining == Pipelining.WORKS;
	}

	/** How many requests with credentials were written to this port (login attempts on the wire). */
	public int credentialsSent() {
		return credentialsSent;
	}

	/**
	 * Sends {@code asks} in one write and reads their answers in order. The first element is whatever came
	 * back for the first ask, a failure included; then the answers to the next ones, as far as they came
	 * matching their CSeq. The connection is closed after a failure, an answer out of order or a close.
	 */
	private List<Reply> send(List<Ask> asks) {
		List<Reply> replies = new ArrayList<>(asks.size());
		try {
			if (socket == null) {
				socket = connector.open(host, port);
				reader = new MessageReader(socket, connector.watchdog());
			}
			int first = cseq + 1;
			StringBuilder requests = new StringBuilder(360 * asks.size());
			for (Ask ask : asks) {
				requests.append(request(ask));
			}
			socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.ISO_8859_1));
			credentialsSent += (int) asks.stream().filter(a -> a.authorization() != null).count();
			for (int i = 0; i < asks.size(); i++) {
				Reply reply = reader.read(MessageReader.Limits.within(connector.readTimeoutMillis()), false);
				// A lone request's answer is taken whatever its CSeq; in a batch, the order has to show.
				boolean inOrder = asks.size() == 1 || reply instanceof Reply.Message m
						&& m.header("CSeq").strip().equals(String.valueOf(first + i));
				if (i == 0 || reply instanceof Reply.Message && inOrder) {
					replies.add(reply);
				}
				if (!(reply instanceof Reply.Message m) || !inOrder
						|| m.header("Connection").equalsIgnoreCase("close")) {
					drop();
					break;
				}
			}
			if (closesAfterAnswer) {
				drop();
			}
		}
		catch (IOException ex) {
			drop();
			if (replies.isEmpty()) {
				replies.add(new Reply.NoAnswer(ex instanceof java.net.ConnectException ? "connection refused"
						: "failed: " + ex.getClass().getSimpleName()));
			}
		}
		return replies;
	}

	/** The next request on this connection: its own CSeq, and credentials when the ask carries them. */
	private String request(Ask ask) {
		cseq++;
		StringBuilder request = new StringBuilder(200).append(ask.method()).append(' ').append(ask.uri())
				.append(" RTSP/1.0\r\nCSeq: ").append(cseq).append("\r\nUser-Agent: CamGuard-Scanner\r\n");
		if (ask.method().equals("DESCRIBE")) {
			request.append("Accept: application/sdp\r\n");
		}
		if (ask.authorization() != null) {
			request.append("Authorization: ").append(ask.authorization()).append("\r\n");
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
