package vn.camguard.scanner.http;

import java.util.List;

/** A read-only request the scanner sends: GET/HEAD, or a POST carrying a query (ONVIF SOAP). */
public record HttpRequest(String method, String path, List<String> headerLines, byte[] body) {

	public HttpRequest {
		headerLines = List.copyOf(headerLines);
	}

	public static HttpRequest get(String path) {
		return new HttpRequest("GET", path, List.of(), new byte[0]);
	}

	public HttpRequest withHeader(String line) {
		List<String> lines = new java.util.ArrayList<>(headerLines);
		lines.add(line);
		return new HttpRequest(method, path, lines, body);
	}

}
