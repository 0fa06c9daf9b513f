package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Fingerprint;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.cve.CveCatalogue;

import java.util.List;

/**
 * {@code CG-FW-CVE}: the fingerprinted firmware (or server banner) falls inside the affected range of known
 * CVEs. Decided by version comparison only; no exploit is sent. One finding listing every matching CVE.
 */
public final class FirmwareCveCheck implements Check {

	public static final String ID = "CG-FW-CVE";

	private final CveCatalogue cves;

	public FirmwareCveCheck(CveCatalogue cves) {
		this.cves = cves;
	}

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceObservations device) {
		List<CveCatalogue.Match> matches = matches(cves, device);
		if (matches.isEmpty()) {
			return List.of();
		}
		double worst = matches.stream().mapToDouble(m -> m.cve().score().orElse(7.0)).max().orElse(7.0);
		Severity severity = worst >= 9 ? Severity.CRITICAL : worst >= 7 ? Severity.HIGH : Severity.MEDIUM;
		Fingerprint fp = device.fingerprint();
		List<Evidence> evidence = matches.stream().map(m -> new Evidence(m.cve().id(),
				fp.vendor() + " " + fp.model() + " firmware \"" + fp.firmware() + "\" matches " + m.range().rule() + " "
						+ m.range().bounds() + " (" + m.cve().kind() + ")"))
				.toList();
		return List.of(new Finding(ID, severity, Qcvn.VULNERABILITY_MANAGEMENT.label(),
				"Firmware affected by known vulnerabilities", evidence,
				matches.stream().map(m -> m.cve().id()).toList()));
	}

	static List<CveCatalogue.Match> matches(CveCatalogue cves, DeviceObservations device) {
		Fingerprint fp = device.fingerprint();
		if (!fp.identified()) {
			return List.of();
		}
		String server = device.page().map(p -> p.server()).orElse("");
		return cves.affecting(fp.vendor(), fp.model(), fp.firmware(), server);
	}

}
