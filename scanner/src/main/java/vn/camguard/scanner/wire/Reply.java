package vn.camguard.scanner.wire;

import java.nio.charset.StandardCharsets;

/**
 * What came back from one request to a device. Devices are untrusted, so every way an exchange can end
 * is a value, never an exception: a parsed message, silence, or bytes that are not the protocol.
 */
public sealed interface Reply {

	/** A well-formed status line and headers (the body possibly cut at the size limit). */
	record Message(String protocol, int status, String reason, Headers headers, byte[] body, boolean truncated)
			implements Reply {

		public String bodyText() {
			return new String(body, StandardCharsets.ISO_8859_1);
		}

		public String header(String name) {
			return headers.firstOrEmpty(name);
		}

	}

	/** No usable answer: connection refused or reset, timeout, or the device closed without a word. */
	record NoAnswer(String why) implements Reply {
	}

	/** The device answered, but not in the protocol (garbage, a status line missing, headers too big). */
	record Unparseable(String why, String excerpt) implements Reply {
	}

	default boolean isMessage() {
		return this instanceof Message;
	}

	default int status() {
		return this instanceof Message m ? m.status() : -1;
	}

}
