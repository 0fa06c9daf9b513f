package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;

import java.util.List;

/**
 * {@code CG-SVC-TELNET}: a telnet service listens (clear-text remote shell login; needless on a camera), on port 23
 * or on any other port whose bytes showed telnet.
 */
public final class TelnetCheck implements Check {

	public static final String ID = "CG-SVC-TELNET";

	public static final int PORT = 23;

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceObservations device) {
		if (device.telnetPorts().isEmpty()) {
			return List.of();
		}
		List<Evidence> evidence = new java.util.TreeMap<>(device.telnetPorts()).entrySet().stream()
				.map(e -> new Evidence("tcp/" + e.getKey(), "open"
						+ e.getValue().map(b -> ", banner \"" + b + "\"").orElse("")))
				.toList();
		return List.of(new Finding(ID, Severity.HIGH, Qcvn.ATTACK_SURFACE.label(), "Telnet service open", evidence,
				List.of()));
	}

}
