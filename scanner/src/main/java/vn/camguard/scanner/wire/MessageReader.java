package vn.camguard.scanner.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one HTTP/1.x or RTSP/1.0 response from a socket within hard limits: the head may not exceed
 * {@link Limits#maxHead()} bytes, the body is cut at {@link Limits#maxBody()}, and the whole read must
 * finish before a deadline, so a device that drips one byte a second costs at most the deadline.
 */
public final class MessageReader {

	/** Size and time limits for one response. */
	public record Limits(int maxHead, int maxBody, long deadlineNanos) {

		public static Limits within(int readTimeoutMillis) {
			return new Limits(16 * 1024, 64 * 1024, System.nanoTime() + readTimeoutMillis * 1_000_000L);
		}

	}

	/** A reply and whether the connection may carry another request (length-delimited, not closed). */
	public record Read(Reply reply, boolean reusable) {
	}

	private final Socket socket;

	private final InputStream in;

	private final byte[] buffer = new byte[4096];

	private int pos;

	private int end;

	private final Watchdog watchdog;

	public MessageReader(Socket socket, Watchdog watchdog) throws IOException {
		this(socket, socket.getInputStream(), watchdog);
	}

	/**
	 * Reads from {@code in} (e.g. a TLS channel's plaintext); a read past the deadline ends by {@code watchdog}
	 * closing {@code socket} beneath it.
	 */
	public MessageReader(Socket socket, InputStream in, Watchdog watchdog) {
		this.socket = socket;
		this.in = in;
		this.watchdog = watchdog;
	}

	/**
	 * Reads a response. {@code bodyUntilClose}: with no Content-Length, read the body until the peer
	 * closes (HTTP/1.0 style); RTSP responses without Content-Length have no body.
	 */
	public Reply read(Limits limits, boolean bodyUntilClose) {
		return readResponse(limits, bodyUntilClose).reply();
	}

	/** Reads a response and tells whether the connection can be reused for the next request. */
	public Read readResponse(Limits limits, boolean bodyUntilClose) {
		reusable = false;
		Reply reply = readOne(limits, bodyUntilClose);
		return new Read(reply, reusable && reply instanceof Reply.Message);
	}

	private boolean reusable;

	private Reply readOne(Limits limits, boolean bodyUntilClose) {
		try {
			byte[] head = readHead(limits);
			if (head == null) {
				return new Reply.NoAnswer("closed without answer");
			}
			return parse(head, limits, bodyUntilClose);
		}
		catch (HeadTooLarge ex) {
			return new Reply.Unparseable("header over " + limits.maxHead() + " bytes", ex.excerpt);
		}
		catch (SocketTimeoutException ex) {
			return new Reply.NoAnswer("read timed out");
		}
		catch (IOException ex) {
			return new Reply.NoAnswer("read failed: " + ex.getClass().getSimpleName());
		}
	}

	private Reply parse(byte[] head, Limits limits, boolean bodyUntilClose) throws IOException {
		String text = new String(head, StandardCharsets.ISO_8859_1);
		List<String> lines = lines(text);
		String statusLine = lines.getFirst();
		String[] parts = statusLine.split(" ", 3);
		if (parts.length < 2 || !(parts[0].startsWith("HTTP/") || parts[0].startsWith("RTSP/"))
				|| !isStatusCode(parts[1])) {
			return new Reply.Unparseable("no status line", Excerpt.of(text));
		}
		List<Headers.Header> fields = new ArrayList<>();
		for (int i = 1; i < lines.size() && fields.size() < 200; i++) {
			String line = lines.get(i);
			int colon = line.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			fields.add(new Headers.Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
		}
		Headers headers = new Headers(fields);
		long length = contentLength(headers);
		boolean truncated = false;
		byte[] body;
		boolean closes = headers.firstOrEmpty("Connection").equalsIgnoreCase("close") || parts[0].equals("HTTP/1.0");
		if (headers.firstOrEmpty("Transfer-Encoding").toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
			java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
			boolean complete = readChunks(chunks, limits);
			body = chunks.toByteArray();
			truncated = !complete;
			reusable = complete && !closes;
		}
		else if (length >= 0) {
			int want = (int) Math.min(length, limits.maxBody());
			body = readBody(want, limits);
			truncated = length > limits.maxBody() || body.length < want;
			reusable = !truncated && !closes;
		}
		else if (bodyUntilClose) {
			body = readBody(limits.maxBody(), limits);
			truncated = body.length >= limits.maxBody();
		}
		else {
			body = new byte[0];
			reusable = !closes;
		}
		return new Reply.Message(parts[0], Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers,
				body, truncated);
	}

	/**
	 * The lines of a message head, split at LF with a CR before it dropped (a bare LF is tolerated, as
	 * RFC 9112 §2.2 allows). A loop, not a regex split: every answer of a scan goes through here.
	 */
	private static List<String> lines(String head) {
		List<String> lines = new ArrayList<>(16);
		int start = 0;
		for (int lf = head.indexOf('\n'); lf >= 0; lf = head.indexOf('\n', start)) {
			lines.add(head.substring(start, lf > start && head.charAt(lf - 1) == '\r' ? lf - 1 : lf));
			start = lf + 1;
		}
		lines.add(head.substring(start));
		return lines;
	}

	/** Three ASCII digits, as RFC 9112 §4 and RTSP (RFC 2326 §7.1) write a status code. */
	private static boolean isStatusCode(String text) {
		if (text.length() != 3) {
			return false;
		}
		for (int i = 0; i < 3; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/** Decodes a chunked body up to the body limit; false when cut, malformed or over the limit. */
	private boolean readChunks(java.io.ByteArrayOutputStream body, Limits limits) throws IOException {
		while (true) {
			String sizeLine = readLine(limits, 256);
			if (sizeLine == null) {
				return false;
			}
			String hex = sizeLine.split(";", 2)[0].strip();
			if (hex.isEmpty() || hex.length() > 6 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
				return false;
			}
			int size = Integer.parseInt(hex, 16);
			if (size == 0) {
				// Trailer section: lines until the empty one.
				String trailer;
				int count = 0;
				while ((trailer = readLine(limits, 1024)) != null && !trailer.isEmpty() && count++ < 20) {
					// Trailers carry nothing the scanner uses.
				}
				return trailer != null && trailer.isEmpty();
			}
			if (body.size() + size > limits.maxBody()) {
				return false;
			}
			byte[] chunk = readBody(size, limits);
			body.write(chunk);
			if (chunk.length < size || readLine(limits, 2) == null) {
				return false;
			}
		}
	}

	private String readLine(Limits limits, int max) throws IOException {
		StringBuilder line = new StringBuilder();
		while (line.length() <= max) {
			int b = next(limits);
			if (b < 0) {
				return null;
			}
			if (b == '\n') {
				int end = line.length();
				return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
			}
			line.append((char) b);
		}
		return null;
	}

	private static long contentLength(Headers headers) {
		String value = headers.firstOrEmpty("Content-Length").strip();
		if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		return Long.parseLong(value);
	}

	/**
	 * The head, up to and with its blank line, scanned in the read buffer and copied out once per read (byte
	 * by byte through a stream, it cost a lock per byte). Stops early, after five bytes, when those do not
	 * start a status line: a garbage device gets no more of our time.
	 */
	private byte[] readHead(Limits limits) throws IOException {
		java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(512);
		int state = 0;
		while (true) {
			if (pos >= end && !fill(limits)) {
				return head.size() == 0 ? null : head.toByteArray();
			}
			int start = pos;
			boolean complete = false;
			while (pos < end && !complete) {
				int b = buffer[pos++] & 0xff;
				int size = head.size() + pos - start;
				if (size > limits.maxHead()) {
					head.write(buffer, start, pos - start);
					throw new HeadTooLarge(Excerpt.of(new String(head.toByteArray(), 0, 120, StandardCharsets.ISO_8859_1)));
				}
				// State machine for CRLFCRLF or LFLF, tolerant of bare LF.
				if (b == '\n') {
					complete = state == 1 || state == 3;
					state = 1;
				}
				else if (b == '\r') {
					state = state == 1 ? 3 : 2;
				}
				else {
					state = 0;
				}
				if (size == 5) {
					head.write(buffer, start, pos - start);
					start = pos;
					complete |= !startsLikeStatus(head.toByteArray());
				}
			}
			head.write(buffer, start, pos - start);
			if (complete) {
				return head.toByteArray();
			}
		}
	}

	private static boolean startsLikeStatus(byte[] five) {
		String s = new String(five, StandardCharsets.ISO_8859_1);
		return s.equals("HTTP/") || s.equals("RTSP/");
	}

	private byte[] readBody(int want, Limits limits) throws IOException {
		byte[] body = new byte[want];
		int got = 0;
		while (got < want) {
			if (pos < end) {
				int n = Math.min(end - pos, want - got);
				System.arraycopy(buffer, pos, body, got, n);
				pos += n;
				got += n;
				continue;
			}
			if (!fill(limits)) {
				break;
			}
		}
		return got == want ? body : java.util.Arrays.copyOf(body, got);
	}

	private int next(Limits limits) throws IOException {
		if (pos >= end && !fill(limits)) {
			return -1;
		}
		return buffer[pos++] & 0xff;
	}

	private boolean fill(Limits limits) throws IOException {
		if (limits.deadlineNanos() - System.nanoTime() <= 0) {
			throw new SocketTimeoutException("deadline");
		}
		int n;
		Watchdog.Watch watch = watchdog.watch(socket, limits.deadlineNanos());
		try {
			n = in.read(buffer, 0, buffer.length);
		}
		catch (IOException ex) {
			throw watch.failure(ex, "deadline");
		}
		finally {
			watch.close();
		}
		if (watch.fired()) {
			// Closed by the watchdog, and the read under it took that as an end of stream.
			throw new SocketTimeoutException("deadline");
		}
		if (n <= 0) {
			return false;
		}
		pos = 0;
		end = n;
		return true;
	}

	private static final class HeadTooLarge extends IOException {

		private final String excerpt;

		HeadTooLarge(String excerpt) {
			super("head too large");
			this.excerpt = excerpt;
		}

	}

}
