package vn.camguard.lab.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The lab's XML reading gives the same facts as the DOM reading it once was (kept here as the reference), for
 * the requests scanners send and tricky documents alike, refuses malformed ones, and refuses on purpose a few
 * things the JDK accepts.
 */
class XmlTests {

	private static final Set<String> READ = Set.of("Username", "Password", "Nonce", "Created", "MessageID", "Types");

	private static final String SOAP = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
			+ "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" xmlns:w=\"urn:w\" xmlns:p=\"urn:p\">";

	/**
	 * The scanner's requests as its OnvifClient and WsDiscovery write them (with a fixed nonce, time and
	 * message id), the lab's test client's request, and the lab's own ProbeMatches.
	 */
	static List<String> scannerRequests() {
		String token = "<wsse:Security s:mustUnderstand=\"1\""
				+ " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
				+ " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
				+ "<wsse:UsernameToken><wsse:Username>admin</wsse:Username>"
				+ "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">"
				+ "tuOSpGlFlIXsozq4HFNeeGeFLEI=</wsse:Password>"
				+ "<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">"
				+ "LKqI6G/AikKCQrN0zqZFlg==</wsse:Nonce>"
				+ "<wsu:Created>2026-11-23T12:00:00Z</wsu:Created></wsse:UsernameToken></wsse:Security>";
		return List.of(onvifRequest("GetDeviceInformation", token), onvifRequest("GetDeviceInformation", ""),
				onvifRequest("GetSystemDateAndTime", ""), probe(),
				"<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
						+ "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\">"
						+ "<s:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
						+ "oasis-200401-wss-wssecurity-secext-1.0.xsd\"><wsse:UsernameToken><wsse:Username>admin"
						+ "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
						+ "oasis-200401-wss-username-token-profile-1.0#PasswordText\">12345</wsse:Password>"
						+ "</wsse:UsernameToken></wsse:Security></s:Header><s:Body><trt:GetStreamUri><trt:ProfileToken>"
						+ "Profile_1</trt:ProfileToken></trt:GetStreamUri></s:Body></s:Envelope>",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
						+ "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
						+ "xmlns:wsd=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" "
						+ "xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
						+ "<env:Header><wsa:MessageID>urn:uuid:0b7e6f3c-0000-4000-8000-000000000001</wsa:MessageID>"
						+ "<wsa:RelatesTo>urn:uuid:1</wsa:RelatesTo></env:Header><env:Body><wsd:ProbeMatches><wsd:ProbeMatch>"
						+ "<wsd:Types>dn:NetworkVideoTransmitter tds:Device</wsd:Types><wsd:Scopes>onvif://www.onvif.org/name/"
						+ "%3Cscript%3E</wsd:Scopes><wsd:XAddrs>http://127.0.0.1/onvif/device_service</wsd:XAddrs>"
						+ "</wsd:ProbeMatch></wsd:ProbeMatches></env:Body></env:Envelope>\n");
	}

