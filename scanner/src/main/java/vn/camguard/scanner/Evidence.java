package vn.camguard.scanner;

import vn.camguard.scanner.wire.Excerpt;

/**
 * What the scanner saw that led to a conclusion: the protocol/place and a short excerpt. Device text
 * inside is untrusted data (cut, control characters replaced); writers escape it for their format.
 */
public record Evidence(String source, String detail) {

	public Evidence {
		source = Excerpt.of(source);
		detail = Excerpt.of(detail);
	}

}
