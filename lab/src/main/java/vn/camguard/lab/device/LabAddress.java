package vn.camguard.lab.device;

/** Reads a device address as a number, for serials and for the garbage device's seed. */
final class LabAddress {

	private LabAddress() {
	}

	/** The last three octets of an IPv4 address as one number. */
	static long number(String address) {
		String[] parts = address.split("\\.");
		return (Long.parseLong(parts[1]) << 16) | (Long.parseLong(parts[2]) << 8) | Long.parseLong(parts[3]);
	}

}