	/** As OnvifClient.envelope writes a request. */
	static String onvifRequest(String operation, String security) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
				+ " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
				+ "<s:Header>" + security + "</s:Header>"
				+ "<s:Body><tds:" + operation + "/></s:Body></s:Envelope>";
	}

	/** As WsDiscovery.probeMessage writes a Probe. */
	static String probe() {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
				+ " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
				+ " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
				+ " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
				+ "<s:Header><a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>"
				+ "<a:MessageID>urn:uuid:5f0b7a52-3c1e-4a53-9d7b-2f4a1c9e8d01</a:MessageID>"
				+ "<a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>"
				+ "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>"
				+ "<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>";
	}

	/** Well-formed documents that exercise what a reader can get subtly wrong. */
	static List<String> tricky() {
		return List.of(
				// references in text and attributes, in both quote styles, and white space inside tags
				SOAP + "<s:Header\n\t><w:UsernameToken ><w:Username\r\n>a&lt;d&gt;m&amp;i&quot;n&apos;</w:Username >"
						+ "<w:Password Type='a&amp;b&#x23;Pass&#119;ordText' Other=\"it's &lt;x&gt;\">&#x1F600;&#233;\u00e9\u4e2d"
						+ "\uD83D\uDE00</w:Password\t></w:UsernameToken></s:Header><s:Body ><tds:GetUsers /></s:Body></s:Envelope>",
				// line ends: CR LF and CR read as LF in text, as a space in attribute values; referenced ones kept
				"<a>\r\n<Username>x\r\ny\rz&#13;&#10;w</Username><Password Type='a\r\nb\rc\td&#9;e&#10;f'>"
						+ " p\r</Password></a>",
				// comments, processing instructions and CDATA inside collected text
				"<a><Username>ad<!-- no -->m<?pi skipped?>i<![CDATA[n]]></Username><Nonce><![CDATA[<x>&amp;]]]]]>"
						+ "<![CDATA[]]></Nonce><Created>]] > ]</Created></a>",
				// namespace declarations are not attributes; a prefixed attribute is not kept
				"<Envelope><Password xmlns=\"urn:d\" xmlns:q=\"urn:q\" q:Type=\"prefixed\" xml:lang=\"en\" Type=\"kept\""
						+ " q:xmlns=\"not a declaration\">v</Password></Envelope>",
				// prefixes declared where used, redeclared in an inner scope, the same local name in two namespaces
				"<p:Envelope xmlns:p=\"urn:a\"><p:Header xmlns:p=\"urn:b\" p:x=\"1\" x=\"2\"><p:Username>u</p:Username>"
						+ "</p:Header><Body xmlns=\"urn:c\" xmlns:q=\"urn:a\" xmlns:r=\"urn:b\" q:x=\"1\" r:y=\"2\">"
						+ "<p:Operation/></Body></p:Envelope>",
				"<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\" xml:space=\"preserve\"><xml:b/></a>",
				// bodies: empty, nested, in a header, text before the operation
				SOAP + "<s:Body><!-- c --></s:Body><s:Body><tds:Second/></s:Body></s:Envelope>",
				SOAP + "<s:Body>\n text <?pi?><tds:Op><s:Body><tds:Inner/></s:Body></tds:Op><tds:Later/></s:Body></s:Envelope>",
				// empty and repeated elements: the first one counts
				"<a><Username/><Username>second</Username><Password></Password><Types>\t</Types></a>",
				// the prolog and what may follow the root
				"\uFEFF<?xml version='1.0' encoding='utf-8' standalone='no' ?>\n<!-- c --><?pi x?>\n<a/>\n<!-- after --><?pi?>\n",
				"<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a><Username>ascii</Username></a>",
				"<?xml\tversion = \"1.0\"\r\n?><a/>",
				// names beyond ASCII, and characters at the edges of what XML allows
				"<\u00e9l\u00e8ve \u00e0=\"1\"><Username>\u0085\uFFFD\uD7FF\uE000&#x10FFFF;&#00000065;</Username></\u00e9l\u00e8ve>",
				"<a-b.c_d xmlns:e-f.g=\"urn:e\"><e-f.g:h_1 e-f.g:i-2=\"x\"/></a-b.c_d>",
				// markup characters where they are plain text
				"<a x=\"a>b\" y='\"' z=\"'\"><Types>a > b ] c ]] d</Types></a>");
	}

	/** Not well-formed (or a DTD): each is refused. */
	static List<String> malformed() {
		return List.of(
				// unclosed, mismatched, junk around the root
				"", " ", "<", "<a", "<a x", "<a x=", "<a x='1'", "<a>", "<a><b></b>", "<a>text", "</a>", "<a></a></a>",
				"<a></b>", "<a><b></a></b>", "<a></A>", "<a></a >x", "<a/><b/>", "text<a/>", "\u00a0<a/>", "<a/>\u0000",
				" <?xml version='1.0'?><a/>", "<a/><?xml version='1.0'?>", "<?xml version='1.0'?>",
				// bad names and tags
				"< a/>", "<1a/>", "<-a/>", "<a/ >", "<a x=\"1\"y='2'/>", "<a x/>", "<a x=1/>", "<a b:='1'/>", "<a:/>",
				"<a:b:c xmlns:a='u'/>", "<a \u00a0x='1'/>", "<\u0300/>",
				// attributes
				"<a x='1/>", "<a x=\"1'/>", "<a x='a<b'/>", "<a x=\"1\" x=\"2\"/>", "<a x='\u0001'/>", "<a x='&#x1;'/>",
				// references
				"<a>&undefined;</a>", "<a>&amp</a>", "<a>& b</a>", "<a>&AMP;</a>", "<a>&#;</a>", "<a>&#x;</a>", "<a>&#X41;</a>",
				"<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&#xFFFE;</a>", "<a>&#x110000;</a>", "<a>&#99999999999;</a>",
				"<a>&#x41</a>", "<a>&#65a;</a>", "<a x='&bogus;'/>",
				// characters
				"<a>\u0001</a>", "<a>\uFFFE</a>", "<a>]]></a>", "<a>x]]>y</a>",
				// comments, CDATA, processing instructions
				"<a><!-- a -- b --></a>", "<a><!-- a ---></a>", "<a><!---></a>", "<a><!-- x </a>", "<a><!-- \u0001 --></a>",
				"<a><![CDATA[x</a>", "<a><![cdata[x]]></a>", "<a><![CDATA[\u0001]]></a>", "<a><!x></a>",
				"<a><?XmL x?></a>", "<a><?x? ?></a>", "<a><?pi</a>", "<a><? pi?></a>", "<!-- x <a/>",
				// the XML declaration
				"<?xml version='1.0' standalone='yes' encoding='UTF-8'?><a/>", "<?xml encoding='UTF-8'?><a/>",
				"<?xml version='1.0'encoding='UTF-8'?><a/>", "<?xml version='1.0' standalone='maybe'?><a/>",
				"<?xml version='2.0'?><a/>", "<?xml version='1.0' encoding='bogus'?><a/>",
				"<?xml version='1.0' encoding=\"UTF-8'?><a/>", "<?xml version='1.0' encoding='UTF8'?><a/>",
				"<?xml version='1.0' encoding='US-ASCII'?><a>\u00e9</a>", "<?xml version='1.0'?><?xml version='1.0'?><a/>",
				// DTDs, wherever they are
				"<!DOCTYPE a><a/>", "<!DOCTYPE a SYSTEM \"http://127.0.0.1:1/x.dtd\"><a/>", "<a/><!DOCTYPE a>",
				"<a><!DOCTYPE a></a>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
				"<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>",
				// namespaces
				"<x:a/>", "<a x:y='1'/>", "<xmlns:a/>", "<a><b xmlns:p='u'/><p:c/></a>", "<a xmlns:p=''/>",
				"<a xmlns:xml='urn:x'/>", "<a xmlns:xmlns='urn:x'/>", "<a xmlns:p='http://www.w3.org/XML/1998/namespace'/>",
				"<a xmlns='http://www.w3.org/XML/1998/namespace'/>", "<a xmlns='http://www.w3.org/2000/xmlns/'/>",
				"<a xmlns:p='http://www.w3.org/2000/xmlns/'/>", "<a xmlns:='u'/>",
				"<a xmlns:b='u' b:c='1' b:c='2'/>", "<a xmlns:p='u' xmlns:q='u' p:b='1' q:b='2'/>",
				"<a xmlns:p='urn:&amp;' p:x='1' xmlns:q='urn:&#38;' q:x='2'/>", "<a xmlns='u' xmlns='v'/>",
				"<a xmlns:x='2' xmlns:x='3'/>",
				// a scanner request cut short, or with its operation left open
				probe().substring(0, probe().length() - 3), SOAP + "<s:Body><tds:GetUsers></s:Body></s:Envelope>");
	}

	/** Bytes that are not UTF-8 (or not allowed as XML characters) in the middle of a text. */
	static Stream<byte[]> notUtf8() {
		return Stream.of(new byte[] { (byte) 0xc0, (byte) 0x80 }, new byte[] { (byte) 0xc1, (byte) 0xbf },
				new byte[] { (byte) 0xe0, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 },
				new byte[] { (byte) 0xf0, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
				new byte[] { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xf5 },
				new byte[] { (byte) 0xe9 }, new byte[] { (byte) 0xe9, 'x' }, new byte[] { (byte) 0x80 },
				new byte[] { (byte) 0xef, (byte) 0xbf, (byte) 0xbf }, new byte[] { (byte) 0xe2, (byte) 0x82 });
	}

	/**
	 * What the JDK's StAX reader accepts and the lab refuses on purpose: XML 1.1, encodings other than UTF-8
	 * and its subsets, names starting with a colon, colons in processing instruction targets, and documents
	 * deeper, or with more attributes on an element or prefixes in scope, than a SOAP request needs.
	 */
	static Stream<byte[]> refusedOnPurpose() {
		StringBuilder prefixes = new StringBuilder("<a>");
		for (int i = 0; i <= Xml.MAX_BINDINGS; i++) {
			prefixes.append("<b xmlns:p").append(i).append("='u'>");
		}
		StringBuilder attributes = new StringBuilder("<a");
		for (int i = 0; i <= Xml.MAX_ATTRIBUTES; i++) {
			attributes.append(" x").append(i).append("='1'");
		}
		return Stream.of(utf8("<?xml version='1.1'?><a/>"), utf8("<?xml version='1.0' encoding='windows-1252'?><a/>"),
				utf8("<?xml version='1.0' encoding='latin1'?><a/>"), "<a/>".getBytes(StandardCharsets.UTF_16),
				utf8("\uFEFF<?xml version='1.0' encoding='ISO-8859-1'?><a/>"), utf8("<:a></:a>"),
				utf8("<a :b='1'/>"), utf8("<a><?x:y data?></a>"),
				utf8("<a>" + "<d>".repeat(Xml.MAX_DEPTH) + "</d>".repeat(Xml.MAX_DEPTH) + "</a>"),
				utf8(prefixes + "</b>".repeat(Xml.MAX_BINDINGS + 1) + "</a>"), utf8(attributes + "/>"));
	}

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
		// as deep as the reader reads: Envelope and Body, then 62 levels
		documents.add(SOAP + "<s:Body>" + "<d>".repeat(62) + "</d>".repeat(62) + "</s:Body></s:Envelope>");
		return documents;
	}

	@ParameterizedTest
	@MethodSource("malformed")
	void refusesWhatIsNotWellFormed(String document) {
		byte[] bytes = bytes(document);
		assertThatThrownBy(() -> Xml.read(bytes, READ)).isInstanceOf(IOException.class).hasMessage("malformed XML");
	}

	@ParameterizedTest
	@MethodSource("notUtf8")
	void refusesWhatIsNotUtf8(byte[] sequence) {
		for (byte[] bytes : List.of(concat(utf8("<a><Username>x"), sequence, utf8("</Username></a>")),
				concat(utf8("<a x='"), sequence, utf8("'/>")), concat(utf8("<a"), sequence, utf8("/>")),
				concat(utf8("<a><!--"), sequence, utf8("--></a>")), concat(utf8("<a>"), sequence))) {
				assertThatThrownBy(() -> Xml.read(bytes, READ)).isInstanceOf(IOException.class).hasMessage("malformed XML");
		}
	}

	@ParameterizedTest
	@MethodSource("refusedOnPurpose")
	void refusesWhatTheJdkAcceptsButNoPeerSends(byte[] bytes) {
		assertThatThrownBy(() -> Xml.read(bytes, READ)).isInstanceOf(IOException.class).hasMessage("malformed XML");
	}

	@Test
	void readsWhatTheScannerSends() throws IOException {
		Set<String> tokenParts = Set.of("Username", "Password", "Nonce", "Created");
		Xml.Facts request = Xml.read(utf8(scannerRequests().get(0)), tokenParts);
		assertThat(request.bodyOperation()).isEqualTo("GetDeviceInformation");
		assertThat(request.has("UsernameToken")).isTrue();
		assertThat(request.text("Username")).isEqualTo("admin");
		assertThat(request.text("Password")).isEqualTo("tuOSpGlFlIXsozq4HFNeeGeFLEI=");
		assertThat(request.text("Nonce")).isEqualTo("LKqI6G/AikKCQrN0zqZFlg==");
		assertThat(request.text("Created")).isEqualTo("2026-11-23T12:00:00Z");
		assertThat(request.attribute("Password", "Type")).endsWith("#PasswordDigest");
		assertThat(request.attributes().get("Nonce")).containsOnlyKeys("EncodingType");

		Xml.Facts probe = Xml.read(utf8(probe()), Set.of("MessageID", "Types"));
		assertThat(probe.has("Probe")).isTrue();
		assertThat(probe.bodyOperation()).isEqualTo("Probe");
		assertThat(probe.text("MessageID")).isEqualTo("urn:uuid:5f0b7a52-3c1e-4a53-9d7b-2f4a1c9e8d01");
		assertThat(probe.text("Types")).isEqualTo("dn:NetworkVideoTransmitter");
	}

	@Test
	void keepsTheFactsOfTrickyDocuments() throws IOException {
		Xml.Facts references = Xml.read(utf8(tricky().get(0)), READ);
		assertThat(references.text("Username")).isEqualTo("a<d>m&i\"n'");
		assertThat(references.text("Password")).isEqualTo("\uD83D\uDE00\u00e9\u00e9\u4e2d\uD83D\uDE00");
		assertThat(references.attributes().get("Password"))
				.isEqualTo(Map.of("Type", "a&b#PasswordText", "Other", "it's <x>"));
		Xml.Facts lineEnds = Xml.read(utf8(tricky().get(1)), READ);
		assertThat(lineEnds.text("Username")).isEqualTo("x\ny\nz\r\nw");
		assertThat(lineEnds.attribute("Password", "Type")).isEqualTo("a b c d\te\nf");
		Xml.Facts collected = Xml.read(utf8(tricky().get(2)), READ);
		assertThat(collected.text("Username")).isEqualTo("admin");
		assertThat(collected.text("Nonce")).isEqualTo("<x>&amp;]]]");
		Xml.Facts declarations = Xml.read(utf8(tricky().get(3)), READ);
		assertThat(declarations.attributes().get("Password")).isEqualTo(Map.of("Type", "kept"));
	}

	@Test
	void boundsTheNesting() throws IOException {
		int levels = Xml.MAX_DEPTH - 1;
		String deepest = "<d>".repeat(levels) + "<Username>u</Username>" + "</d>".repeat(levels);
		assertThat(Xml.read(utf8(deepest), READ).text("Username")).isEqualTo("u");
		String deeper = "<d>" + deepest + "</d>";
		assertThatThrownBy(() -> Xml.read(utf8(deeper), READ)).isInstanceOf(IOException.class);
	}

	/**
	 * Documents of the size the callers allow (64 KiB) shaped to cost most are read (or refused) quickly:
	 * the most prefixes in scope at the deepest level, the most attributes on every element, and markup left
	 * open to the end.
	 */
	@Test
	void readsHostileShapesQuickly() {
		StringBuilder scopes = new StringBuilder();
		for (int level = 0; level < Xml.MAX_DEPTH - 1; level++) {
			scopes.append("<d xmlns:p").append(level).append("='urn:").append(level).append("'>");
		}
		StringBuilder attributes = new StringBuilder("<b");
		for (int i = 0; i < Xml.MAX_ATTRIBUTES; i++) {
			attributes.append(" a").append(i).append("=''");
		}
		List<String> hostile = List.of("<a>" + "<b/>".repeat(16_000) + "</a>",
				scopes + "<p0:b p0:c='1' p0:e='2'/>".repeat(2_500) + "</d>".repeat(Xml.MAX_DEPTH - 1),
				"<a>" + (attributes + "/>").repeat(300) + "</a>", "<a>" + "&amp;".repeat(13_000) + "</a>",
				"<a " + "x".repeat(65_000) + "='1'/>", "<a x='" + "x".repeat(65_000), "<a><!--" + "x".repeat(65_000),
				"<a><![CDATA[" + "x".repeat(65_000), "<a><?pi " + "x".repeat(65_000), "<a>" + "<".repeat(65_000));
		long started = System.nanoTime();
		for (int round = 0; round < 10; round++) {
			for (String document : hostile) {
				try {
					Xml.read(utf8(document), READ);
				}
				catch (IOException refused) {
					// refusing is as good as reading here
				}
			}
		}
		// about 0.2 s for these 6 MB on the 2-core test machine; quadratic work would take minutes
		assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
	}

	@ParameterizedTest
	@MethodSource("documents")
	void readsWhatTheDomReadingRead(String document) throws Exception {
		byte[] bytes = bytes(document);
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

	private static byte[] bytes(String document) {
		return document.getBytes(
				document.contains("ISO-8859-1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
	}

	private static byte[] utf8(String document) {
		return document.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

}
