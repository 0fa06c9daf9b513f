package vn.camguard.lab.device;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Safe parsing of the small SOAP documents peers send (no DTDs, no external entities) and escaping. */
final class Xml {

	private Xml() {
	}

	static Document parse(byte[] bytes) throws IOException {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(bytes));
		}
		catch (ParserConfigurationException | SAXException | RuntimeException e) {
			throw new IOException("malformed XML", e);
		}
	}

	/** The first element with this local name, in any namespace. */
	static Optional<Element> first(Document document, String localName) {
		NodeList nodes = document.getElementsByTagNameNS("*", localName);
		return nodes.getLength() == 0 ? Optional.empty() : Optional.of((Element) nodes.item(0));
	}

	static Optional<Element> firstChildElement(Element parent) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				return Optional.of(element);
			}
		}
		return Optional.empty();
	}

	static String text(Document document, String localName) {
		return first(document, localName).map(e -> e.getTextContent().trim()).orElse(null);
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
