package vn.camguard.lab.device;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Safe reading of the small SOAP documents peers send (no DTDs, no entities beyond XML's own) and escaping.
 * A document is read once by a strict reader of its own ({@link XmlReader}) and only the few facts the lab
 * answers from are kept: a DOM per request, and then a JDK StAX reader per request, cost the lab more CPU
 * than the answers themselves. The whole document is still read, so anything that is not well-formed XML is
 * refused as before.
 */
final class Xml {

	private Xml() {
	}

	/**
	 * What one document says: the local names of all its elements, the trimmed text content and the
	 * unprefixed attributes of the first element of each name that was asked for, and the local name of
	 * the first child element of the first {@code Body} ("" when there is none).
	 */
	record Facts(Set<String> elements, Map<String, String> texts, Map<String, Map<String, String>> attributes,
			String bodyOperation) {

		boolean has(String localName) {
			return elements.contains(localName);
		}

		/** The first element's text content (as DOM's getTextContent), trimmed; null when there is none. */
		String text(String localName) {
			return texts.get(localName);
		}

		/** An unprefixed attribute of the first element with this local name, "" when absent. */
		String attribute(String localName, String attribute) {
			return attributes.getOrDefault(localName, Map.of()).getOrDefault(attribute, "");
		}

	}

	/**
	 * Reads a whole document, keeping the text and attributes of the first element of each of {@code read};
	 * anything not well-formed, any DTD and any document deeper than {@value XmlReader#MAX_DEPTH} levels is
	 * refused with "malformed XML".
	 */
	static Facts read(byte[] bytes, Set<String> read) throws IOException {
		return new XmlReader(bytes, read).facts();
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
