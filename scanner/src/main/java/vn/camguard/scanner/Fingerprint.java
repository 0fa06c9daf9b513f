package vn.camguard.scanner;

import vn.camguard.scanner.wire.Excerpt;

import java.util.List;

/**
 * Who a device is: vendor, model, firmware version and kind, each possibly empty when nothing told,
 * plus the evidence that decided them. Values are as the device reported them (untrusted text).
 */
public record Fingerprint(String vendor, String model, String firmware, DeviceKind kind, List<Evidence> evidence) {

	public Fingerprint {
		// Device-supplied text: cut and stripped of control characters, kept otherwise as sent.
		vendor = Excerpt.of(vendor);
		model = Excerpt.of(model);
		firmware = Excerpt.of(firmware);
		evidence = List.copyOf(evidence);
	}

	public static Fingerprint unknown() {
		return new Fingerprint("", "", "", DeviceKind.UNKNOWN, List.of());
	}

	public boolean identified() {
		return !vendor.isEmpty();
	}

}
