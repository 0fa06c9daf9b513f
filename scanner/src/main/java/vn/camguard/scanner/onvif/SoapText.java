package vn.camguard.scanner.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads fields out of a SOAP reply by element local name. Device XML is untrusted: rather than handing
 * it to an XML parser (entities, depth, size), the bounded text is scanned for simple elements only.
 */
public record SoapText(String xml) {

	private static final int MAX_VALUE = 256;

	private static final int MAX_ATTRIBUTES = 512;

	/** Text of the first element with this local name, any prefix, entities decoded; empty if absent. */
	public Optional<String> first(String localName) {
		List<String> all = all(localName, 1);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
	}

	/**
	 * Texts of the elements with this local name, in document order, at most {@code limit}: a start tag
	 * {@code <[prefix:]name[ attributes]>} (attributes up to 512 characters), then at most 256 characters of text
	 * and an end tag. Elements with children or longer text are passed over. A plain scan, no regex: it runs
	 * for every SOAP reply of every device.
	 */
	public List<String> all(String localName, int limit) {
		List<String> values = new ArrayList<>();
		int from = 0;
		while (values.size() < limit) {
			int lt = xml.indexOf('<', from);
			if (lt < 0) {
				break;
			}
			from = lt + 1;
			int nameEnd = nameEnd(lt, localName);
			if (nameEnd < 0 || nameEnd >= xml.length()) {
				continue;
			}
			int gt;
			char next = xml.charAt(nameEnd);
			if (next == '>') {
				gt = nameEnd;
			}
			else if (isSpace(next)) {
				gt = xml.indexOf('>', nameEnd + 1);
				if (gt < 0 || gt - nameEnd - 1 > MAX_ATTRIBUTES) {
					continue;
				}
			}
			else {
				continue;
			}
			int close = xml.indexOf('<', gt + 1);
			if (close < 0 || close - gt - 1 > MAX_VALUE || !xml.startsWith("</", close)) {
				continue;
			}
			values.add(decode(xml.substring(gt + 1, close).strip()));
			from = close + 2;
		}
		return values;
	}

	public boolean hasElement(String localName) {
		for (int lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
			int nameEnd = nameEnd(lt, localName);
			if (nameEnd >= 0 && nameEnd < xml.length()) {
				char next = xml.charAt(nameEnd);
				if (next == '>' || next == '/' || isSpace(next)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Where {@code localName} ends in a tag opening at {@code lt} as {@code <name} or {@code <prefix:name}; -1 if not. */
	private int nameEnd(int lt, String localName) {
		int name = lt + 1;
		int prefixEnd = name;
		while (prefixEnd < xml.length() && isPrefixChar(xml.charAt(prefixEnd))) {
			prefixEnd++;
		}
		if (prefixEnd > name && prefixEnd < xml.length() && xml.charAt(prefixEnd) == ':'
				&& xml.startsWith(localName, prefixEnd + 1)) {
			return prefixEnd + 1 + localName.length();
		}
		return xml.startsWith(localName, name) ? name + localName.length() : -1;
	}

	private static boolean isPrefixChar(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
	}

	/** Whether the reply is a SOAP Fault. */
	public boolean isFault() {
		return hasElement("Fault");
	}

	static String decode(String text) {
		return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
				.replace("&amp;", "&");
	}

}
