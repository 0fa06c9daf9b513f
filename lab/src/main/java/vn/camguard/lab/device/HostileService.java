package vn.camguard.lab.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import vn.camguard.lab.Hostility;
import vn.camguard.lab.http.MalformedMessageException;
import vn.camguard.lab.http.MessageInput;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/** The misbehaving devices of PROFILES.md §9, on their web (80) and RTSP (554) ports. */
final class HostileService {

	static final String SCRIPT = "<script>alert('camguard')</script>";

	private static final int GARBAGE_BYTES = 4096;

	private static final long SILENT_HOLD_MS = 60_000;

	private static final int DRIP_MAX_BYTES = 120;

	private static final int HUGE_HEADER_BYTES = 1024 * 1024;

	private HostileService() {
	}

	static void serve(Connection connection, Device device, Hostility hostility, int port) throws IOException {
		boolean rtsp = port == 554;
		switch (hostility) {
			case GARBAGE -> garbage(connection, device);
			case SILENT -> silent(connection);
			case DRIP -> {
				readRequest(connection);
				drip(connection, rtsp);
			}
			case HUGE_HEADER -> {
				readRequest(connection);
				hugeHeader(connection, rtsp);
			}
			case MARKUP -> markup(connection, device, rtsp);
		}
	}

	private static void garbage(Connection connection, Device device) throws IOException {
		byte[] bytes = new byte[GARBAGE_BYTES];
		new SplittableRandom(LabAddress.number(device.address())).nextBytes(bytes);
		// the bytes a naive parser chokes on, at fixed places
		for (int i = 0; i < bytes.length; i += 97) {
			bytes[i] = (byte) (i % 3 == 0 ? '\n' : i % 3 == 1 ? 0 : 0xff);
		}
		connection.out().write(bytes);
		connection.out().flush();
	}

	private static void silent(Connection connection) throws IOException {
		InputStream in = connection.in();
		byte[] sink = new byte[1024];
		long until = System.currentTimeMillis() + SILENT_HOLD_MS;
		while (System.currentTimeMillis() < until) {
			try {
				if (in.read(sink) < 0) {
					return;
				}
			}
			catch (SocketTimeoutException e) {
				// keep holding the connection without a word
			}
		}
	}

	private static void drip(Connection connection, boolean rtsp) throws IOException {
		String text = (rtsp ? "RTSP/1.0 200 OK\r\nCSeq: 1\r\n" : "HTTP/1.1 200 OK\r\n")
				+ "Server: drip\r\nContent-Type: text/html\r\nContent-Length: 64\r\n\r\n" + "a".repeat(64);
		byte[] bytes = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), Math.min(DRIP_MAX_BYTES, text.length()));
		OutputStream out = connection.out();
		for (byte b : bytes) {
			out.write(b);
			out.flush();
			LabSockets.sleep(1_000);
			if (connection.socket().isClosed()) {
				return;
			}
		}
	}

	private static void hugeHeader(Connection connection, boolean rtsp) throws IOException {
		OutputStream out = connection.out();
		out.write(((rtsp ? "RTSP/1.0 200 OK\r\nCSeq: 1\r\n" : "HTTP/1.1 200 OK\r\n") + "X-Padding: ")
				.getBytes(StandardCharsets.US_ASCII));
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) 'A');
		for (int written = 0; written < HUGE_HEADER_BYTES; written += chunk.length) {
			out.write(chunk);
		}
		out.write("\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static void markup(Connection connection, Device device, boolean rtsp) throws IOException {
		Request request = readRequest(connection);
		if (request == null) {
			return;
		}
		if (rtsp) {
			Response.status(200, "OK").with("CSeq", request.header("CSeq").orElse("0")).with("Server", SCRIPT)
					.with("Public", "OPTIONS, DESCRIBE").write(connection.out(), "RTSP/1.0", false);
			return;
		}
		Response.ok("text/html", "<html><head><title><b>Cam</b><script>alert(1)</script></title></head><body>"
				+ "<h1>Model: <img src=x onerror=alert(1)></h1>" + SCRIPT + "</body></html>\n").with("Server", SCRIPT)
				.with("Connection", "close").write(connection.out(), "HTTP/1.1", false);
	}

	private static Request readRequest(Connection connection) throws IOException {
		try {
			return Request.read(new MessageInput(connection.in())).orElse(null);
		}
		catch (MalformedMessageException | SocketTimeoutException e) {
			return null;
		}
	}

}
