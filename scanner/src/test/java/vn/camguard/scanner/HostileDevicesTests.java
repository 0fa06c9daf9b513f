package vn.camguard.scanner;

import org.junit.jupiter.api.Test;
import vn.camguard.lab.DeviceTruth;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Hostility;
import vn.camguard.lab.Lab;
import vn.camguard.lab.RunningLab;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.report.JsonLinesWriter;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile lab devices (garbage, silence, one byte a second, a 1 MiB header, markup in banners): the scan
 * completes, each costs at most its timeouts, none yields a made-up finding, and markup stays text.
 */
class HostileDevicesTests {

	static final Duration READ = Duration.ofMillis(800);

	/** Web page, RTSP, ONVIF and snapshot: at most four answers are waited for on one device. */
	static final long BUDGET_MILLIS = 4 * READ.toMillis() + 1000;

	@Test
	void hostileDevicesCostAtMostTheirTimeoutsAndYieldNoMadeUpFindings() throws Exception {
		try (RunningLab lab = Lab.start(FleetSpec.random(3, 5L, "127.21.0.0").withHostile(true))) {
			List<DeviceTruth> devices = lab.manifest().devices();
			assertThat(devices.stream().filter(d -> d.hostile() != null)).hasSize(Hostility.values().length);
			String range = devices.getFirst().address() + "-" + devices.getLast().address();
			ScanRequest request = ScanRequest.of(Targets.of(List.of(range), List.of(), Scope.of(List.of("127.20.0.0/14"))))
					.withTimeouts(Duration.ofMillis(500), READ)
					// The fleet's normal devices lock no account out; waiting out the default pacing is not the point.
					.withLoginPacing(LoginPacing.NONE);
			Map<String, DeviceReport> reports = new ConcurrentHashMap<>();
			long started = System.nanoTime();
			new Scanner(request).scan(r -> reports.put(r.address(), r));
			long wall = (System.nanoTime() - started) / 1_000_000;

			assertThat(reports).hasSize(devices.size());
			assertThat(wall).isLessThan(BUDGET_MILLIS + 2000);
			for (DeviceTruth truth : devices) {
				DeviceReport report = reports.get(truth.address());
				System.out.printf("%s %s %d ms %s %s%n", truth.address(), truth.hostile(), report.millis(),
						report.fingerprint(), report.notes());
				if (truth.hostile() == null) {
					continue;
				}
				assertThat(report.millis()).as(truth.hostile().name()).isLessThanOrEqualTo(BUDGET_MILLIS);
				if (truth.hostile() != Hostility.MARKUP) {
					assertThat(report.findings()).as(truth.hostile().name()).isEmpty();
					assertThat(report.notes()).as(truth.hostile().name()).isNotEmpty();
				}
			}
		}
	}

	@Test
	void markupFromADeviceStaysTextInTheJsonOutput() throws Exception {
		try (RunningLab lab = Lab.start(FleetSpec.random(1, 5L, "127.21.1.0").withHostile(true))) {
			DeviceTruth markup = lab.manifest().devices().stream().filter(d -> d.hostile() == Hostility.MARKUP)
					.findFirst().orElseThrow();
			ScanRequest request = ScanRequest.of(Targets.of(List.of(markup.address()), List.of(),
					Scope.of(List.of("127.20.0.0/14"))));
			StringWriter json = new StringWriter();
			try (JsonLinesWriter writer = new JsonLinesWriter(json)) {
				new Scanner(request).scan(r -> {
					try {
						writer.write(r);
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				});
			}
			String line = json.toString();
			System.out.println(line);
			assertThat(line.lines()).hasSize(1);
			assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(line).get("fingerprint")
					.get("vendor").asString()).isEqualTo("<script>alert(1)</script>");
			assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(line).get("fingerprint")
					.get("model").asString()).isEqualTo("<img src=x onerror=alert(1)>");
		}
	}

}
