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
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

/**
 * A camera of a vendor no table knows (the lab's white-label profile): its open stream on port 8554 at a path from
 * the middle of the common-path dictionary, and its factory account admin/admin on the web UI of port 81, are
 * reported with the default plan and pacing; 127.62.5.x.
 */
class WhiteLabelCameraScanTests {

	static final String CAMERA = "127.62.5.1";

	@Test
	void theOpenStreamIsReportedWithItsRouteAndTheFactoryLoginFound() throws Exception {
		DeviceSpec camera = DeviceSpec.of("w", CAMERA, Profile.WHITELABEL_IPC,
				Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.RTSP_NO_AUTH, Weakness.CLEARTEXT_MANAGEMENT));
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(camera), 0))) {
			List<Integer> ports = new ArrayList<>(ScanRequest.DEFAULT_PORTS);
			ports.add(81);
			ScanRequest request = ScanRequest.of(Targets.of(List.of(CAMERA), List.of(), Scope.of(List.of("127.62.5.0/24"))))
					.withPorts(ports);
			List<DeviceReport> reports = new ArrayList<>();
			new Scanner(request).scan(reports::add);
			DeviceReport report = reports.getFirst();
			System.out.printf("%s %s notes %s%n", CAMERA, report.findings(), report.notes());

			assertThat(report.openPorts()).contains(81, 8554);
			Finding stream = report.findings().stream().filter(f -> f.checkId().equals(RtspNoAuthCheck.ID)).findFirst()
					.orElseThrow(() -> new AssertionError("no " + RtspNoAuthCheck.ID + " in " + report.findings()));
			assertThat(stream.evidence().toString()).contains("8554").contains("/av0_0");
			Finding login = report.findings().stream().filter(f -> f.checkId().equals(CredentialCheck.DEFAULT))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no " + CredentialCheck.DEFAULT + " in " + report.findings()));
			assertThat(login.evidence().toString()).contains("admin");
		}
	}

}
