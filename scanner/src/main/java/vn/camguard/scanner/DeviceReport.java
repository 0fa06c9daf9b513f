package vn.camguard.scanner;

import java.util.List;

/**
 * The result for one scanned address: open TCP ports, the fingerprint, the findings, and notes about
 * anything that went wrong while talking to it (timeouts, garbage), plus how long it took. {@code mac} and
 * {@code serial} name the device itself where it told them (normalised by {@link DeviceIdentifiers}; empty when
 * it did not), so that a device found at another address than the inventory's is still recognised.
 */
public record DeviceReport(String address, List<Integer> openPorts, Fingerprint fingerprint, List<Finding> findings,
		List<String> notes, long millis, String mac, String serial) {

	public DeviceReport {
		openPorts = List.copyOf(openPorts);
		findings = List.copyOf(findings);
		notes = List.copyOf(notes);
		mac = DeviceIdentifiers.mac(mac);
		serial = DeviceIdentifiers.serial(serial);
	}

	/** A report that names no MAC or serial (as every report did before the scanner learnt them). */
	public DeviceReport(String address, List<Integer> openPorts, Fingerprint fingerprint, List<Finding> findings,
			List<String> notes, long millis) {
		this(address, openPorts, fingerprint, findings, notes, millis, "", "");
	}

	/** Whether anything answered on this address. */
	public boolean alive() {
		return !openPorts.isEmpty() || fingerprint.identified();
	}

	public boolean has(String checkId) {
		return findings.stream().anyMatch(f -> f.checkId().equals(checkId));
	}

}
