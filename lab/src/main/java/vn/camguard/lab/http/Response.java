package vn.camguard.lab.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An HTTP or RTSP response: status, headers in order, body. Content-Length is added when written. */
public record Response(int status, String reason, List<Header> headers, byte[] body) {

	public Response {
		headers = List.copyOf(headers);
	}

	public static Response status(int status, String reason) {
		return new Response(status, reason, List.of(), new byte[0]);
	}

	public static Response ok(String contentType, String body) {
		return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	public static Response ok(String contentType, byte[] body) {
		return new Response(200, "OK", List.of(new Header("Content-Type", contentType)), body);
	}

	public static Response notFound() {
		return status(404, "Not Found");
	}

	public Response with(String name, String value) {
		List<Header> more = new ArrayList<>(headers);
		more.add(new Header(name, value));
		return new Response(status, reason, more, body);
	}

	/** The same response with every header placed before the existing ones. */
	public Response withFirst(List<Header> first) {
		List<Header> more = new ArrayList<>(first);
		more.addAll(headers);
		return new Response(status, reason, more, body);
	}

	public Response withBody(String contentType, String text) {
		return new Response(status, reason, headers, text.getBytes(StandardCharsets.UTF_8))
				.with("Content-Type", contentType);
	}

	/**
	 * Writes the response in one piece. {@code upperCaseNames} imitates servers that send header
	 * names in capitals.
	 */
	public void write(OutputStream out, String protocol, boolean upperCaseNames) throws IOException {
		write(out, protocol, upperCaseNames, true);
	}

	/** As {@link #write(OutputStream, String, boolean)}; without the body (but with its length) for HEAD. */
	public void write(OutputStream out, String protocol, boolean upperCaseNames, boolean withBody)
			throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 + body.length);
		StringBuilder head = new StringBuilder(256);
		head.append(protocol).append(' ').append(status).append(' ').append(reason).append("\r\n");
		for (Header header : headers) {
			head.append(upperCaseNames ? header.name().toUpperCase(Locale.ROOT) : header.name()).append(": ")
					.append(header.value()).append("\r\n");
		}
		if (body.length > 0 || protocol.startsWith("HTTP")) {
			head.append(upperCaseNames ? "CONTENT-LENGTH" : "Content-Length").append(": ").append(body.length)
					.append("\r\n");
		}
		head.append("\r\n");
		buffer.write(head.toString().getBytes(StandardCharsets.UTF_8));
		if (withBody) {
			buffer.write(body);
		}
		out.write(buffer.toByteArray());
		out.flush();
	}

}
