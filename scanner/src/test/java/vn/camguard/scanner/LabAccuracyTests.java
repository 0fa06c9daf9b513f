package vn.camguard.scanner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.camguard.lab.DeviceTruth;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.credentials.DefaultCredentials;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.fingerprint.VendorCatalogue;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner against a seeded lab fleet of 300 devices covering every profile and weakness (and hardened
 * devices): per device, the findings must equal the manifest's weaknesses exactly, and vendor, model,
 * firmware and kind must be right.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabAccuracyTests {

	static final Map<Weakness, String> CHECK_FOR = new EnumMap<>(Map.ofEntries(
			Map.entry(Weakness.DEFAULT_CREDENTIALS, "CG-CRED-DEFAULT"),
			Map.entry(Weakness.WEAK_PASSWORD, "CG-CRED-WEAK"),
			Map.entry(Weakness.RTSP_NO_AUTH, "CG-RTSP-NOAUTH"),
			Map.entry(Weakness.SNAPSHOT_NO_AUTH, "CG-SNAPSHOT-NOAUTH"),
			Map.entry(Weakness.ONVIF_NO_AUTH, "CG-ONVIF-NOAUTH"),
			Map.entry(Weakness.TELNET_OPEN, "CG-SVC-TELNET"),
			Map.entry(Weakness.CLEARTEXT_MANAGEMENT, "CG-WEB-CLEARTEXT"),
			Map.entry(Weakness.OUTDATED_FIRMWARE, "CG-FW-OUTDATED"),
			Map.entry(Weakness.KNOWN_CVE, "CG-FW-CVE"),
			Map.entry(Weakness.TLS10_ONLY, "CG-TLS-VERSIONS"),
			Map.entry(Weakness.RSA_KEY_EXCHANGE_ONLY, "CG-TLS-WEAK")));

	RunningLab lab;

	Map<String, DeviceReport> reports = new ConcurrentHashMap<>();

	long scanMillis;

	@BeforeAll
	void scanFleet() throws Exception {
		lab = Lab.start(FleetSpec.random(300, 42L, "127.20.0.0"));
		List<DeviceTruth> devices = lab.manifest().devices();
		String range = devices.getFirst().address() + "-" + devices.getLast().address();
		Targets targets = Targets.of(List.of(range), List.of(), Scope.of(List.of("127.20.0.0/14")));
		ScanRequest request = ScanRequest.of(targets).withConcurrency(64)
				.withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(3000))
				// The random fleet locks no account out (LoginSafetyTests scans devices that do).
				.withLoginPacing(LoginPacing.NONE);
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		long cpu0 = os.getProcessCpuTime();
		long started = System.nanoTime();
		new Scanner(request).scan(r -> reports.put(r.address(), r));
		scanMillis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("cpu ms %d%n", (os.getProcessCpuTime() - cpu0) / 1_000_000);
		System.out.printf("LabAccuracyTests: %d devices scanned in %d ms%n", devices.size(), scanMillis);
		reports.values().stream().sorted(java.util.Comparator.comparingLong(DeviceReport::millis).reversed()).limit(5)
				.forEach(r -> System.out.println("  slowest: " + r.address() + " " + r.millis() + " ms " + r.fingerprint().vendor()));
	}

	@AfterAll
	void stopLab() {
		if (lab != null) {
			lab.close();
		}
	}

	@Test
	void fleetCoversEveryProfileAndWeaknessAndHardenedDevices() {
		List<DeviceTruth> devices = lab.manifest().devices();
		assertThat(devices).hasSizeGreaterThanOrEqualTo(300);
		assertThat(devices.stream().map(DeviceTruth::profile).collect(Collectors.toSet()))
				.hasSize(Profile.inRandomFleets().size());
		assertThat(devices.stream().flatMap(d -> d.weaknesses().stream()).collect(Collectors.toSet()))
				.containsExactlyInAnyOrder(Weakness.values());
		assertThat(devices).anyMatch(DeviceTruth::hardened);
	}

	@Test
	void findingsEqualTheManifestForEveryDevice() {
		List<String> mismatches = new ArrayList<>();
		for (DeviceTruth truth : lab.manifest().devices()) {
			DeviceReport report = reports.get(truth.address());
			Set<String> expected = truth.weaknesses().stream().map(CHECK_FOR::get).collect(Collectors.toCollection(TreeSet::new));
			if (truth.weaknesses().contains(Weakness.WEAK_PASSWORD) && !planned(truth)) {
				// A known vendor's factory accounts all come before the weak passwords, and the plan stops at the
				// default 10 attempts (lockout safety): Axis has six factory accounts, so its last weak passwords
				// are never tried. Not finding them is the scanner's documented plan, not a miss of this scan.
				expected.remove(CHECK_FOR.get(Weakness.WEAK_PASSWORD));
			}
			if (!truth.cves().isEmpty()) {
				// An outdated firmware with a known CVE is reported once, as the CVE (FirmwareOutdatedCheck).
				expected.add(CHECK_FOR.get(Weakness.KNOWN_CVE));
				expected.remove(CHECK_FOR.get(Weakness.OUTDATED_FIRMWARE));
			}
			Set<String> actual = report == null ? Set.of("(not scanned)")
					: report.findings().stream().map(Finding::checkId).collect(Collectors.toCollection(TreeSet::new));
			if (!expected.equals(actual)) {
				mismatches.add(truth.id() + " " + truth.profile() + " " + truth.address() + " expected " + expected
						+ " got " + actual + (report == null ? "" : " notes " + report.notes()));
			}
		}
		assertThat(mismatches).as("devices whose findings differ from the manifest").isEmpty();
	}

	/** Whether the scanner's documented login plan for this device's vendor tries its account at all. */
	private static boolean planned(DeviceTruth truth) {
		VendorCatalogue vendors = VendorCatalogue.load();
		Credential account = new Credential(truth.credentials().username(), truth.credentials().password());
		return DefaultCredentials.load(vendors).plan(truth.vendor(), ScanRequest.of(Targets.of(List.of("127.0.0.1"),
				List.of(), Scope.loopback())).maxCredentialAttempts()).stream().anyMatch(a -> a.credential().equals(account));
	}

	@Test
	void cveIdsEqualTheManifest() {
		List<String> mismatches = new ArrayList<>();
		for (DeviceTruth truth : lab.manifest().devices()) {
			DeviceReport report = reports.get(truth.address());
			Set<String> actual = report.findings().stream().flatMap(f -> f.references().stream())
					.collect(Collectors.toCollection(TreeSet::new));
			if (!new TreeSet<>(truth.cves()).equals(actual)) {
				mismatches.add(truth.id() + " " + truth.model() + " " + truth.firmware() + " expected " + new TreeSet<>(truth.cves())
						+ " got " + actual);
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void vendorModelFirmwareAndKindAreRightForEveryDevice() {
		List<String> mismatches = new ArrayList<>();
		for (DeviceTruth truth : lab.manifest().devices()) {
			Fingerprint fp = reports.get(truth.address()).fingerprint();
			String expected = truth.vendor() + " | " + truth.model() + " | " + truth.firmware() + " | " + truth.kind();
			String actual = fp.vendor() + " | " + fp.model() + " | " + fp.firmware() + " | " + fp.kind();
			if (!expected.equals(actual)) {
				mismatches.add(truth.id() + " expected " + expected + " got " + actual);
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void foundPasswordsAreNeverShownInFull() {
		for (DeviceTruth truth : lab.manifest().devices()) {
			String user = truth.credentials().username();
			String password = truth.credentials().password();
			String text = reports.get(truth.address()).toString();
			if (!password.isEmpty()) {
				assertThat(text).as(truth.id()).doesNotContain(user + ":" + password);
			}
			if (password.length() >= 10) {
				assertThat(text).as(truth.id()).doesNotContain(password);
			}
		}
	}

	@Test
	void openPortsEqualTheManifest() {
		for (DeviceTruth truth : lab.manifest().devices()) {
			List<Integer> expected = truth.openTcpPorts().stream()
					.filter(ScanRequest.DEFAULT_PORTS::contains).sorted().toList();
			assertThat(reports.get(truth.address()).openPorts()).as(truth.id()).containsExactlyElementsOf(expected);
		}
	}

}
