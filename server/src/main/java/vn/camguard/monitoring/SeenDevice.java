package vn.camguard.monitoring;

import java.util.List;

/**
 * A device one scan part found, as the scanner reported it. Vendor, model and firmware are the device's own text and
 * stay text; MAC and serial are null when the scan did not learn them.
 */
public record SeenDevice(String address, List<Integer> openPorts, String vendor, String model, String firmware,
		String kind, String mac, String serial) {

	public SeenDevice {
		openPorts = List.copyOf(openPorts);
	}

}
