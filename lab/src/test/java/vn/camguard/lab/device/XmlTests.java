package vn.camguard.lab.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The streaming SOAP reader gives the same answers as the DOM reading the lab used before (kept here as
 * the reference), for well-formed, tricky and malformed documents alike.
 */
class XmlTests {

	private static final Set<String> READ = Set.of("Username", "Password", "Nonce", "Created", "MessageID", "Types");

	private static final String SOAP = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
			+ "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" xmlns:w=\"urn:w\" xmlns:p=\"urn:p\">";

	static List<String> documents() {
		List<String> documents = new ArrayList<>(List.of(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + SOAP + "<s:Body><tds:GetDeviceInformation/></s:Body></s:Envelope>",
				"\uFEFF" + SOAP + "<s:Body>\n  <!-- c --> <tds:GetUsers/><tds:GetProfiles/></s:Body></s:Envelope>",
				SOAP + "<s:Header><w:Security><w:UsernameToken><w:Username> admin </w:Username>"
						+ "<w:Password Type=\"urn:x#PasswordDigest\">AbC=</w:Password><w:Nonce>bm9uY2U=</w:Nonce>"
						+ "<w:Created>2026-01-01T00:00:00Z</w:Created></w:UsernameToken></w:Security></s:Header>"
						+ "<s:Body><tds:GetStreamUri/></s:Body></s:Envelope>",
				SOAP + "<s:Header><w:UsernameToken><w:Username>a<![CDATA[d<m>]]>in&amp;&#x41;</w:Username>"
						+ "<w:Password w:Type=\"prefixed\" Type=\"#PasswordText\">p<b>x</b>w</w:Password>"
						+ "<w:Password Type=\"second\">q</w:Password></w:UsernameToken></s:Header>"
						+ "<s:Body><tds:GetUsers/></s:Body></s:Envelope>",
				SOAP + "<s:Header><w:UsernameToken/></s:Header><s:Body/></s:Envelope>",
				SOAP + "<s:Header><w:Username><w:Password>inner</w:Password>outer</w:Username></s:Header>"
						+ "<s:Body>text<tds:GetServices><tds:Inner/></tds:GetServices></s:Body></s:Envelope>",
				SOAP + "<s:Header><w:Body/></s:Header><s:Body><tds:GetServices/></s:Body></s:Envelope>",
				"<Envelope><Body><Probe><Types>dn:NetworkVideoTransmitter</Types><MessageID>m</MessageID></Probe>"
						+ "</Body></Envelope>",
				"<e:Envelope xmlns:e=\"urn:e\" xmlns:d=\"urn:d\"><e:Header><a:MessageID xmlns:a=\"urn:a\">urn:uuid:1"
						+ "</a:MessageID></e:Header><e:Body><d:Probe><d:Types>\n p:Printer \n</d:Types></d:Probe>"
						+ "</e:Body></e:Envelope>",
				"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a><Username>caf\u00e9</Username></a>",
				"<?xml version=\"1.0\"?><?pi data?><a/><!-- after -->\n",
				// not well-formed, or refused
				"", "<not-xml", "<a></b>", "<a/><b/>", "<a/>trailing", "text", "<x:a/>", "<a x=\"1\" x=\"2\"/>",
				"<a>&undefined;</a>", "<a>&#0;</a>", "<a>\u0001</a>", "<!DOCTYPE a><a/>",
				"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
				"<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>",
				"<a xmlns:p=\"urn:p\" p:x=\"1\" xmlns:q=\"urn:p\" q:x=\"2\"/>",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml version=\"1.0\"?><a/>",
				SOAP + "<s:Body><tds:GetUsers></s:Body></s:Envelope>"));
		documents.add(SOAP + "<s:Body>" + "<d>".repeat(200) + "</d>".repeat(200) + "</s:Body></s:Envelope>");
		return documents;
	}

	@ParameterizedTest
	@MethodSource("documents")
	void readsWhatTheDomReadingRead(String document) throws Exception {
		byte[] bytes = document.getBytes(document.contains("ISO-8859-1") ? StandardCharsets.ISO_8859_1
				: StandardCharsets.UTF_8);
		Document dom;
		try {
			dom = domParse(bytes);
		}
		catch (Exception malformed) {
			assertThatThrownBy(() -> Xml.read(bytes, READ)).isInstanceOf(IOException.class);
			return;
		}
		Xml.Facts facts = Xml.read(bytes, READ);
		for (String name : List.of("Body", "UsernameToken", "Probe", "Username", "Password", "Nonce", "Created",
				"MessageID", "Types", "Inner", "d")) {
			assertThat(facts.has(name)).as(name).isEqualTo(domFirst(dom, name) != null);
		}
		for (String name : READ) {
			Element first = domFirst(dom, name);
			assertThat(facts.text(name)).as(name).isEqualTo(first == null ? null : first.getTextContent().trim());
		}
		Element password = domFirst(dom, "Password");
		assertThat(facts.attribute("Password", "Type")).isEqualTo(password == null ? "" : password.getAttribute("Type"));
		Element body = domFirst(dom, "Body");
		String operation = "";
		if (body != null) {
			for (Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element element) {
					operation = element.getLocalName();
					break;
				}
			}
		}
		assertThat(facts.bodyOperation()).isEqualTo(operation);
	}

	/** The lab's former reading: a namespace-aware DOM that refuses DTDs. */
	private static Document domParse(byte[] bytes) throws Exception {
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

	private static Element domFirst(Document document, String localName) {
		NodeList nodes = document.getElementsByTagNameNS("*", localName);
		return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
	}

}
