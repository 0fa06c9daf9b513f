package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Fingerprint;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.cve.CveCatalogue;
import vn.camguard.scanner.cve.FirmwareVersion;

import java.util.List;
import java.util.Optional;

/**
 * {@code CG-FW-OUTDATED}: the firmware is older than the newest known for the model. Not reported when
 * {@link FirmwareCveCheck} already reports known CVEs for it (that finding says more).
 */
public final class FirmwareOutdatedCheck implements Check {

	public static final String ID = "CG-FW-OUTDATED";

	private final CveCatalogue cves;

	public FirmwareOutdatedCheck(CveCatalogue cves) {
		this.cves = cves;
	}

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceObservations device) {
		Fingerprint fp = device.fingerprint();
		if (fp.firmware().isEmpty() || !FirmwareCveCheck.matches(cves, device).isEmpty()) {
			return List.of();
		}
		Optional<String> newest = cves.newestFirmware(fp.vendor(), fp.model());
		if (newest.isEmpty() || FirmwareVersion.parse(fp.firmware()).compareTo(FirmwareVersion.parse(newest.get())) >= 0) {
			return List.of();
		}
		return List.of(new Finding(ID, Severity.LOW, Qcvn.UPDATE_MANAGEMENT.label(), "Firmware older than the newest known",
				List.of(new Evidence("firmware", fp.model() + " runs \"" + fp.firmware() + "\", newest known \""
						+ newest.get() + "\"")),
				List.of()));
	}

}
