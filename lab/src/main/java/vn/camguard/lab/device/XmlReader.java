package vn.camguard.lab.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict reader of one small XML 1.0 document with namespaces, walking its bytes once and keeping only the
 * {@link Xml.Facts}: the JDK's StAX reader cost the lab more to set up per document than the reading itself.
 * It refuses what is not namespace-well-formed and, beyond that, every DTD (so every entity but XML's five and
 * character references), encodings other than UTF-8, US-ASCII and ISO-8859-1 (UTF-16 included), XML 1.1, and
 * documents deeper, or with more attributes on an element or prefixes in scope, than the limits below, so that
 * a hostile document costs time linear in its size. One instance reads one document.
 */
final class XmlReader {

	/** SOAP envelopes nest about six levels; anything much deeper is not a request. */
	static final int MAX_DEPTH = 64;

	/** Attributes (namespace declarations included) on one element, kept small so duplicates are cheap to find. */
	static final int MAX_ATTRIBUTES = 32;

	/** Namespace prefixes declared in scope at once, kept small so a prefix is cheap to look up. */
	static final int MAX_BINDINGS = 64;

	private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

	private static final String XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

	/** ASCII name characters among codes 0 to 63: '-', '.' and the digits, none of which starts a name. */
	private static final long NAME_LOW = 1L << '-' | 1L << '.' | 0x3ffL << '0';

	/** ASCII name characters among codes 64 to 127, as bits 0 to 63: the letters and '_'. */
	private static final long NAME_HIGH = 0x3ffffffL << 'A' - 64 | 1L << '_' - 64 | 0x3ffffffL << 'a' - 64;

	private static final byte[] XML = { 'x', 'm', 'l' };

	private static final byte[] XMLNS = { 'x', 'm', 'l', 'n', 's' };

	private final Set<String> read;

	private byte[] doc;

	private int at;

	private int end;

	private final Set<String> elements = new HashSet<>();

	private final Map<String, String> texts = new HashMap<>();

	private final Map<String, Map<String, String>> attributes = new HashMap<>();

	private int bodyDepth = -1;

	private boolean bodyDone;

	private String operation;

	/** Open elements, by depth: where the qualified name is (to match the end tag), and the bindings before it. */
	private final int[] nameFrom = new int[MAX_DEPTH + 1];

	private final int[] nameTo = new int[MAX_DEPTH + 1];

	private final int[] bindingsBefore = new int[MAX_DEPTH + 1];

	private int depth;

	/** Declared prefixes in scope, innermost last: where the prefix is, and the namespace it names. */
	private final int[] prefixFrom = new int[MAX_BINDINGS];

	private final int[] prefixTo = new int[MAX_BINDINGS];

	private final String[] prefixNamespace = new String[MAX_BINDINGS];

	private int bindings;

	/** The attributes of the start tag being read: where each name and its colon (-1: none) are, its namespace. */
	private final int[] attributeFrom = new int[MAX_ATTRIBUTES];

	private final int[] attributeColon = new int[MAX_ATTRIBUTES];

	private final int[] attributeTo = new int[MAX_ATTRIBUTES];

	private final String[] attributeNamespace = new String[MAX_ATTRIBUTES];

	/**
	 * Elements whose text is being collected, with where their text starts in {@link #captured}: the text of
	 * nested ones (rare) is a part of the outer one's.
	 */
	private final List<Capture> captures = new ArrayList<>(2);

	private final StringBuilder captured = new StringBuilder();

	XmlReader(byte[] document, Set<String> read) {
		this.doc = document;
		this.end = document.length;
		this.read = read;
	}

