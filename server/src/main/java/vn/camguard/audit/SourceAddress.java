package vn.camguard.audit;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * One way to write the address a change came from: an IPv4 address mapped into IPv6
 * ({@code ::ffff:10.0.0.5}) as the IPv4 address, other IPv6 addresses in their shortest form
 * ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}), anything that is not plainly one address (a proxy's
 * name, a port, an old octal or hexadecimal IPv4 form that could be read two ways) as it came.
 */
public final class SourceAddress {

	private static final IPAddressStringParameters PLAIN_ADDRESS;

	static {
		IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder().allowEmpty(false)
			.allowAll(false)
			.allowPrefix(false)
			.allowMask(false)
			.allowSingleSegment(false);
		builder.getIPv4AddressParametersBuilder()
			.allow_inet_aton(false)
			.allowLeadingZeros(false)
			.allowWildcardedSeparator(false)
			.setRangeOptions(RangeParameters.NO_RANGE);
		builder.getIPv6AddressParametersBuilder()
			.allowWildcardedSeparator(false)
			.setRangeOptions(RangeParameters.NO_RANGE);
		PLAIN_ADDRESS = builder.toParams();
	}

	private SourceAddress() {
	}

	public static String canonical(String address) {
		if (address == null || address.isBlank()) {
			return address;
		}
		IPAddress ip = new IPAddressString(address.strip(), PLAIN_ADDRESS).getAddress();
		if (ip == null) {
			return address;
		}
		if (ip.isIPv6() && ip.toIPv6().isIPv4Mapped()) {
			return ip.toIPv6().getEmbeddedIPv4Address().toCanonicalString();
		}
		return ip.toCanonicalString();
	}

}
