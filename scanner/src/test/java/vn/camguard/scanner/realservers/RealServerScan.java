package vn.camguard.scanner.realservers;

import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scans one real server through the scanner's library API, as a user would with {@code --ports}. */
final class RealServerScan {

	private RealServerScan() {
	}

	static DeviceReport scan(RealServer server) throws InterruptedException {
		ScanRequest request = ScanRequest.of(Targets.of(List.of(server.address.getHostAddress()), List.of(),
				Scope.of(List.of("127.0.0.0/8")))).withPorts(List.of(server.port))
				.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2))
				// These servers lock no account out: the default pacing would only make the test wait.
				.withLoginPacing(LoginPacing.NONE);
		List<DeviceReport> reports = new ArrayList<>();
		new Scanner(request).scan(reports::add);
		DeviceReport report = reports.getFirst();
		System.out.printf("%s -> %d ms %s %s notes %s%n", server, report.millis(), report.fingerprint(), report.findings(), report.notes());
		return report;
	}

	static Optional<Finding> finding(DeviceReport report, String checkId) {
		return report.findings().stream().filter(f -> f.checkId().equals(checkId)).findFirst();
	}

}
