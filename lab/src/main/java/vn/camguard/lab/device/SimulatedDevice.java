package vn.camguard.lab.device;

import java.io.IOException;

import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.Weakness;
import vn.camguard.lab.tls.LegacyDeviceTls;

/** Binds one device's listeners (its open ports, nothing else) and wires each to its service. */
public final class SimulatedDevice {

	private SimulatedDevice() {
	}

	/**
	 * Starts every listener of {@code spec} on {@code sockets}. {@code nonceKey} keys the device's Digest
	 * nonces (one random key per lab process).
	 */
	public static void start(DeviceSpec spec, LabSockets sockets, String nonceKey) throws IOException {
		Device device = Device.of(spec, sockets, nonceKey);
		String address = spec.address();
		if (spec.hostile() != null) {
			for (int port : spec.tcpPorts()) {
				// Hostile devices act on a silent peer (hold the line, or answer anyway): their reads time out.
				sockets.listenTcp(address, port, false, LabSockets.Silence.TIMES_OUT,
						connection -> HostileService.serve(connection, device, spec.hostile(), port));
			}
			if (!spec.udpPorts().isEmpty()) {
				sockets.listenUdp(address, 3702, new DiscoveryResponder(device, "<script>alert(1)</script>",
						"<img src=x onerror=alert(1)>")::answer);
			}
			return;
		}
		boolean cleartext = spec.has(Weakness.CLEARTEXT_MANAGEMENT);
		int webPort = spec.profile().webPort();
		int rtspPort = spec.profile().rtspPort();
		for (int port : spec.tcpPorts()) {
			LabSockets.ConnectionHandler handler;
			if (port == webPort) {
				handler = connection -> WebService.serve(connection, device,
						cleartext ? WebService.Role.UI : WebService.Role.REDIRECT);
			}
			else if (port == rtspPort) {
				handler = connection -> RtspService.serve(connection, device);
			}
			else {
				handler = switch (port) {
					case 23 -> connection -> TelnetService.serve(connection, device);
					case 443 -> connection -> WebService.serve(connection, device, WebService.Role.UI);
					case 8899 -> connection -> WebService.serve(connection, device, WebService.Role.ONVIF_ONLY);
					default -> connection -> BinaryPortService.serve(connection, device, port);
				};
			}
			if (port == 443 && legacyTls(spec) != null) {
				sockets.listenLegacyTls(address, port, legacyTls(spec), handler);
			}
			else {
				sockets.listenTcp(address, port, port == 443, handler);
			}
		}
		sockets.listenUdp(address, 3702,
				new DiscoveryResponder(device, spec.profile().vendor(), spec.profile().model())::answer);
	}

	/** The old TLS a device's HTTPS speaks instead of JSSE's, if any. */
	private static LegacyDeviceTls.Kind legacyTls(DeviceSpec spec) {
		if (spec.has(Weakness.TLS10_ONLY)) {
			return LegacyDeviceTls.Kind.TLS10_ONLY;
		}
		return spec.has(Weakness.RSA_KEY_EXCHANGE_ONLY) ? LegacyDeviceTls.Kind.RSA_KEY_EXCHANGE_ONLY : null;
	}

}
