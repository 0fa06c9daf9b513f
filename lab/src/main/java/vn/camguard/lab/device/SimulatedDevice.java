package vn.camguard.lab.device;

import java.io.IOException;

import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.Weakness;

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
				sockets.listenTcp(address, port, false,
						socket -> HostileService.serve(socket, device, spec.hostile(), port));
			}
			if (!spec.udpPorts().isEmpty()) {
				sockets.listenUdp(address, 3702, new DiscoveryResponder(device, "<script>alert(1)</script>",
						"<img src=x onerror=alert(1)>")::answer);
			}
			return;
		}
		boolean cleartext = spec.has(Weakness.CLEARTEXT_MANAGEMENT);
		for (int port : spec.tcpPorts()) {
			LabSockets.ConnectionHandler handler = switch (port) {
				case 23 -> socket -> TelnetService.serve(socket, device);
				case 80 -> socket -> WebService.serve(socket, device,
						cleartext ? WebService.Role.UI : WebService.Role.REDIRECT);
				case 443 -> socket -> WebService.serve(socket, device, WebService.Role.UI);
				case 554 -> socket -> RtspService.serve(socket, device);
				case 8899 -> socket -> WebService.serve(socket, device, WebService.Role.ONVIF_ONLY);
				default -> socket -> BinaryPortService.serve(socket, device, port);
			};
			sockets.listenTcp(address, port, port == 443, handler);
		}
		sockets.listenUdp(address, 3702,
				new DiscoveryResponder(device, spec.profile().vendor(), spec.profile().model())::answer);
	}

}
