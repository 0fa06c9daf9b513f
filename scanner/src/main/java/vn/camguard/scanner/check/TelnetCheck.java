package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;

import java.util.List;

/** {@code CG-SVC-TELNET}: a telnet service listens (clear-text remote shell login; needless on a camera). */
public final class TelnetCheck implements Check {

	public static final String ID = "CG-SVC-TELNET";

	public static final int PORT = 23;

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceContext device) {
		if (!device.openPorts().contains(PORT)) {
			return List.of();
		}
		String banner = device.telnetBanner().map(b -> ", banner \"" + b + "\"").orElse("");
		return List.of(new Finding(ID, Severity.HIGH, Qcvn.ATTACK_SURFACE.label(), "Telnet service open",
				List.of(new Evidence("tcp/23", "connect accepted" + banner)), List.of()));
	}

}