	Xml.Facts facts() throws IOException {
		prolog();
		if (at + 1 >= end || doc[at] != '<') {
			throw malformed();
		}
		// a DOCTYPE lands here too, and is refused as a start tag with a bad name: no DTD, no entity declarations
		startTag();
		while (depth > 0) {
			if (at >= end) {
				throw malformed();
			}
			if (doc[at] != '<') {
				text();
			}
			else if (at + 1 >= end) {
				throw malformed();
			}
			else {
				switch (doc[at + 1]) {
					case '/' -> endTag();
					case '?' -> {
						at += 2;
						processingInstruction();
					}
					case '!' -> {
						if (skip("<!--")) {
							comment();
						}
						else if (skip("<![CDATA[")) {
							cdata();
						}
						else {
							throw malformed();
						}
					}
					default -> startTag();
				}
			}
		}
		misc();
		if (at != end) {
			throw malformed();
		}
		return new Xml.Facts(elements, texts, attributes, operation == null ? "" : operation);
	}

	/** A UTF-8 byte order mark, the XML declaration, then comments, processing instructions and white space. */
	private void prolog() throws IOException {
		boolean byteOrderMark = end >= 3 && doc[0] == (byte) 0xef && doc[1] == (byte) 0xbb && doc[2] == (byte) 0xbf;
		if (byteOrderMark) {
			at = 3;
		}
		if (startsWith("<?xml") && at + 5 < end && isWhitespace(doc[at + 5])) {
			at += 5;
			String encoding = declaration();
			if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
				if (byteOrderMark) {
					throw malformed();
				}
				if (encoding.equalsIgnoreCase("ISO-8859-1")) {
					// every byte is its own character: the rest is read as the same text in UTF-8
					doc = new String(doc, at, end - at, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
					at = 0;
					end = doc.length;
				}
				else if (encoding.equalsIgnoreCase("US-ASCII")) {
					for (int i = at; i < end; i++) {
						if (doc[i] < 0) {
							throw malformed();
						}
					}
				}
				else {
					throw malformed();
				}
			}
		}
		misc();
	}

	/** The rest of an XML declaration after {@code <?xml}; the encoding it names, or null. */
	private String declaration() throws IOException {
		String version = pseudoAttribute("version");
		if (!"1.0".equals(version)) {
			throw malformed();
		}
		String encoding = pseudoAttribute("encoding");
		String standalone = pseudoAttribute("standalone");
		if (standalone != null && !standalone.equals("yes") && !standalone.equals("no")) {
			throw malformed();
		}
		skipWhitespace();
		expect('?');
		expect('>');
		return encoding;
	}

	/** {@code name="value"} after white space, in either quotes; null (and nothing read) when not next. */
	private String pseudoAttribute(String name) throws IOException {
		int before = at;
		if (!skipWhitespace() || !startsWith(name)) {
			at = before;
			return null;
		}
		at += name.length();
		skipWhitespace();
		expect('=');
		skipWhitespace();
		if (at >= end || doc[at] != '"' && doc[at] != '\'') {
			throw malformed();
		}
		byte quote = doc[at++];
		int from = at;
		while (at < end && doc[at] >= 0 && ((doc[at] >= 64 ? NAME_HIGH : NAME_LOW) >>> doc[at] & 1) != 0) {
			at++;
		}
		if (at == from || at >= end || doc[at] != quote) {
			throw malformed();
		}
		return asciiString(from, at++);
	}

	/** White space, comments and processing instructions, as allowed before and after the root element. */
	private void misc() throws IOException {
		while (true) {
			skipWhitespace();
			if (skip("<!--")) {
				comment();
			}
			else if (skip("<?")) {
				processingInstruction();
			}
			else {
				return;
			}
		}
	}

	private void startTag() throws IOException {
		if (depth == MAX_DEPTH) {
			throw malformed();
		}
		int from = ++at;
		int colon = -1;
		int to = ncName(from);
		if (to < end && doc[to] == ':') {
			colon = to;
			to = ncName(colon + 1);
		}
		at = to;
		String name = utf8String(colon < 0 ? from : colon + 1, to);
		depth++;
		nameFrom[depth] = from;
		nameTo[depth] = to;
		bindingsBefore[depth] = bindings;
		Map<String, String> kept = null;
		if (elements.add(name) && read.contains(name)) {
			kept = new HashMap<>();
			attributes.put(name, kept);
			captures.add(new Capture(name, depth, captured.length()));
		}
		if (!bodyDone) {
			if (bodyDepth < 0 && name.equals("Body")) {
				bodyDepth = depth;
			}
			else if (bodyDepth > 0 && depth == bodyDepth + 1 && operation == null) {
				operation = name;
			}
		}
		int count = attributes(kept);
		// prefixes are resolved once the whole tag is read, as its own declarations may follow their use
		if (colon >= 0 && (sameBytes(from, colon, XMLNS) || namespace(from, colon) == null)) {
			throw malformed();
		}
		resolvePrefixedAttributes(count);
		if (doc[at] == '/') {
			at++;
			expect('>');
			endElement();
		}
		else {
			at++;
		}
	}

