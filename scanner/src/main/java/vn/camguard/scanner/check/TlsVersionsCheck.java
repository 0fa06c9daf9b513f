package vn.camguard.scanner.check;

import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Severity;
import vn.camguard.scanner.tls.LegacyVersionProbe;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.Watchdog;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code CG-TLS-VERSIONS}: the device's HTTPS still accepts a protocol older than TLS 1.2 (RFC 8996). Besides
 * the version the web probe negotiated, 443 is asked with a ClientHello offering at most TLS 1.1, and, when that
 * is accepted, at most TLS 1.0: the ServerHello or alert answers it without any key exchange. TLS 1.3 is not
 * probed (a 1.3 hello makes the device do a full key exchange and signature for nothing this check reports).
 */
public final class TlsVersionsCheck implements Check {

	public static final String ID = "CG-TLS-VERSIONS";

	private static final int HTTPS = 443;

	private static final Set<String> CURRENT = Set.of("TLSv1.2", "TLSv1.3");

	@Override
	public List<String> ids() {
		return List.of(ID);
	}

	@Override
	public List<Finding> evaluate(DeviceContext device) {
		List<Evidence> evidence = new ArrayList<>();
		device.tlsProtocol().filter(p -> !CURRENT.contains(p))
				.ifPresent(p -> evidence.add(new Evidence("tls/443", "negotiated " + p)));
		if (device.httpsOffered() && device.responsive(HTTPS)) {
			Optional<Integer> below12 = chosenVersion(device, LegacyVersionProbe.TLS11);
			below12.ifPresent(v -> evidence.add(accepted(v, "TLS 1.1")));
			if (below12.filter(v -> v == LegacyVersionProbe.TLS11).isPresent()) {
				chosenVersion(device, LegacyVersionProbe.TLS10).ifPresent(v -> evidence.add(accepted(v, "TLS 1.0")));
			}
		}
		if (evidence.isEmpty()) {
			return List.of();
		}
		return List.of(new Finding(ID, Severity.MEDIUM, Qcvn.SECURE_COMMUNICATION.label(),
				"HTTPS accepts a deprecated TLS version", List.copyOf(evidence), List.of()));
	}

	private static Evidence accepted(int version, String offered) {
		return new Evidence("tls/443", "accepts " + LegacyVersionProbe.name(version) + " (ClientHello offering at most "
				+ offered + ")");
	}

	/** A refusal, a hang-up, a timeout or garbage all mean: not shown to accept it. */
	private static Optional<Integer> chosenVersion(DeviceContext device, int highest) {
		byte[] random = new byte[32];
		ThreadLocalRandom.current().nextBytes(random);
		Connector connector = device.tools().connector();
		try (Socket socket = connector.open(device.host(), HTTPS);
				Watchdog.Watch watch = connector.withinReadTimeout(socket)) {
			// Bounded by the watchdog (0: no timer of its own); a close at the deadline is no answer, as a refusal.
			return LegacyVersionProbe.chosenVersion(socket, highest, random, 0);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
