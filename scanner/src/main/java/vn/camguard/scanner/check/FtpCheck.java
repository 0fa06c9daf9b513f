package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;

import java.util.List;

/**
 * {@code CG-SVC-FTP}: an FTP service listens (clear-text logins and file access; Axis, Hikvision and others
 * ship one, fingerprints.md §0). Needless on a camera in service.
 */
public final class FtpCheck implements Check {

	public static final String ID = "CG-SVC-FTP";

	public static final int PORT = 21;

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceObservations device) {
		if (!device.openPorts().contains(PORT) || !device.fingerprint().identified()) {
			return List.of();
		}
		return List.of(new Finding(ID, Severity.MEDIUM, Qcvn.ATTACK_SURFACE.label(), "FTP service open",
				List.of(new Evidence("tcp/21", "connect accepted")), List.of()));
	}

}
