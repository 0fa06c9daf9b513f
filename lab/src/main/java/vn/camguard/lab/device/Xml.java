package vn.camguard.lab.device;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Safe reading of the small SOAP documents peers send, through the JDK's StAX reader with DTDs and external
 * entities refused, and escaping. Only the few facts the lab answers from are kept. The whole document is read,
 * so anything that is not well-formed XML is refused.
 */
final class Xml {

	/** Deeper documents are refused: a SOAP request needs a dozen levels. */
	static final int MAX_DEPTH = 64;

	/** Elements with more attributes are refused. */
	static final int MAX_ATTRIBUTES = 32;

	/** Documents with more namespace prefixes in scope at once are refused. */
	static final int MAX_BINDINGS = 64;

	/** The encodings peers send; a document in any other (UTF-16 included) is refused. */
	private static final Set<String> ENCODINGS = Set.of("UTF-8", "US-ASCII", "ISO-8859-1");

	/** Factories are thread-safe for creating readers; one serves every device of the process. */
	private static final XMLInputFactory FACTORY = secureFactory();

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
	 * anything not well-formed, any DTD, XML 1.1, an encoding other than UTF-8, US-ASCII or ISO-8859-1, and
	 * any document deeper than {@value #MAX_DEPTH} levels (or wider in attributes or prefixes than the bounds
	 * above) is refused with "malformed XML".
	 */
	static Facts read(byte[] bytes, Set<String> read) throws IOException {
		XMLStreamReader reader = null;
		try {
			reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
			if (startsWithUtf8Mark(bytes) && reader.getCharacterEncodingScheme() != null
					&& !reader.getCharacterEncodingScheme().equalsIgnoreCase("UTF-8")) {
				throw new XMLStreamException("a UTF-8 byte order mark before another encoding's declaration");
			}
			return facts(reader, read);
		}
		catch (XMLStreamException | RuntimeException e) {
			throw new IOException("malformed XML", e);
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException ignored) {
					// nothing is held beyond the byte array
				}
			}
		}
	}

	private static Facts facts(XMLStreamReader reader, Set<String> read) throws XMLStreamException {
		refuseUnusualProlog(reader);
		Set<String> elements = new HashSet<>();
		Map<String, String> texts = new HashMap<>();
		Map<String, Map<String, String>> attributes = new HashMap<>();
		List<Capture> open = new ArrayList<>(2);
		int[] bindingsAt = new int[MAX_DEPTH + 1];
		int depth = 0;
		int bodyDepth = -1;
		boolean bodyDone = false;
		String operation = null;
		while (reader.hasNext()) {
			switch (reader.next()) {
				case XMLStreamConstants.DTD -> throw new XMLStreamException("DTDs are refused");
				case XMLStreamConstants.START_ELEMENT -> {
					if (depth == MAX_DEPTH) {
						throw new XMLStreamException("too deep");
					}
					depth++;
					bindingsAt[depth] = bindingsAt[depth - 1] + reader.getNamespaceCount();
					if (bindingsAt[depth] > MAX_BINDINGS || reader.getAttributeCount() > MAX_ATTRIBUTES) {
						throw new XMLStreamException("too many prefixes or attributes");
					}
					refuseColonNames(reader);
					String name = reader.getLocalName();
					boolean first = elements.add(name);
					if (first && read.contains(name)) {
						open.add(new Capture(name, depth, new StringBuilder()));
						attributes.put(name, unprefixedAttributes(reader));
					}
					if (!bodyDone) {
						if (bodyDepth < 0 && name.equals("Body")) {
							bodyDepth = depth;
						}
						else if (bodyDepth > 0 && depth == bodyDepth + 1 && operation == null) {
							operation = name;
						}
					}
				}
				case XMLStreamConstants.END_ELEMENT -> {
					for (int i = open.size() - 1; i >= 0; i--) {
						Capture capture = open.get(i);
						if (capture.depth == depth) {
							texts.put(capture.name, capture.text.toString().trim());
							open.remove(i);
						}
					}
					if (depth == bodyDepth) {
						bodyDone = true;
					}
					depth--;
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					for (Capture capture : open) {
						capture.text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
					}
				}
				case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
					if (reader.getPITarget().indexOf(':') >= 0) {
						throw new XMLStreamException("colon in a processing instruction target");
					}
				}
				default -> {
					// comments and the document's end carry nothing
				}
			}
		}
		return new Facts(elements, texts, attributes, operation == null ? "" : operation);
	}

	private static boolean startsWithUtf8Mark(byte[] bytes) {
		return bytes.length >= 3 && bytes[0] == (byte) 0xef && bytes[1] == (byte) 0xbb && bytes[2] == (byte) 0xbf;
	}

	/** XML 1.1 and encodings no peer sends are refused, though the JDK reads them. */
	private static void refuseUnusualProlog(XMLStreamReader reader) throws XMLStreamException {
		String version = reader.getVersion();
		if (version != null && !version.equals("1.0")) {
			throw new XMLStreamException("XML " + version + " is refused");
		}
		for (String encoding : new String[] { reader.getCharacterEncodingScheme(), reader.getEncoding() }) {
			if (encoding != null && !ENCODINGS.contains(encoding.toUpperCase(Locale.ROOT))) {
				throw new XMLStreamException("encoding " + encoding + " is refused");
			}
		}
	}

	/** A name that starts with a colon (no prefix before it) is not a namespace-well-formed name. */
	private static void refuseColonNames(XMLStreamReader reader) throws XMLStreamException {
		if (reader.getLocalName().indexOf(':') >= 0) {
			throw new XMLStreamException("colon in a local name");
		}
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			if (reader.getAttributeLocalName(i).indexOf(':') >= 0) {
				throw new XMLStreamException("colon in a local name");
			}
		}
	}

	private static Map<String, String> unprefixedAttributes(XMLStreamReader reader) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			String prefix = reader.getAttributePrefix(i);
			if (prefix == null || prefix.isEmpty()) {
				values.putIfAbsent(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
			}
		}
		return values;
	}

	private record Capture(String name, int depth, StringBuilder text) {
	}

	private static XMLInputFactory secureFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setXMLResolver((publicId, systemId, base, namespace) -> {
			throw new XMLStreamException("external entities are refused");
		});
		return factory;
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
