package vn.camguard.monitoring.finding;

import java.util.ArrayList;
import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * An IPv4 address range a findings list is narrowed to, given as a CIDR block ({@code 10.1.0.0/16}), a first and
 * last address ({@code 10.1.0.10-10.1.0.99}) or one address. Findings keep their address as text, so the range
 * becomes the few text conditions that match exactly its addresses: each prefix block of the range is a dotted
 * prefix ({@code LIKE '10.1.%'}) when it ends on an octet, otherwise a handful of such prefixes or exact addresses.
 *
 * @param conditions each a LIKE pattern ending in {@code %} or an exact address
 */
public record AddressRange(String text, List<String> conditions) {

	/** More conditions than this means a range so ragged that a CIDR block should be asked for instead. */
	static final int MAX_CONDITIONS = 256;

	public AddressRange {
		conditions = List.copyOf(conditions);
	}

	public static AddressRange parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String clean = text.strip();
		IPAddress[] blocks;
		try {
			int dash = clean.indexOf('-');
			if (dash > 0) {
				IPAddress first = new IPAddressString(clean.substring(0, dash).strip()).toAddress();
				IPAddress last = new IPAddressString(clean.substring(dash + 1).strip()).toAddress();
				requireIpv4(first);
				requireIpv4(last);
				blocks = first.spanWithPrefixBlocks(last);
			}
			else {
				IPAddress address = new IPAddressString(clean).toAddress();
				requireIpv4(address);
				blocks = new IPAddress[] { address.getNetworkPrefixLength() == null ? address : address.toPrefixBlock() };
			}
		}
		catch (inet.ipaddr.AddressStringException | inet.ipaddr.IncompatibleAddressException ex) {
			throw new FindingRuleViolation("range", "bad-range");
		}
		List<String> conditions = new ArrayList<>();
		for (IPAddress block : blocks) {
			addConditions(block, conditions);
			if (conditions.size() > MAX_CONDITIONS) {
				throw new FindingRuleViolation("range", "range-too-ragged");
			}
		}
		return new AddressRange(clean, conditions);
	}

	private static void requireIpv4(IPAddress address) {
		if (address == null || !address.isIPv4()) {
			throw new FindingRuleViolation("range", "range-ipv4-only");
		}
	}

	private static void addConditions(IPAddress block, List<String> conditions) {
		int prefix = block.getNetworkPrefixLength() == null || !block.isMultiple() ? 32 : block.getNetworkPrefixLength();
		int[] octets = new int[4];
		for (int i = 0; i < 4; i++) {
			octets[i] = block.getLower().getSegment(i).getSegmentValue();
		}
		if (prefix == 32) {
			conditions.add(dotted(octets, 4));
			return;
		}
		int whole = prefix / 8;
		int free = 8 - prefix % 8;
		if (free == 8) {
			conditions.add(whole == 0 ? "%" : dotted(octets, whole) + ".%");
			return;
		}
		for (int v = octets[whole]; v < octets[whole] + (1 << free); v++) {
			int[] varied = octets.clone();
			varied[whole] = v;
			conditions.add(whole == 3 ? dotted(varied, 4) : dotted(varied, whole + 1) + ".%");
		}
	}

	private static String dotted(int[] octets, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				text.append('.');
			}
			text.append(octets[i]);
		}
		return text.toString();
	}

}
