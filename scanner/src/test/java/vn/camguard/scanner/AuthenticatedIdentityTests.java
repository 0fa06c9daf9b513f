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
 * Lab devices that show strangers no firmware (empty {@code ?version=} on the login page) but keep their factory
 * account: the credential found reads model and firmware (Hikvision ISAPI deviceInfo, Dahua magicBox), and the
 * CVE and outdated-firmware checks judge them.
 */
class AuthenticatedIdentityTests {

	@Test
	void aFoundCredentialReadsTheFirmwareThatTheCveAndOutdatedChecksThenJudge() throws Exception {
		DeviceSpec hikvision = new DeviceSpec("dev-00001", "127.22.10.1", Profile.HIKVISION_IPC,
				Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.KNOWN_CVE), null, null, Set.of(Behaviour.FIRMWARE_HIDDEN));
		DeviceSpec dahua = new DeviceSpec("dev-00002", "127.22.10.2", Profile.DAHUA_IPC,
				Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.OUTDATED_FIRMWARE), null, null,
				Set.of(Behaviour.FIRMWARE_HIDDEN));
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(hikvision, dahua), 0))) {
			ScanRequest request = ScanRequest.of(Targets.of(List.of("127.22.10.1-127.22.10.2"), List.of(),
					Scope.of(List.of("127.22.0.0/16")))).withLoginPacing(LoginPacing.NONE);
			Map<String, DeviceReport> reports = new ConcurrentHashMap<>();
			new Scanner(request).scan(r -> reports.put(r.address(), r));
			for (DeviceTruth truth : lab.manifest().devices()) {
				DeviceReport report = reports.get(truth.address());
				System.out.println(report);
				assertThat(report.fingerprint().firmware()).as(truth.id()).isEqualTo(truth.firmware());
				assertThat(report.fingerprint().model()).as(truth.id()).isEqualTo(truth.model());
				assertThat(report.fingerprint().evidence().toString()).contains("with the found credential");
				assertThat(report.has("CG-CRED-DEFAULT")).as(truth.id()).isTrue();
			}
			DeviceReport hik = reports.get("127.22.10.1");
			assertThat(hik.findings().stream().flatMap(f -> f.references().stream()))
					.containsExactlyInAnyOrderElementsOf(lab.manifest().devices().getFirst().cves());
			assertThat(reports.get("127.22.10.2").has("CG-FW-OUTDATED")).isTrue();
		}
	}

}
