package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;

import java.util.List;

/**
 * {@code CG-WEB-CLEARTEXT}: the web administration is served over plain HTTP and no HTTPS is offered, so
 * passwords and sessions cross the network in clear text.
 */
public final class CleartextWebCheck implements Check {

	public static final String ID = "CG-WEB-CLEARTEXT";

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceObservations device) {
		if (device.httpsOffered() || device.cleartextPage().isEmpty() || !device.fingerprint().identified()) {
			return List.of();
		}
		var page = device.cleartextPage().get();
		return List.of(new Finding(ID, Severity.MEDIUM, Qcvn.SECURE_COMMUNICATION.label(),
				"Web administration only over clear-text HTTP",
				List.of(new Evidence("http", page.url() + " -> " + page.status() + " (title \"" + page.title()
						+ "\"), no redirect to HTTPS; port 443 offers no TLS")),
				List.of()));
	}

}
