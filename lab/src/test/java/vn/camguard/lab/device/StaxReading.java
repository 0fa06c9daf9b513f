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
 * The lab's former reading of a document, through the JDK's StAX reader with DTDs and external entities
 * refused: the reference {@link XmlReader} is compared with.
 */
final class StaxReading {

	private static final XMLInputFactory FACTORY = secureFactory();

	private StaxReading() {
	}

	static Xml.Facts read(byte[] bytes, Set<String> read) throws IOException {
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

	private static Xml.Facts facts(XMLStreamReader reader, Set<String> read) throws XMLStreamException {
		Set<String> elements = new HashSet<>();
		Map<String, String> texts = new HashMap<>();
		Map<String, Map<String, String>> attributes = new HashMap<>();
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
					// comments, processing instructions and the document's start and end carry nothing
				}
			}
		}
		return new Xml.Facts(elements, texts, attributes, operation == null ? "" : operation);
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

}
