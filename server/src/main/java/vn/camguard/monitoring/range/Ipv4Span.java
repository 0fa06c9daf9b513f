package vn.camguard.monitoring.range;

import java.util.List;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;

/**
 * A run of consecutive IPv4 addresses, read from a CIDR block ({@code 203.0.113.0/24}), a first-last pair
 * ({@code 203.0.113.10-203.0.113.99}) or one address, by the ipaddress library.
 */
public record Ipv4Span(long first, long last) {

	/** The largest span one text may name (a /8); the scanner refuses more than 2^24 hosts at once anyway. */
	public static final long MAX_ADDRESSES = 1L << 24;

	public Ipv4Span {
		if (first < 0 || last > 0xFFFF_FFFFL || first > last) {
			throw new MonitoringRefusal("monitoring.range.invalid", first + "-" + last);
		}
	}

	/** Parses one range text; a text that is not IPv4, backwards or too large is refused with a reason. */
	public static Ipv4Span parse(String text) {
		String trimmed = text == null ? "" : text.strip();
		if (trimmed.isEmpty()) {
			throw new MonitoringRefusal("monitoring.range.empty");
		}
		IPAddressSeqRange range;
		try {
			int dash = trimmed.indexOf('-');
			if (dash > 0) {
				IPAddress from = ipv4(trimmed.substring(0, dash).strip(), trimmed);
				IPAddress to = ipv4(trimmed.substring(dash + 1).strip(), trimmed);
				if (from.compareTo(to) > 0) {
					throw new MonitoringRefusal("monitoring.range.backwards", trimmed);
				}
				range = from.spanWithRange(to);
			}
			else {
				IPAddress address = new IPAddressString(trimmed).toAddress();
				if (!address.isIPv4()) {
					throw new MonitoringRefusal("monitoring.range.notIpv4", trimmed);
				}
				range = address.isPrefixed() ? address.toPrefixBlock().toSequentialRange() : address.toSequentialRange();
			}
		}
		catch (AddressStringException | IllegalArgumentException ex) {
			throw new MonitoringRefusal("monitoring.range.invalid", trimmed);
		}
		Ipv4Span span = new Ipv4Span(number(range.getLower()), number(range.getUpper()));
		if (span.size() > MAX_ADDRESSES) {
			throw new MonitoringRefusal("monitoring.range.tooLarge", trimmed);
		}
		return span;
	}

	/** Several texts separated by commas, blanks or new lines. */
	public static List<Ipv4Span> parseAll(String texts) {
		List<String> parts = texts == null ? List.of()
				: List.of(texts.split("[,;\\s]+")).stream().filter(t -> !t.isBlank()).toList();
		if (parts.isEmpty()) {
			throw new MonitoringRefusal("monitoring.range.empty");
		}
		return parts.stream().map(Ipv4Span::parse).toList();
	}

	private static IPAddress ipv4(String text, String whole) throws AddressStringException {
		IPAddress address = new IPAddressString(text).toAddress();
		if (!address.isIPv4() || address.isPrefixed()) {
			throw new MonitoringRefusal("monitoring.range.notIpv4", whole);
		}
		return address;
	}

	private static long number(IPAddress address) {
		return address.getValue().longValue();
	}

	public long size() {
		return last - first + 1;
	}

	public String firstAddress() {
		return text(first);
	}

	public String lastAddress() {
		return text(last);
	}

	/** The dotted form of an IPv4 number, as the scanner names the addresses it reports. */
	public static String text(long number) {
		return ((number >> 24) & 0xFF) + "." + ((number >> 16) & 0xFF) + "." + ((number >> 8) & 0xFF) + "."
				+ (number & 0xFF);
	}

	@Override
	public String toString() {
		return first == last ? firstAddress() : firstAddress() + "-" + lastAddress();
	}

}