	/**
	 * The attributes of a start tag, up to (not over) its {@code >} or {@code />}: namespace declarations are
	 * bound, and the unprefixed attributes of an element whose facts are kept go into {@code kept}.
	 */
	private int attributes(Map<String, String> kept) throws IOException {
		int count = 0;
		while (true) {
			boolean separated = skipWhitespace();
			if (at >= end) {
				throw malformed();
			}
			if (doc[at] == '>' || doc[at] == '/') {
				return count;
			}
			if (!separated || count == MAX_ATTRIBUTES) {
				throw malformed();
			}
			int from = at;
			int colon = -1;
			int to = ncName(from);
			if (to < end && doc[to] == ':') {
				colon = to;
				to = ncName(colon + 1);
			}
			for (int i = 0; i < count; i++) {
				if (sameBytes(from, to, attributeFrom[i], attributeTo[i])) {
					throw malformed();
				}
			}
			attributeFrom[count] = from;
			attributeColon[count] = colon;
			attributeTo[count] = to;
			attributeNamespace[count] = null;
			count++;
			at = to;
			skipWhitespace();
			expect('=');
			skipWhitespace();
			boolean declaration = colon < 0 ? sameBytes(from, to, XMLNS) : sameBytes(from, colon, XMLNS);
			boolean keep = kept != null && colon < 0 && !declaration;
			String value = attributeValue(declaration || keep);
			if (declaration) {
				declare(colon, to, value);
			}
			else if (keep) {
				kept.put(utf8String(from, to), value);
			}
		}
	}

	/**
	 * Finds the namespace of each prefixed attribute (not a declaration) of the tag just read, refusing an
	 * unbound prefix and two attributes with the same namespace and local name under different prefixes.
	 */
	private void resolvePrefixedAttributes(int count) throws IOException {
		for (int i = 0; i < count; i++) {
			int colon = attributeColon[i];
			if (colon < 0 || sameBytes(attributeFrom[i], colon, XMLNS)) {
				continue;
			}
			String namespace = namespace(attributeFrom[i], colon);
			if (namespace == null) {
				throw malformed();
			}
			for (int j = 0; j < i; j++) {
				if (namespace.equals(attributeNamespace[j])
						&& sameBytes(colon + 1, attributeTo[i], attributeColon[j] + 1, attributeTo[j])) {
					throw malformed();
				}
			}
			attributeNamespace[i] = namespace;
		}
	}

	/** Binds a prefix ({@code colon} -1: the default namespace) as XML Namespaces allow. */
	private void declare(int colon, int to, String namespace) throws IOException {
		if (colon < 0) {
			if (namespace.equals(XML_NAMESPACE) || namespace.equals(XMLNS_NAMESPACE)) {
				throw malformed();
			}
			// unprefixed names are read by their local names, so the default namespace is not needed
			return;
		}
		int from = colon + 1;
		if (sameBytes(from, to, XML)) {
			if (!namespace.equals(XML_NAMESPACE)) {
				throw malformed();
			}
			return;
		}
		if (sameBytes(from, to, XMLNS) || namespace.isEmpty() || namespace.equals(XML_NAMESPACE)
				|| namespace.equals(XMLNS_NAMESPACE) || bindings == MAX_BINDINGS) {
			throw malformed();
		}
		prefixFrom[bindings] = from;
		prefixTo[bindings] = to;
		prefixNamespace[bindings] = namespace;
		bindings++;
	}

