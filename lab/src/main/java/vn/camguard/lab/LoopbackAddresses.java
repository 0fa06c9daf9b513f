package vn.camguard.lab;

/**
 * IPv4 arithmetic on the loopback block. The lab only ever binds inside 127.0.0.0/8, and skips
 * host numbers ending in .0 and .255 so a scanner that treats /24s classically sees every device.
 */
final class LoopbackAddresses {

	private LoopbackAddresses() {
	}

	static int toInt(String address) {
		String[] parts = address == null ? new String[0] : address.trim().split("\\.", -1);
		if (parts.length != 4) {
			throw new IllegalArgumentException("not an IPv4 address: '" + address + "'");
		}
		int value = 0;
		for (String part : parts) {
			int octet;
			try {
				octet = Integer.parseInt(part);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("not an IPv4 address: '" + address + "'");
			}
			if (octet < 0 || octet > 255) {
				throw new IllegalArgumentException("not an IPv4 address: '" + address + "'");
			}
			value = (value << 8) | octet;
		}
		if ((value >>> 24) != 127) {
			throw new IllegalArgumentException("the lab only uses loopback addresses (127.0.0.0/8): " + address);
		}
		return value;
	}

	static String toText(int value) {
		return (value >>> 24) + "." + ((value >>> 16) & 255) + "." + ((value >>> 8) & 255) + "." + (value & 255);
	}

	/** The next usable device address strictly after {@code value}. */
	static int next(int value) {
		int next = value + 1;
		while ((next & 255) == 0 || (next & 255) == 255) {
			next++;
		}
		if ((next >>> 24) != 127) {
			throw new IllegalArgumentException("fleet runs past the end of 127.0.0.0/8");
		}
		return next;
	}

}
