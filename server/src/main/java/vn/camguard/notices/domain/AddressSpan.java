package vn.camguard.notices.domain;

import java.math.BigInteger;
import java.util.Optional;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * The addresses one mapping row gives a subscriber: a single address, a CIDR block or {@code first-last}, IPv4 or
 * IPv6, as first and last number of one address family.
 *
 * @param ipv6 the family
 * @param first lowest address as a number
 * @param last highest address as a number
 */
public record AddressSpan(boolean ipv6, BigInteger first, BigInteger last) {

	/** The span a mapping cell names, or empty if it is none of the three forms (a CIDR must have no host bits). */
	public static Optional<AddressSpan> parse(String text) {
		if (text == null || text.isBlank() || text.length() > 100) {
			return Optional.empty();
		}
		String[] ends = text.strip().split("\\s*-\\s*", -1);
		if (ends.length == 2) {
			Optional<IPAddress> from = single(ends[0]);
			Optional<IPAddress> to = single(ends[1]);
			if (from.isEmpty() || to.isEmpty() || from.get().isIPv6() != to.get().isIPv6()
					|| from.get().getValue().compareTo(to.get().getValue()) > 0) {
				return Optional.empty();
			}
			return Optional.of(new AddressSpan(from.get().isIPv6(), from.get().getValue(), to.get().getValue()));
		}
		if (ends.length != 1) {
			return Optional.empty();
		}
		IPAddress address = new IPAddressString(ends[0]).getAddress();
		if (address == null || (address.isPrefixed() && !address.isPrefixBlock())
				|| (!address.isPrefixed() && address.isMultiple())) {
			return Optional.empty();
		}
		return Optional.of(new AddressSpan(address.isIPv6(), address.getValue(), address.getUpperValue()));
	}

	/** The one address a finding names, or empty if it is not an address. */
	public static Optional<AddressSpan> ofAddress(String text) {
		return text == null ? Optional.empty() : single(text.strip())
			.map(address -> new AddressSpan(address.isIPv6(), address.getValue(), address.getValue()));
	}

	public boolean overlaps(AddressSpan other) {
		return ipv6 == other.ipv6 && first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
	}

	public boolean contains(AddressSpan address) {
		return ipv6 == address.ipv6 && first.compareTo(address.first) <= 0 && last.compareTo(address.last) >= 0;
	}

	private static Optional<IPAddress> single(String text) {
		IPAddress address = new IPAddressString(text).getAddress();
		return address == null || address.isPrefixed() || address.isMultiple() ? Optional.empty()
				: Optional.of(address);
	}

}
