package vn.camguard.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.scanner.check.CredentialCheck;
import vn.camguard.scanner.check.RtspNoAuthCheck;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

/**
 * The lab's simulated latency reaches the scanner as it reaches any client (its HTTPS handshake and page fetch
 * wait at least two round trips), and the scanner reports the same device the same way with it as without it;
 * 127.62.2.x. The duration is a lower bound proving the delay is applied, not a speed assertion.
 */
class SimulatedLatencyScanTests {

	static final int LATENCY_MS = 250;

	@Test
	void aDeviceBehindTheSimulatedLatencyTakesAtLeastTwoRoundTripsAndIsReportedAsWithout() throws Exception {
		Set<Weakness> weaknesses = Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.RTSP_NO_AUTH);
		try (RunningLab near = Lab.start(new FleetSpec(
				List.of(DeviceSpec.of("near", "127.62.2.1", Profile.HIKVISION_IPC, weaknesses)), 0));
				RunningLab far = Lab.start(new FleetSpec(
						List.of(DeviceSpec.of("far", "127.62.2.2", Profile.HIKVISION_IPC, weaknesses)), LATENCY_MS))) {
			DeviceReport without = scan("127.62.2.1");
			DeviceReport with = scan("127.62.2.2");

			assertThat(with.millis()).as("scan time behind %d ms latency", LATENCY_MS)
					.isGreaterThanOrEqualTo(2L * LATENCY_MS);
			assertThat(with.findings()).extracting(Finding::checkId)
					.contains(CredentialCheck.DEFAULT, RtspNoAuthCheck.ID)
					.containsExactlyInAnyOrderElementsOf(without.findings().stream().map(Finding::checkId).toList());
			assertThat(with.openPorts()).isEqualTo(without.openPorts());
			assertThat(with.fingerprint()).isEqualTo(without.fingerprint());
			System.out.printf("no latency: %d ms, %d ms latency: %d ms%n", without.millis(), LATENCY_MS, with.millis());
		}
	}

	static DeviceReport scan(String address) throws InterruptedException {
		ScanRequest request = ScanRequest.of(Targets.of(List.of(address), List.of(), Scope.of(List.of("127.62.2.0/24"))))
				.withLoginPacing(LoginPacing.NONE);
		List<DeviceReport> reports = new ArrayList<>();
		new Scanner(request).scan(reports::add);
		return reports.getFirst();
	}

}
