package vn.camguard.lab;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.IntConsumer;

import vn.camguard.lab.device.LabSockets;
import vn.camguard.lab.device.SimulatedDevice;

/**
 * Starts a fleet of simulated devices in this process. For fleets too big for one process's file
 * descriptors, use {@link vn.camguard.lab.shard.ShardedLab}.
 *
 * <pre>
 * try (RunningLab lab = Lab.start(FleetSpec.random(300, 42L, "127.20.0.0"))) {
 *     lab.manifest() ...
 * }
 * </pre>
 */
public final class Lab {

	/** Concurrent connections one lab process serves; further clients wait in the listen backlog. */
	public static final int DEFAULT_MAX_CONNECTIONS = 2_000;

	private Lab() {
	}

	public static RunningLab start(FleetSpec fleet) throws IOException {
		return start(fleet, DEFAULT_MAX_CONNECTIONS, started -> {
		});
	}

	/** Starts the fleet, reporting the number of devices listening so far to {@code progress}. */
	public static RunningLab start(FleetSpec fleet, int maxConnections, IntConsumer progress) throws IOException {
		LabSockets sockets = new LabSockets(maxConnections, fleet.latencyMs());
		byte[] key = new byte[16];
		new SecureRandom().nextBytes(key);
		String nonceKey = HexFormat.of().formatHex(key);
		try {
			int started = 0;
			for (DeviceSpec device : fleet.devices()) {
				SimulatedDevice.start(device, sockets, nonceKey);
				started++;
				if (started % 100 == 0 || started == fleet.devices().size()) {
					progress.accept(started);
				}
			}
		}
		catch (IOException | RuntimeException e) {
			sockets.close();
			throw e;
		}
		return new RunningLab(new LabManifest(fleet.devices().stream().map(DeviceSpec::truth).toList()), sockets);
	}

}
