package vn.camguard.scanner.scan;

import vn.camguard.scanner.DeviceIdentifiers;
import vn.camguard.scanner.Evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * The serial number and MAC one device told during its visit, each the first plausible value a source gave
 * (normalised by {@link DeviceIdentifiers}; garbage is passed over so a later source may still tell), with the
 * request that told it for the evidence.
 */
final class IdentifiersTold {

	private String serial = "";

	private String mac = "";

	private final List<Evidence> evidence = new ArrayList<>(2);

	void serial(String told, String source) {
		String value = DeviceIdentifiers.serial(told);
		if (serial.isEmpty() && !value.isEmpty()) {
			serial = value;
			evidence.add(new Evidence("serial", "read " + source));
		}
	}

	void mac(String told, String source) {
		String value = DeviceIdentifiers.mac(told);
		if (mac.isEmpty() && !value.isEmpty()) {
			mac = value;
			evidence.add(new Evidence("mac", "read " + source));
		}
	}

	String serial() {
		return serial;
	}

	String mac() {
		return mac;
	}

	boolean complete() {
		return !serial.isEmpty() && !mac.isEmpty();
	}

	List<Evidence> evidence() {
		return List.copyOf(evidence);
	}

}
