package vn.camguard.scanner;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.camguard.lab.Behaviour;
import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.DeviceTruth;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.report.JsonLinesWriter;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serial number and MAC the lab's devices tell, each from the place its firmware keeps them (PROFILES.md): ONVIF
 * GetDeviceInformation and GetNetworkInterfaces without credentials where ONVIF is open, Axis basicdeviceinfo without
 * credentials, and with the credential the login check found: Hikvision ISAPI deviceInfo, Dahua magicBox
 * getSystemInfo with ONVIF GetNetworkInterfaces. A device that tells nothing gets neither; one that tells garbage
 * gets neither and is scanned as usual.
 */
class SerialAndMacTests {

	private static final String RANGE = "127.84.1.1-127.84.1.20";

	@Test
	void eachSourceTellsTheDevicesOwnSerialAndMacIntoTheReport() throws Exception {
		List<DeviceSpec> fleet = List.of(
				DeviceSpec.of("onvif-open", "127.84.1.1", Profile.ONVIF_GENERIC, Set.of(Weakness.ONVIF_NO_AUTH)),
				DeviceSpec.of("hik-default", "127.84.1.2", Profile.HIKVISION_IPC, Set.of(Weakness.DEFAULT_CREDENTIALS)),
				DeviceSpec.of("dahua-default", "127.84.1.3", Profile.DAHUA_IPC, Set.of(Weakness.DEFAULT_CREDENTIALS)),
				DeviceSpec.of("axis-hardened", "127.84.1.4", Profile.AXIS_IPC, Set.of()),
				DeviceSpec.of("hik-hardened", "127.84.1.5", Profile.HIKVISION_IPC, Set.of()),
				new DeviceSpec("hik-hidden", "127.84.1.6", Profile.HIKVISION_IPC, Set.of(Weakness.DEFAULT_CREDENTIALS),
						null, null, Set.of(Behaviour.FIRMWARE_HIDDEN)));
		try (RunningLab lab = Lab.start(new FleetSpec(fleet, 0))) {
			Map<String, DeviceReport> reports = scan(request());
			Map<String, DeviceTruth> truth = truths(lab);

			assertTold(reports.get("127.84.1.1"), truth.get("onvif-open"), true, true);
			assertThat(evidence(reports.get("127.84.1.1"))).contains(
					"serial: read ONVIF GetDeviceInformation without credentials",
					"mac: read ONVIF GetNetworkInterfaces without credentials");

			assertTold(reports.get("127.84.1.2"), truth.get("hik-default"), true, true);
			assertThat(evidence(reports.get("127.84.1.2"))).contains(
					"serial: read GET /ISAPI/System/deviceInfo with the found credential",
					"mac: read GET /ISAPI/System/deviceInfo with the found credential");

			assertTold(reports.get("127.84.1.3"), truth.get("dahua-default"), true, true);
			assertThat(evidence(reports.get("127.84.1.3"))).contains(
					"serial: read GET /cgi-bin/magicBox.cgi?action=getSystemInfo with the found credential",
					"mac: read ONVIF GetNetworkInterfaces with the found credential");

			assertTold(reports.get("127.84.1.4"), truth.get("axis-hardened"), true, false);
			assertThat(evidence(reports.get("127.84.1.4")))
				.contains("serial: read the vendor's identity API without credentials");

			assertTold(reports.get("127.84.1.5"), truth.get("hik-hardened"), false, false);

			assertTold(reports.get("127.84.1.6"), truth.get("hik-hidden"), true, true);
			assertThat(reports.get("127.84.1.6").fingerprint().firmware()).isEqualTo(truth.get("hik-hidden").firmware());

			// a discovery-only scan sends no login, so only what ONVIF and the identity API tell strangers
			Map<String, DeviceReport> discovered = scan(request().discoveryOnly());
			assertTold(discovered.get("127.84.1.1"), truth.get("onvif-open"), true, true);
			assertTold(discovered.get("127.84.1.2"), truth.get("hik-default"), false, false);
			assertTold(discovered.get("127.84.1.4"), truth.get("axis-hardened"), true, false);
		}
	}

