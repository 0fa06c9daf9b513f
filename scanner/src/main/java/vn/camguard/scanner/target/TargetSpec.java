package vn.camguard.scanner.target;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * One target as the user wrote it: an IP, a CIDR block, a range {@code a-b} (or {@code 10.0.0.1-20}),
 * or a host name. Parsing never touches the network except to resolve host names.
 */
public record TargetSpec(String text, List<IPAddressSeqRange> ranges) {

	public TargetSpec {
		ranges = List.copyOf(ranges);
	}

	/** Parses one target; host names are resolved with the system resolver. */
	public static TargetSpec parse(String raw) {
		String text = raw.strip();
		if (text.isEmpty()) {
			throw new TargetException("empty target");
		}
		int dash = text.indexOf('-');
		if (dash > 0 && !text.contains("/") && looksNumeric(text.substring(0, dash))) {
			IPAddress lower = address(text.substring(0, dash), text);
			String upperText = text.substring(dash + 1);
			IPAddress upper = upperText.contains(".") || upperText.contains(":")
					? address(upperText, text)
					: address(replaceLastOctet(text.substring(0, dash), upperText), text);
			if (lower.getIPVersion() != upper.getIPVersion()) {
				throw new TargetException("range mixes IPv4 and IPv6: " + text);
			}
			if (lower.compareTo(upper) > 0) {
				throw new TargetException("range runs backwards: " + text);
			}
			return new TargetSpec(text, List.of(lower.spanWithRange(upper)));
		}
		IPAddressString parsed = new IPAddressString(text);
		if (parsed.isIPAddress()) {
			IPAddress address = parsed.getAddress();
			IPAddress block = address.isPrefixed() ? address.toPrefixBlock() : address;
			return new TargetSpec(text, List.of(block.toSequentialRange()));
		}
		if (looksNumeric(text) || !validHostName(text)) {
			throw new TargetException("not an IP, CIDR, range or host name: " + text);
		}
		return new TargetSpec(text, resolve(text));
	}

	/** How many addresses this target covers. */
	public long count() {
		long total = 0;
		for (IPAddressSeqRange range : ranges) {
			total += range.getCount().min(java.math.BigInteger.valueOf(Long.MAX_VALUE / 4)).longValue();
		}
		return total;
	}

	private static List<IPAddressSeqRange> resolve(String host) {
		try {
			List<IPAddressSeqRange> found = new ArrayList<>();
			for (InetAddress address : InetAddress.getAllByName(host)) {
				found.add(new IPAddressString(address.getHostAddress()).getAddress().toSequentialRange());
			}
			return found;
		}
		catch (UnknownHostException ex) {
			throw new TargetException("unknown host: " + host);
		}
	}

	private static IPAddress address(String text, String whole) {
		try {
			IPAddress address = new IPAddressString(text.strip()).toAddress();
			if (address.isMultiple() || address.isPrefixed()) {
				throw new TargetException("a range end must be a single address: " + whole);
			}
			return address;
		}
		catch (AddressStringException ex) {
			throw new TargetException("bad address in " + whole + ": " + ex.getMessage());
		}
	}

	private static String replaceLastOctet(String address, String octet) {
		int dot = address.lastIndexOf('.');
		if (dot < 0) {
			throw new TargetException("short range form needs IPv4: " + address + "-" + octet);
		}
		return address.substring(0, dot + 1) + octet;
	}

	private static boolean looksNumeric(String text) {
		return text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || c == '/'
				|| (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) && text.chars().anyMatch(c -> c == '.' || c == ':');
	}

	private static boolean validHostName(String text) {
		return text.length() <= 253 && text.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9-]{1,63})*\\.?");
	}

}