	/** The namespace the prefix between {@code from} and {@code to} names in scope, or null. */
	private String namespace(int from, int to) {
		if (sameBytes(from, to, XML)) {
			return XML_NAMESPACE;
		}
		for (int i = bindings - 1; i >= 0; i--) {
			if (sameBytes(from, to, prefixFrom[i], prefixTo[i])) {
				return prefixNamespace[i];
			}
		}
		return null;
	}

	/** A quoted attribute value, decoded when {@code decode} (otherwise only checked, and null). */
	private String attributeValue(boolean decode) throws IOException {
		if (at >= end || doc[at] != '"' && doc[at] != '\'') {
			throw malformed();
		}
		byte quote = doc[at++];
		int from = at;
		boolean plain = attributeCharacters(quote, null);
		int to = at++;
		if (!decode) {
			return null;
		}
		if (plain) {
			return asciiString(from, to);
		}
		StringBuilder value = new StringBuilder(to - from);
		at = from;
		attributeCharacters(quote, value);
		at++;
		return value.toString();
	}

	/**
	 * Reads an attribute value up to its closing quote, appending it to {@code into} if not null with
	 * references replaced and white space normalized to spaces; whether it was plain ASCII, its own value.
	 */
	private boolean attributeCharacters(byte quote, StringBuilder into) throws IOException {
		boolean plain = true;
		while (true) {
			at = printable(quote, into);
			if (at >= end) {
				throw malformed();
			}
			int b = doc[at];
			if (b == quote) {
				return plain;
			}
			plain = false;
			if (b == '&') {
				int c = reference();
				if (into != null) {
					into.appendCodePoint(c);
				}
			}
			else if (b == '\t' || b == '\n' || b == '\r') {
				// a line end (CR LF, CR or LF) is one space, like every other white space character
				at += b == '\r' && at + 1 < end && doc[at + 1] == '\n' ? 2 : 1;
				if (into != null) {
					into.append(' ');
				}
			}
			else if (b < 0) {
				multiByte(into);
			}
			else {
				throw malformed();
			}
		}
	}

	/** Character data up to the next markup, collected for the open captures if there are some. */
	private void text() throws IOException {
		StringBuilder into = captures.isEmpty() ? null : captured;
		int from = at;
		while (true) {
			at = printable((byte) '>', into);
			if (at >= end) {
				return;
			}
			int b = doc[at];
			if (b == '<') {
				return;
			}
			if (b == '&') {
				int c = reference();
				if (into != null) {
					into.appendCodePoint(c);
				}
			}
			else if (b == '>' && at - from >= 2 && doc[at - 1] == ']' && doc[at - 2] == ']') {
				// "]]>" only ever closes a CDATA section
				throw malformed();
			}
			else {
				character(into);
			}
		}
	}

	/** The rest of a CDATA section after {@code <![CDATA[}: its characters are text. */
	private void cdata() throws IOException {
		StringBuilder into = captures.isEmpty() ? null : captured;
		while (!skip("]]>")) {
			if (at >= end) {
				throw malformed();
			}
			character(into);
		}
	}

	/** The rest of a comment after {@code <!--}, which may not contain {@code --}. */
	private void comment() throws IOException {
		while (!skip("--")) {
			if (at >= end) {
				throw malformed();
			}
			character(null);
		}
		expect('>');
	}

	/** The rest of a processing instruction after {@code <?}; its target has no colon, as XML Namespaces ask. */
	private void processingInstruction() throws IOException {
		int from = at;
		at = ncName(from);
		if (at - from == 3 && (doc[from] | 0x20) == 'x' && (doc[from + 1] | 0x20) == 'm'
				&& (doc[from + 2] | 0x20) == 'l') {
			// "xml" in any case is reserved: the declaration, which is only allowed first, was read by prolog()
			throw malformed();
		}
		if (!startsWith("?>") && !skipWhitespace()) {
			throw malformed();
		}
		while (!skip("?>")) {
			if (at >= end) {
				throw malformed();
			}
			character(null);
		}
	}

