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
import vn.camguard.scanner.auth.Challenge;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.check.CredentialCheck;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.rtsp.RtspSession;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;
import vn.camguard.scanner.wire.Connector;
import vn.camguard.scanner.wire.RateLimit;
import vn.camguard.scanner.wire.Reply;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins that cannot lock anyone out, against lab devices that lock an account for 5 minutes after 5 refused
 * logins in 30 s, and against one that takes no pipelined requests.
 */
class LoginSafetyTests {

	static final String STREAM = "/Streaming/Channels/101";

	/**
	 * The default plan and pacing, in real time (about 30 s: four logins, the pause, the last two), on a hardened
	 * Hikvision device with lockout; then its administrator logs in. The same plan unpaced, on its twin, locks the
	 * account (the lab's lockout is real) and the scan stops at the "locked" answer with a note.
	 */
	@Test
	void aDeviceWithLockoutScannedWithTheDefaultPlanStillLetsItsAdministratorIn() throws Exception {
		DeviceSpec paced = DeviceSpec.of("dev-00001", "127.22.9.1", Profile.HIKVISION_IPC, Set.of())
				.with(Behaviour.LOGIN_LOCKOUT);
		DeviceSpec unpaced = DeviceSpec.of("dev-00002", "127.22.9.2", Profile.HIKVISION_IPC, Set.of())
				.with(Behaviour.LOGIN_LOCKOUT);
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(paced, unpaced), 0))) {
			DeviceReport report = scan("127.22.9.1", LoginPacing.DEFAULT);
			assertThat(report.findings()).extracting(Finding::checkId)
					.doesNotContain(CredentialCheck.DEFAULT, CredentialCheck.WEAK);
			assertThat(report.notes()).noneMatch(n -> n.contains("locked"));
			assertThat(administratorLogsIn(lab, "127.22.9.1")).as("administrator after the default scan").isTrue();

			DeviceReport hurried = scan("127.22.9.2", LoginPacing.NONE);
			assertThat(hurried.notes()).anyMatch(n -> n.contains("login plan stopped") && n.contains("locked"));
			assertThat(administratorLogsIn(lab, "127.22.9.2")).as("administrator after an unpaced scan").isFalse();
		}
	}

	/** A device that answers one request per connection still gets its plan, one attempt at a time. */
	@Test
	void aDeviceWithoutPipeliningIsAskedOneAtATimeAndItsWeakPasswordFound() throws Exception {
		DeviceSpec device = new DeviceSpec("dev-00001", "127.22.9.3", Profile.DAHUA_IPC, Set.of(Weakness.WEAK_PASSWORD),
				null, "111111", Set.of(Behaviour.NO_PIPELINING));
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(device), 0))) {
			DeviceReport report = scan("127.22.9.3", LoginPacing.NONE);
			assertThat(report.findings()).extracting(Finding::checkId).contains(CredentialCheck.WEAK);
		}
	}

	static DeviceReport scan(String address, LoginPacing pacing) throws InterruptedException {
		ScanRequest request = ScanRequest.of(Targets.of(List.of(address), List.of(), Scope.of(List.of("127.22.0.0/16"))))
				.withLoginPacing(pacing);
		List<DeviceReport> reports = new ArrayList<>();
		new Scanner(request).scan(reports::add);
		System.out.printf("%s %s notes %s%n", address, reports.getFirst().findings(), reports.getFirst().notes());
		return reports.getFirst();
	}

	/** The administrator's own DESCRIBE of the main stream with the device's password: 200 with the SDP. */
	static boolean administratorLogsIn(RunningLab lab, String address) throws Exception {
		DeviceTruth truth = lab.manifest().devices().stream().filter(d -> d.address().equals(address)).findFirst()
				.orElseThrow();
		Connector connector = new Connector(Duration.ofSeconds(1), Duration.ofSeconds(2), new RateLimit(0, 0));
		try (RtspSession rtsp = new RtspSession(connector, InetAddress.getByName(address), 554)) {
			Challenge challenge = RtspSession.challengeOf(rtsp.describe(STREAM)).orElseThrow();
			Reply answer = rtsp.describe(STREAM, challenge,
					new Credential(truth.credentials().username(), truth.credentials().password()));
			return RtspSession.servesStream(answer);
		}
	}

}
