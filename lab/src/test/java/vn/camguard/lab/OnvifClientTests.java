package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A third-party ONVIF client, the npm package {@code onvif} run by Debian's {@code nodejs}, connects to lab devices
 * as it would to a camera (GetSystemDateAndTime, GetServices, GetProfiles, GetVideoSources) and gets device
 * information, the stream URI and the snapshot URI: anonymously where the device leaves ONVIF open, with a
 * WS-UsernameToken digest otherwise; 127.10.12.x. Skipped when node or npm is missing.
 */
class OnvifClientTests {

	static final String ONVIF_VERSION = "0.8.3";

	static final String OPEN = "127.10.12.1";

	static final String PROTECTED = "127.10.12.2";

	static final String PASSWORD = "OnvifStrong123";

	static RunningLab lab;

	static Path client;

	@BeforeAll
	static void start() throws IOException {
		lab = Lab.start(new FleetSpec(List.of(
				DeviceSpec.of("open", OPEN, Profile.HIKVISION_IPC,
						Set.of(Weakness.ONVIF_NO_AUTH, Weakness.CLEARTEXT_MANAGEMENT)),
				new DeviceSpec("protected", PROTECTED, Profile.DAHUA_IPC, Set.of(Weakness.CLEARTEXT_MANAGEMENT), null,
						PASSWORD)), 0));
	}

	@AfterAll
	static void stop() {
		lab.close();
	}

	@Test
	void anOpenDeviceTellsAnAnonymousClientItsInformationAndStream() throws Exception {
		JsonNode answer = ask(OPEN);
		assertThat(answer.path("error").isMissingNode()).as(answer.toString()).isTrue();
		assertThat(answer.path("deviceInformation").path("manufacturer").asString()).isEqualTo("Hikvision");
		assertThat(answer.path("deviceInformation").path("model").asString()).isEqualTo("DS-2CD2142FWD-I");
		assertThat(answer.path("streamUri").asString()).isEqualTo("rtsp://" + OPEN + ":554/Streaming/Channels/101");
		assertThat(answer.path("snapshotUri").asString()).isEqualTo("http://" + OPEN + "/ISAPI/Streaming/channels/101/picture");
		assertThat(answer.path("videoSources").asInt()).isEqualTo(1);
	}

	@Test
	void aProtectedDeviceAnswersAClientWithItsAccountAndRefusesOthers() throws Exception {
		JsonNode answer = ask(PROTECTED, "admin", PASSWORD);
		assertThat(answer.path("error").isMissingNode()).as(answer.toString()).isTrue();
		assertThat(answer.path("deviceInformation").path("manufacturer").asString()).isEqualTo("Dahua");
		assertThat(answer.path("deviceInformation").path("serialNumber").asString()).startsWith("IPC-HFW2431S-S-S2-");
		assertThat(answer.path("streamUri").asString())
				.isEqualTo("rtsp://" + PROTECTED + ":554/cam/realmonitor?channel=1&subtype=0");

		assertThat(ask(PROTECTED).path("error").asString()).containsIgnoringCase("not authorized");
		assertThat(ask(PROTECTED, "admin", "wrong").path("error").asString()).containsIgnoringCase("not authorized");
	}

	private static JsonNode ask(String address, String... account) throws Exception {
		Path modules = installedClient();
		Path script = Files.createTempFile("onvif-client", ".js");
		try (InputStream in = OnvifClientTests.class.getResourceAsStream("onvif-client.js")) {
			Files.write(script, in.readAllBytes());
		}
		List<String> arguments = new java.util.ArrayList<>(
				List.of(script.toString(), modules.toString(), address, "80"));
		arguments.addAll(List.of(account));
		String output = new ThirdPartyProgram("/usr/bin/node", "nodejs").run(40, arguments.toArray(String[]::new));
		Files.delete(script);
		String last = output.strip().lines().reduce((a, b) -> b).orElse("");
		assertThat(last).as(output).startsWith("{");
		return new ObjectMapper().readTree(last);
	}

	/** The npm package, installed once per build under target/ (npm's registry is the one download). */
	private static synchronized Path installedClient() throws Exception {
		new ThirdPartyProgram("/usr/bin/node", "nodejs").require();
		ThirdPartyProgram npm = new ThirdPartyProgram("/usr/bin/npm", "npm").require();
		Path directory = Path.of("target", "onvif-client-" + ONVIF_VERSION).toAbsolutePath();
		Path modules = directory.resolve("node_modules");
		if (!Files.isDirectory(modules.resolve("onvif"))) {
			Files.createDirectories(directory);
			String output = npm.run(directory, 180, "install", "--no-audit", "--no-fund", "--no-save",
					"onvif@" + ONVIF_VERSION);
			assumeTrue(Files.isDirectory(modules.resolve("onvif")),
					"npm could not install onvif@" + ONVIF_VERSION + ": " + output);
		}
		return modules;
	}

}