	private void endTag() throws IOException {
		at += 2;
		int length = nameTo[depth] - nameFrom[depth];
		if (end - at < length || !sameBytes(at, at + length, nameFrom[depth], nameTo[depth])) {
			throw malformed();
		}
		at += length;
		skipWhitespace();
		expect('>');
		endElement();
	}

	private void endElement() {
		for (int i = captures.size() - 1; i >= 0; i--) {
			Capture capture = captures.get(i);
			if (capture.depth == depth) {
				texts.put(capture.name, captured.substring(capture.from).trim());
				captures.remove(i);
			}
		}
		if (captures.isEmpty()) {
			captured.setLength(0);
		}
		if (depth == bodyDepth) {
			bodyDone = true;
		}
		bindings = bindingsBefore[depth];
		depth--;
	}

	/**
	 * The end of the run of printable ASCII from the cursor that needs no closer look (no {@code <}, {@code &}
	 * or {@code stop}), appended to {@code into} if not null. Most of a document is such runs; the cursor is
	 * left alone as a local index is cheaper under C1 than the field.
	 */
	private int printable(byte stop, StringBuilder into) {
		int i = at;
		while (i < end) {
			int b = doc[i];
			if (b < ' ' || b == '<' || b == '&' || b == stop) {
				break;
			}
			i++;
		}
		if (into != null) {
			for (int k = at; k < i; k++) {
				into.append((char) doc[k]);
			}
		}
		return i;
	}

	/**
	 * Steps over one character of text, appending it to {@code into} if not null with a line end (CR LF, CR
	 * or LF) read as LF; refuses what is not an XML character.
	 */
	private void character(StringBuilder into) throws IOException {
		int b = doc[at];
		if (b >= ' ' || b == '\t' || b == '\n') {
			if (into != null) {
				into.append((char) b);
			}
			at++;
		}
		else if (b == '\r') {
			if (into != null) {
				into.append('\n');
			}
			at += at + 1 < end && doc[at + 1] == '\n' ? 2 : 1;
		}
		else if (b < 0) {
			multiByte(into);
		}
		else {
			throw malformed();
		}
	}

	/** The character an entity or character reference at {@code &} stands for; only XML's own five are known. */
	private int reference() throws IOException {
		at++;
		if (at < end && doc[at] == '#') {
			return characterReference();
		}
		if (skip("lt;")) {
			return '<';
		}
		if (skip("gt;")) {
			return '>';
		}
		if (skip("amp;")) {
			return '&';
		}
		if (skip("quot;")) {
			return '"';
		}
		if (skip("apos;")) {
			return '\'';
		}
		throw malformed();
	}

	/** {@code &#digits;} or {@code &#xhex;}, from the {@code #}. */
	private int characterReference() throws IOException {
		at++;
		int radix = 10;
		if (at < end && doc[at] == 'x') {
			radix = 16;
			at++;
		}
		int from = at;
		int c = 0;
		while (at < end && doc[at] != ';') {
			int digit = Character.digit(doc[at++], radix);
			c = c * radix + digit;
			if (digit < 0 || c > Character.MAX_CODE_POINT) {
				throw malformed();
			}
		}
		if (at == from || at >= end || !isXmlCharacter(c)) {
			throw malformed();
		}
		at++;
		return c;
	}

	/**
	 * The code point of the UTF-8 sequence at {@code i} (whose first byte is not ASCII), refusing malformed,
	 * overlong or surrogate sequences and the two code points XML excludes.
	 */
	private int codePoint(int i) throws IOException {
		int lead = doc[i] & 0xff;
		int length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
		if (lead < 0xc2 || lead > 0xf4 || end - i < length) {
			throw malformed();
		}
		int c = lead & 0x3f >> length - 1;
		for (int k = 1; k < length; k++) {
			int next = doc[i + k];
			if ((next & 0xc0) != 0x80) {
				throw malformed();
			}
			c = c << 6 | next & 0x3f;
		}
		if (length == 3 && c < 0x800 || length == 4 && c < 0x10000 || !isXmlCharacter(c)) {
			throw malformed();
		}
		return c;
	}

