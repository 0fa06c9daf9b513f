package vn.camguard.scanner;

import java.util.List;

/**
 * The result for one scanned address: open TCP ports, the fingerprint, the findings, and notes about
 * anything that went wrong while talking to it (timeouts, garbage), plus how long it took.
 */
public record DeviceReport(String address, List<Integer> openPorts, Fingerprint fingerprint, List<Finding> findings,
		List<String> notes, long millis) {

	public DeviceReport {
		openPorts = List.copyOf(openPorts);
		findings = List.copyOf(findings);
		notes = List.copyOf(notes);
	}

	/** Whether anything answered on this address. */
	public boolean alive() {
		return !openPorts.isEmpty() || fingerprint.identified();
	}

	public boolean has(String checkId) {
		return findings.stream().anyMatch(f -> f.checkId().equals(checkId));
	}

}
