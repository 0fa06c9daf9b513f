package vn.camguard.lab.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request in HTTP/1.1 message syntax, which RTSP/1.0 shares: request line, headers, optional body.
 * Every part is bounded: a peer can make the read fail, never make it grow.
 */
public record Request(String method, String target, String version, List<Header> headers, byte[] body) {

	public static final int MAX_LINE = 8 * 1024;

	public static final int MAX_HEADERS = 64;

	public static final int MAX_BODY = 64 * 1024;

	/** A whole request must arrive within this time, so a peer dripping bytes cannot hold a connection. */
	public static final long MAX_REQUEST_NANOS = 15_000_000_000L;

	public Request {
		headers = List.copyOf(headers);
	}

	/** Reads one request; empty when the peer closed before sending anything. */
	public static Optional<Request> read(MessageInput in) throws IOException {
		long deadline = System.nanoTime() + MAX_REQUEST_NANOS;
		String line = in.readLine(MAX_LINE, deadline);
		// tolerate the stray CRLF some clients send between requests, but not an endless stream of them
		for (int blank = 0; line != null && line.isEmpty(); blank++) {
			if (blank == MAX_HEADERS) {
				throw new MalformedMessageException("too many empty lines");
			}
			line = in.readLine(MAX_LINE, deadline);
		}
		if (line == null) {
			return Optional.empty();
		}
		String[] parts = line.split(" ", -1);
		if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
			throw new MalformedMessageException("bad request line");
		}
		List<Header> headers = new ArrayList<>();
		while (true) {
			String headerLine = in.readLine(MAX_LINE, deadline);
			if (headerLine == null) {
				throw new MalformedMessageException("connection closed inside the headers");
			}
			if (headerLine.isEmpty()) {
				break;
			}
			if (headers.size() == MAX_HEADERS) {
				throw new MalformedMessageException("too many headers");
			}
			int colon = headerLine.indexOf(':');
			if (colon <= 0) {
				throw new MalformedMessageException("bad header line");
			}
			headers.add(new Header(headerLine.substring(0, colon).trim(), headerLine.substring(colon + 1).trim()));
		}
		byte[] body = readBody(in, headers, deadline);
		return Optional.of(new Request(parts[0], parts[1], parts[2], headers, body));
	}

	public Optional<String> header(String name) {
		return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
	}

	public List<String> headerValues(String name) {
		return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
	}

	/** The path of the target, without scheme, authority and query (RTSP targets are absolute URLs). */
	public String path() {
		String rest = withoutAuthority();
		int query = rest.indexOf('?');
		return query < 0 ? rest : rest.substring(0, query);
	}

	/** Path plus query as sent, for matching stream paths that carry a query. */
	public String pathAndQuery() {
		return withoutAuthority();
	}

	public Optional<String> queryParam(String name) {
		String rest = withoutAuthority();
		int query = rest.indexOf('?');
		if (query < 0) {
			return Optional.empty();
		}
		for (String pair : rest.substring(query + 1).split("&")) {
			int eq = pair.indexOf('=');
			String key = eq < 0 ? pair : pair.substring(0, eq);
			if (decode(key).equals(name)) {
				return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
			}
		}
		return Optional.empty();
	}

	public String bodyText() {
		return new String(body, StandardCharsets.UTF_8);
	}

	private String withoutAuthority() {
		String lower = target.toLowerCase(Locale.ROOT);
		int scheme = lower.indexOf("://");
		if (scheme < 0 || !lower.startsWith("rtsp") && !lower.startsWith("http")) {
			return target;
		}
		int slash = target.indexOf('/', scheme + 3);
		return slash < 0 ? "/" : target.substring(slash);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return text;
		}
	}

	private static byte[] readBody(InputStream in, List<Header> headers, long deadline) throws IOException {
		String length = headers.stream().filter(h -> h.name().equalsIgnoreCase("Content-Length"))
				.map(Header::value).findFirst().orElse(null);
		if (length == null) {
			return new byte[0];
		}
		int size;
		try {
			size = Integer.parseInt(length.trim());
		}
		catch (NumberFormatException e) {
			throw new MalformedMessageException("bad Content-Length");
		}
		if (size < 0 || size > MAX_BODY) {
			throw new MalformedMessageException("body too large");
		}
		byte[] body = new byte[size];
		int read = 0;
		while (read < size) {
			int n = in.read(body, read, size - read);
			if (n < 0) {
				throw new MalformedMessageException("connection closed inside the body");
			}
			read += n;
			if (read < size && System.nanoTime() - deadline > 0) {
				throw new MalformedMessageException("body too slow");
			}
		}
		return body;
	}

}