	/** The UTF-8 character at {@code at}, appended to {@code into} when collecting; {@code at} moves past it. */
	private void multiByte(StringBuilder into) throws IOException {
		int c = codePoint(at);
		if (into != null) {
			into.appendCodePoint(c);
		}
		at += utf8Length(c);
	}

	private static int utf8Length(int c) {
		return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	}

	private static boolean isXmlCharacter(int c) {
		return c >= 0x20 && c <= 0xd7ff || c == '\t' || c == '\n' || c == '\r' || c >= 0xe000 && c <= 0xfffd
				|| c >= 0x10000 && c <= Character.MAX_CODE_POINT;
	}

	/** The end of the name without colons (NCName) starting at {@code from}; refuses an empty or bad one. */
	private int ncName(int from) throws IOException {
		int i = from;
		while (i < end) {
			int b = doc[i];
			if (b >= 0) {
				// a long shifts by its distance modulo 64: one mask for codes 0 to 63, one for 64 to 127
				long allowed = b >= 64 ? NAME_HIGH : i == from ? 0 : NAME_LOW;
				if ((allowed >>> b & 1) == 0) {
					break;
				}
				i++;
			}
			else {
				int c = codePoint(i);
				if (!(i == from ? isNameStart(c) : isNameStart(c) || isNameCharacter(c))) {
					break;
				}
				i += utf8Length(c);
			}
		}
		if (i == from) {
			throw malformed();
		}
		return i;
	}

	/** Non-ASCII name start characters (XML 1.0, fifth edition). */
	private static boolean isNameStart(int c) {
		return c >= 0xc0 && c <= 0xd6 || c >= 0xd8 && c <= 0xf6 || c >= 0xf8 && c <= 0x2ff
				|| c >= 0x370 && c <= 0x37d || c >= 0x37f && c <= 0x1fff || c == 0x200c || c == 0x200d
				|| c >= 0x2070 && c <= 0x218f || c >= 0x2c00 && c <= 0x2fef || c >= 0x3001 && c <= 0xd7ff
				|| c >= 0xf900 && c <= 0xfdcf || c >= 0xfdf0 && c <= 0xfffd || c >= 0x10000 && c <= 0xeffff;
	}

	/** Non-ASCII name characters that may not start a name (XML 1.0, fifth edition). */
	private static boolean isNameCharacter(int c) {
		return c == 0xb7 || c >= 0x300 && c <= 0x36f || c == 0x203f || c == 0x2040;
	}

	private boolean skipWhitespace() {
		int from = at;
		while (at < end && isWhitespace(doc[at])) {
			at++;
		}
		return at > from;
	}

	private static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t';
	}

	private void expect(char c) throws IOException {
		if (at >= end || doc[at] != c) {
			throw malformed();
		}
		at++;
	}

	/** Steps over {@code s} (ASCII) if the document continues with it at the cursor. */
	private boolean skip(String s) {
		if (!startsWith(s)) {
			return false;
		}
		at += s.length();
		return true;
	}

	/** Whether the document continues with {@code s} (ASCII) at the cursor. */
	private boolean startsWith(String s) {
		if (end - at < s.length()) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			if (doc[at + i] != s.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private boolean sameBytes(int from, int to, byte[] other) {
		return Arrays.equals(doc, from, to, other, 0, other.length);
	}

	private boolean sameBytes(int from, int to, int otherFrom, int otherTo) {
		return Arrays.equals(doc, from, to, doc, otherFrom, otherTo);
	}

	private String asciiString(int from, int to) {
		return new String(doc, from, to - from, StandardCharsets.ISO_8859_1);
	}

	private String utf8String(int from, int to) {
		return new String(doc, from, to - from, StandardCharsets.UTF_8);
	}

	private static IOException malformed() {
		return new IOException("malformed XML");
	}

	private record Capture(String name, int depth, int from) {
	}

}
