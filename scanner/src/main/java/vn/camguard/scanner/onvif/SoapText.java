package vn.camguard.scanner.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads fields out of a SOAP reply by element local name. Device XML is untrusted: rather than handing
 * it to an XML parser (entities, depth, size), the bounded text is scanned for simple elements only.
 */
public record SoapText(String xml) {

	private static final int MAX_VALUE = 256;

	/** Text of the first element with this local name, any prefix, entities decoded; empty if absent. */
	public Optional<String> first(String localName) {
		List<String> all = all(localName, 1);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
	}

	public List<String> all(String localName, int limit) {
		Pattern pattern = Pattern.compile("<(?:[A-Za-z0-9_.-]+:)?" + Pattern.quote(localName)
				+ "(?:\\s[^>]{0,512})?>([^<]{0," + MAX_VALUE + "})</");
		Matcher m = pattern.matcher(xml);
		List<String> values = new ArrayList<>();
		while (m.find() && values.size() < limit) {
			values.add(decode(m.group(1).strip()));
		}
		return values;
	}

	public boolean hasElement(String localName) {
		return Pattern.compile("<(?:[A-Za-z0-9_.-]+:)?" + Pattern.quote(localName) + "[\\s/>]").matcher(xml).find();
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
