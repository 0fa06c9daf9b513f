package vn.camguard.scanner;

import org.junit.jupiter.api.Test;
import vn.camguard.lab.Behaviour;
import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.DeviceTruth;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A discovery-only scan finds and fingerprints the lab's weak devices but runs no check: no finding, and no login
 * (a device that shows its firmware only after a login keeps it hidden).
 */
class DiscoveryOnlyTests {

	@Test
	void aDiscoveryOnlyScanFingerprintsDevicesWithoutAnyCheckOrLogin() throws Exception {
		DeviceSpec open = DeviceSpec.of("dev-00001", "127.77.9.1", Profile.HIKVISION_IPC,
				Set.of(Weakness.TELNET_OPEN, Weakness.RTSP_NO_AUTH, Weakness.CLEARTEXT_MANAGEMENT));
		DeviceSpec hidden = new DeviceSpec("dev-00002", "127.77.9.2", Profile.DAHUA_IPC,
				Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.OUTDATED_FIRMWARE), null, null,
				Set.of(Behaviour.FIRMWARE_HIDDEN));
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(open, hidden), 0))) {
			ScanRequest full = ScanRequest.of(Targets.of(List.of("127.77.9.1-127.77.9.2"), List.of(),
					Scope.of(List.of("127.77.9.0/24")))).withLoginPacing(LoginPacing.NONE);
			Map<String, DeviceReport> checked = scan(full);
			Map<String, DeviceReport> discovered = scan(full.discoveryOnly());

			assertThat(checked.get("127.77.9.1").has("CG-SVC-TELNET")).as("the full scan judges").isTrue();
			assertThat(checked.get("127.77.9.2").has("CG-CRED-DEFAULT")).isTrue();
			for (DeviceTruth truth : lab.manifest().devices()) {
				DeviceReport report = discovered.get(truth.address());
				assertThat(report.alive()).as(truth.id()).isTrue();
				assertThat(report.findings()).as(truth.id()).isEmpty();
				assertThat(report.fingerprint().vendor()).as(truth.id())
					.isEqualTo(checked.get(truth.address()).fingerprint().vendor()).isNotEmpty();
				assertThat(report.openPorts()).as(truth.id()).isEqualTo(checked.get(truth.address()).openPorts());
			}
			assertThat(discovered.get("127.77.9.1").fingerprint().model()).isEqualTo(lab.manifest().devices().get(0).model());
			assertThat(checked.get("127.77.9.2").fingerprint().firmware()).as("read with the found credential")
				.isNotEmpty();
			assertThat(discovered.get("127.77.9.2").fingerprint().firmware()).as("no login, so still hidden").isEmpty();
		}
	}

	private static Map<String, DeviceReport> scan(ScanRequest request) throws InterruptedException {
		Map<String, DeviceReport> reports = new ConcurrentHashMap<>();
		new Scanner(request).scan(r -> reports.put(r.address(), r));
		return reports;
	}

}
