package vn.camguard.audit;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * One way to write the address a change came from: an IPv4 address mapped into IPv6
 * ({@code ::ffff:10.0.0.5}) as the IPv4 address, other IPv6 addresses in their shortest form
 * ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}), anything that is not an address (a proxy's name) as
 * it came.
 */
public final class SourceAddress {

	private SourceAddress() {
	}

	public static String canonical(String address) {
		if (address == null || address.isBlank()) {
			return address;
		}
		IPAddress ip = new IPAddressString(address.strip()).getAddress();
		if (ip == null) {
			return address;
		}
		if (ip.isIPv6() && ip.toIPv6().isIPv4Mapped()) {
			return ip.toIPv6().getEmbeddedIPv4Address().toCanonicalString();
		}
		return ip.toCanonicalString();
	}

}