	@Test
	void theJsonLinesReportCarriesMacAndSerialAsPlainFields() throws Exception {
		DeviceSpec device = DeviceSpec.of("onvif-open", "127.84.2.1", Profile.ONVIF_GENERIC,
				Set.of(Weakness.ONVIF_NO_AUTH));
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(device), 0))) {
			ScanRequest request = ScanRequest.of(Targets.of(List.of("127.84.2.1"), List.of(),
					Scope.of(List.of("127.84.0.0/16")))).withLoginPacing(LoginPacing.NONE);
			StringWriter out = new StringWriter();
			try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
				new Scanner(request).scan(report -> {
					try {
						writer.write(report);
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				});
			}
			JsonNode line = JsonMapper.builder().build().readTree(out.toString().strip());
			assertThat(line.get("mac").asString()).isEqualTo(device.mac());
			assertThat(line.get("serial").asString()).isEqualTo(device.serial());
		}
	}

	@Test
	void garbageOrHugeIdentifiersAreLeftOutAndTheScanGoesOn() throws Exception {
		List<DeviceSpec> fleet = List.of(
				new DeviceSpec("onvif-unruly", "127.84.3.1", Profile.ONVIF_GENERIC, Set.of(Weakness.ONVIF_NO_AUTH), null,
						null, Set.of(Behaviour.UNRULY_IDENTIFIERS)),
				new DeviceSpec("hik-unruly", "127.84.3.2", Profile.HIKVISION_IPC, Set.of(Weakness.DEFAULT_CREDENTIALS),
						null, null, Set.of(Behaviour.UNRULY_IDENTIFIERS, Behaviour.FIRMWARE_HIDDEN)),
				new DeviceSpec("dahua-unruly", "127.84.3.3", Profile.DAHUA_IPC, Set.of(Weakness.DEFAULT_CREDENTIALS),
						null, null, Set.of(Behaviour.UNRULY_IDENTIFIERS)));
		try (RunningLab lab = Lab.start(new FleetSpec(fleet, 0))) {
			ScanRequest request = ScanRequest.of(Targets.of(List.of("127.84.3.1-127.84.3.3"), List.of(),
					Scope.of(List.of("127.84.0.0/16")))).withLoginPacing(LoginPacing.NONE);
			Map<String, DeviceReport> reports = scan(request);
			for (DeviceTruth truth : lab.manifest().devices()) {
				DeviceReport report = reports.get(truth.address());
				assertThat(report.mac()).as(truth.id()).isEmpty();
				assertThat(report.serial()).as(truth.id()).isEmpty();
				assertThat(report.fingerprint().vendor()).as(truth.id()).isNotEmpty();
				assertThat(report.notes()).as(truth.id()).noneMatch(n -> n.startsWith("scan aborted"));
			}
			assertThat(reports.get("127.84.3.1").has("CG-ONVIF-NOAUTH")).isTrue();
			assertThat(reports.get("127.84.3.2").has("CG-CRED-DEFAULT")).isTrue();
			assertThat(reports.get("127.84.3.2").fingerprint().firmware()).as("read despite the garbage beside it")
				.isEqualTo(lab.manifest().devices().get(1).firmware());
			assertThat(reports.get("127.84.3.3").has("CG-CRED-DEFAULT")).isTrue();
		}
	}

	private static ScanRequest request() {
		return ScanRequest.of(Targets.of(List.of(RANGE), List.of(), Scope.of(List.of("127.84.0.0/16"))))
			.withLoginPacing(LoginPacing.NONE);
	}

	private static void assertTold(DeviceReport report, DeviceTruth truth, boolean serial, boolean mac) {
		assertThat(report).as(truth.id()).isNotNull();
		assertThat(report.serial()).as(truth.id() + " serial").isEqualTo(serial ? truth.serial() : "");
		assertThat(report.mac()).as(truth.id() + " mac").isEqualTo(mac ? truth.mac() : "");
	}

	private static List<String> evidence(DeviceReport report) {
		return report.fingerprint().evidence().stream().map(e -> e.source() + ": " + e.detail()).toList();
	}

	private static Map<String, DeviceTruth> truths(RunningLab lab) {
		Map<String, DeviceTruth> byId = new java.util.HashMap<>();
		lab.manifest().devices().forEach(t -> byId.put(t.id(), t));
		return byId;
	}

	private static Map<String, DeviceReport> scan(ScanRequest request) throws InterruptedException {
		Map<String, DeviceReport> reports = new ConcurrentHashMap<>();
		new Scanner(request).scan(r -> reports.put(r.address(), r));
		return reports;
	}

}
