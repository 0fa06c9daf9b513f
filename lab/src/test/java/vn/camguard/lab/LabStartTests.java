package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Random fleets on 127.10.16.0 and up: start fast, listens exactly on its manifest's ports, frees all. */
class LabStartTests {

	private static final List<Integer> ALL_PORTS = List.of(23, 80, 443, 554, 8000, 8899, 34567, 37777);

	@Test
	void randomFleetListensExactlyOnTheManifestPortsAndCloseFreesThem() throws Exception {
		FleetSpec fleet = FleetSpec.random(300, 42L, "127.10.16.0").withHostile(true);
		long start = System.nanoTime();
		LabManifest manifest;
		try (RunningLab lab = Lab.start(fleet)) {
			System.out.printf("lab: 305 devices listening after %d ms%n", (System.nanoTime() - start) / 1_000_000);
			manifest = lab.manifest();
			assertThat(manifest.devices()).hasSize(305);
			for (DeviceTruth device : manifest.devices()) {
				for (int port : ALL_PORTS) {
					assertThat(accepts(device.address(), port)).as(device.id() + " port " + port)
							.isEqualTo(device.openTcpPorts().contains(port));
				}
			}
		}
		for (DeviceTruth device : manifest.devices().subList(0, 20)) {
			for (int port : device.openTcpPorts()) {
				assertThat(accepts(device.address(), port)).as("after close " + device.id()).isFalse();
			}
		}
		try (RunningLab again = Lab.start(fleet)) {
			assertThat(accepts(again.manifest().devices().getFirst().address(), 80)).isTrue();
		}
	}

	@Test
	void aSmallConnectionBudgetStillServesEveryListener() throws Exception {
		FleetSpec fleet = FleetSpec.random(60, 3L, "127.10.18.0");
		try (RunningLab lab = Lab.start(fleet, 20, started -> {
		})) {
			for (DeviceTruth device : lab.manifest().devices()) {
				assertThat(WireClient.rtsp(device.address(), "OPTIONS", "rtsp://" + device.address() + "/", 1))
						.as(device.id()).startsWith("RTSP/1.0 200 OK");
			}
		}
	}

	@Test
	void startFailsCleanlyWhenAnAddressIsTaken() throws Exception {
		FleetSpec fleet = FleetSpec.random(3, 1L, "127.10.20.0");
		try (RunningLab first = Lab.start(fleet)) {
			assertThatThrownBy(() -> Lab.start(fleet)).isInstanceOf(IOException.class)
					.hasMessageContaining("cannot listen on 127.10.20.1");
		}
		assertThat(accepts("127.10.20.1", 80)).isFalse();
	}

	static boolean accepts(String address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 1_000);
			return true;
		}
		catch (ConnectException e) {
			return false;
		}
	}

}
