package vn.camguard.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSpecTests {

	@Test
	void seededRandomFleetIsReproducible() {
		FleetSpec first = FleetSpec.random(300, 42L, "127.10.0.0");
		FleetSpec again = FleetSpec.random(300, 42L, "127.10.0.0");
		FleetSpec other = FleetSpec.random(300, 43L, "127.10.0.0");
		assertThat(again).isEqualTo(first);
		assertThat(again.toJson()).isEqualTo(first.toJson());
		assertThat(other.devices()).isNotEqualTo(first.devices());
	}

	@Test
	void randomFleetCoversEveryProfileAndWeaknessAndHasHardenedDevices() {
		FleetSpec fleet = FleetSpec.random(FleetSpec.COVERAGE_MINIMUM, 7L, "127.10.0.0");
		for (Profile profile : Profile.inRandomFleets()) {
			Set<Weakness> seen = EnumSet.noneOf(Weakness.class);
			fleet.devices().stream().filter(d -> d.profile() == profile).forEach(d -> seen.addAll(d.weaknesses()));
			assertThat(seen).as(profile.id()).containsExactlyInAnyOrder(Weakness.values());
			assertThat(fleet.devices().stream().filter(d -> d.profile() == profile && d.weaknesses().isEmpty()))
					.as("hardened " + profile.id()).isNotEmpty();
		}
		for (DeviceSpec device : fleet.devices()) {
			assertThat(device.has(Weakness.DEFAULT_CREDENTIALS) && device.has(Weakness.WEAK_PASSWORD)).isFalse();
			assertThat(device.has(Weakness.KNOWN_CVE) && device.has(Weakness.OUTDATED_FIRMWARE)).isFalse();
		}
	}

	@Test
	void passwordsFollowTheWeaknesses() {
		for (DeviceSpec device : FleetSpec.random(300, 42L, "127.10.0.0").devices()) {
			if (device.has(Weakness.DEFAULT_CREDENTIALS)) {
				assertThat(device.password()).isEqualTo(device.profile().factoryPassword());
			}
			else if (device.has(Weakness.WEAK_PASSWORD)) {
				assertThat(Profile.WEAK_PASSWORDS).contains(device.password());
			}
			else {
				assertThat(device.password()).hasSize(14).isNotIn(Profile.WEAK_PASSWORDS);
			}
		}
	}

	@Test
	void addressesSkipNetworkAndBroadcastOctetsAndStayUnique() {
		FleetSpec fleet = FleetSpec.random(600, 1L, "127.10.0.0").withHostile(true);
		Set<String> addresses = new HashSet<>();
		for (DeviceSpec device : fleet.devices()) {
			assertThat(device.address()).startsWith("127.10.").doesNotEndWith(".0").doesNotEndWith(".255");
			assertThat(addresses.add(device.address())).isTrue();
		}
		assertThat(fleet.devices().getFirst().address()).isEqualTo("127.10.0.1");
		assertThat(fleet.devices().stream().filter(d -> d.hostile() != null)).hasSize(Hostility.values().length);
		assertThat(fleet.withHostile(false).devices()).hasSize(600);
	}

	@Test
	void parsesYamlAndJsonAndRoundTripsTheExplicitForm(@TempDir Path dir) throws Exception {
		Path yaml = dir.resolve("fleet.yaml");
		Files.writeString(yaml, """
				subnet: 127.10.9.0
				latencyMs: 5
				devices:
				  - profile: axis-ipc
				    count: 3
				    weaknesses: [TELNET_OPEN, known_cve]
				  - hostile: drip
				  - profile: dahua-nvr
				    address: 127.10.9.200
				""");
		FleetSpec fleet = FleetSpec.parse(yaml);
		assertThat(fleet.latencyMs()).isEqualTo(5);
		assertThat(fleet.devices()).hasSize(5);
		assertThat(fleet.devices().get(2).address()).isEqualTo("127.10.9.3");
		assertThat(fleet.devices().get(2).weaknesses()).containsExactlyInAnyOrder(Weakness.TELNET_OPEN, Weakness.KNOWN_CVE);
		assertThat(fleet.devices().get(3).hostile()).isEqualTo(Hostility.DRIP);
		assertThat(fleet.devices().get(4).address()).isEqualTo("127.10.9.200");
		Path json = dir.resolve("fleet.json");
		Files.writeString(json, fleet.toJson());
		assertThat(FleetSpec.parse(json)).isEqualTo(fleet);
	}

	@Test
	void behavioursAreReadFromAFleetFileAndWrittenBack(@TempDir Path dir) throws Exception {
		FleetSpec fleet = FleetSpec.parse("""
				subnet: 127.10.8.0
				devices:
				  - profile: hikvision-ipc
				    behaviours: [login_lockout, no_pipelining]
				  - profile: dahua-ipc
				""", "f.yaml");
		assertThat(fleet.devices().getFirst().behaviours())
				.containsExactlyInAnyOrder(Behaviour.LOGIN_LOCKOUT, Behaviour.NO_PIPELINING);
		assertThat(fleet.devices().get(1).behaviours()).isEmpty();
		Path json = dir.resolve("fleet.json");
		Files.writeString(json, fleet.toJson());
		assertThat(FleetSpec.parse(json)).isEqualTo(fleet);
		assertThatThrownBy(() -> FleetSpec.parse("subnet: 127.10.8.0\ndevices:\n  - profile: axis-ipc\n"
				+ "    behaviours: [sleepy]\n", "f.yaml")).hasMessageContaining("unknown behaviour 'sleepy'");
	}

	@Test
	void badInputGetsAClearError() {
		assertThatThrownBy(() -> FleetSpec.parse("subnet: 127.10.0.0\ndevices:\n  - profile: sony\n", "f.yaml"))
				.hasMessageContaining("f.yaml: devices[0]").hasMessageContaining("unknown profile 'sony'")
				.hasMessageContaining("hikvision-ipc");
		assertThatThrownBy(() -> FleetSpec.parse("subnet: 127.10.0.0\ndevices:\n  - profile: axis-ipc\n"
				+ "    weaknesses: [OPEN_DOOR]\n", "f.yaml")).hasMessageContaining("unknown weakness 'OPEN_DOOR'");
		assertThatThrownBy(() -> FleetSpec.parse("subnet: 10.0.0.0\ndevices: []\n", "f.yaml"))
				.hasMessageContaining("only uses loopback");
		assertThatThrownBy(() -> FleetSpec.parse("subnet: 127.10.0.0\ndevices:\n  - profile: axis-ipc\n"
				+ "    weaknesses: [DEFAULT_CREDENTIALS, WEAK_PASSWORD]\n", "f.yaml")).hasMessageContaining("exclude");
		assertThatThrownBy(() -> FleetSpec.parse("{\"subnet\": \"127.10.0.0\", \"devices\": [ {\"profile\": ", "f.json"))
				.hasMessageContaining("not valid YAML/JSON");
		assertThatThrownBy(() -> FleetSpec.parse("subnet: 127.10.0.0\ncameras: 3\ndevices: []\n", "f.yaml"))
				.hasMessageContaining("unknown field 'cameras'");
		assertThatThrownBy(() -> FleetSpec.parse("devices:\n  - profile: axis-ipc\n", "f.yaml"))
				.hasMessageContaining("no 'address' and no top-level 'subnet'");
		assertThatThrownBy(() -> FleetSpec.parse("subnet: 127.10.0.0\ndevices:\n  - profile: axis-ipc\n"
				+ "    count: many\n", "f.yaml")).hasMessageContaining("'count' must be an integer");
		assertThatThrownBy(() -> FleetSpec.parse("subnet: 127.10.0.0\ndevices:\n  - profile: axis-ipc\n"
				+ "    address: 127.10.0.7\n  - profile: axis-ipc\n    address: 127.10.0.7\n", "f.yaml"))
				.hasMessageContaining("share address 127.10.0.7");
		assertThatThrownBy(() -> FleetSpec.parse("subnet: 127.10.0.0\ndevices:\n  - profile: axis-ipc\n"
				+ "    password: pass\n", "f.yaml")).hasMessageContaining("factory or weak");
	}

}
