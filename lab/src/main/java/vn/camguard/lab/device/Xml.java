package vn.camguard.lab.device;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Safe reading of the small SOAP documents peers send (no DTDs, no external entities) and escaping. A
 * document is streamed once (StAX) and only the few facts the lab answers from are kept: a DOM per request
 * cost the lab more CPU than the answers themselves. The whole document is still read, so anything that is
 * not well-formed XML is refused as before.
 */
final class Xml {

	/**
	 * Configured here once and never changed afterwards; the JDK factory then creates an independent reader
	 * per call, so sharing it between connections is safe.
	 */
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

	/** Reads a whole document, keeping the text and attributes of the first element of each of {@code read}. */
	static Facts read(byte[] bytes, Set<String> read) throws IOException {
		XMLStreamReader reader = null;
		try {
			reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
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
		Set<String> elements = new HashSet<>();
		Map<String, String> texts = new HashMap<>();
		Map<String, Map<String, String>> attributes = new HashMap<>();
		// elements whose text is being collected; nested ones (rare) all see the same characters
		List<Capture> open = new ArrayList<>(2);
		int depth = 0;
		int bodyDepth = -1;
		boolean bodyDone = false;
		String operation = null;
		while (reader.hasNext()) {
			switch (reader.next()) {
				case XMLStreamConstants.DTD -> throw new XMLStreamException("DTDs are refused");
				case XMLStreamConstants.START_ELEMENT -> {
					depth++;
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
				default -> {
					// comments, processing instructions and the document's start and end carry nothing we answer
				}
			}
		}
		return new Facts(elements, texts, attributes, operation == null ? "" : operation);
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
