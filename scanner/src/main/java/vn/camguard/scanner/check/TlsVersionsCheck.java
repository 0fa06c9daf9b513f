package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;

import java.util.List;
import java.util.Set;

/**
 * {@code CG-TLS-VERSIONS} (informational): the TLS version the device's HTTPS negotiated. Reported as a
 * finding only when it is older than TLS 1.2; otherwise the version is kept as fingerprint evidence.
 */
public final class TlsVersionsCheck implements Check {

	public static final String ID = "CG-TLS-VERSIONS";

	private static final Set<String> CURRENT = Set.of("TLSv1.2", "TLSv1.3");

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceContext device) {
		return device.tlsProtocol().filter(p -> !CURRENT.contains(p))
				.map(p -> List.of(new Finding(ID, Severity.LOW, Qcvn.SECURE_COMMUNICATION.label(),
						"HTTPS negotiates an outdated TLS version",
						List.of(new Evidence("tls/443", "negotiated " + p)), List.of())))
				.orElse(List.of());
	}

}
