package vn.camguard.scanner.http;

import vn.camguard.scanner.wire.Reply;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a device web page the fingerprint uses: Server header, title, the {@code ?version=}
 * cache-busting parameter of its scripts (firmware builds put the firmware there), and whether the
 * header names were all upper case (a Dahua web server trait).
 */
public record WebPage(String url, int status, String server, String title, Optional<String> scriptVersion,
		boolean upperCaseHeaders, String body) {

	private static final Pattern TITLE = Pattern.compile("<title[^>]{0,100}>([^<]{0,200})</title>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SCRIPT_VERSION = Pattern.compile(
			"<script[^>]{0,200}?src=[\"'][^\"'?]{1,200}\\?(?:[^\"']{0,100}&)?version=([^\"'&]{1,120})[\"'&]",
			Pattern.CASE_INSENSITIVE);

	/** Keep at most this much of the page for body rules; pages are untrusted and may be large. */
	private static final int MAX_BODY = 16 * 1024;

	public static WebPage of(String url, Reply.Message message) {
		String text = new String(message.body(), 0, Math.min(message.body().length, MAX_BODY), StandardCharsets.UTF_8);
		Matcher title = TITLE.matcher(text);
		Matcher version = SCRIPT_VERSION.matcher(text);
		Optional<String> scriptVersion = version.find() ? Optional.of(decode(version.group(1))) : Optional.empty();
		boolean upper = !message.headers().fields().isEmpty() && message.headers().fields().stream()
				.allMatch(h -> h.name().equals(h.name().toUpperCase(java.util.Locale.ROOT)));
		return new WebPage(url, message.status(), message.header("Server"), title.find() ? title.group(1).strip() : "",
				scriptVersion, upper, text);
	}

	private static String decode(String raw) {
		try {
			return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
		}
		catch (IllegalArgumentException ex) {
			return raw;
		}
	}

}
