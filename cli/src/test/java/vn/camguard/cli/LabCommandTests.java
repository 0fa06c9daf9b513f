package vn.camguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import vn.camguard.lab.LabManifest;

/** The {@code lab} command on 127.10.48.x: ready line, manifest, duration, usage errors. */
class LabCommandTests {

	@Test
	void startsARandomFleetWritesTheManifestAndStopsAfterTheDuration(@TempDir Path dir) throws Exception {
		Path manifest = dir.resolve("manifest.json");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = run(out, err, "--cameras", "20", "--seed", "9", "--subnet", "127.10.48.0", "--hostile",
				"--manifest", manifest.toString(), "--duration", "500ms");
		assertThat(code).isZero();
		assertThat(out.toString()).startsWith("READY 25 devices 127.10.48.1 - 127.10.48.25");
		assertThat(err.toString()).contains("starting 25 devices").contains("stopped after 500ms");
		LabManifest written = LabManifest.read(manifest);
		assertThat(written.devices()).hasSize(25);
		assertThat(written.devices().getFirst().address()).isEqualTo("127.10.48.1");
		assertThat(Files.readString(manifest)).contains("\"hostile\" : \"GARBAGE\"");
	}

	@Test
	void runsAFleetFileAndRejectsBadOnes(@TempDir Path dir) throws Exception {
		Path fleet = dir.resolve("fleet.yaml");
		Files.writeString(fleet, "subnet: 127.10.49.0\ndevices:\n  - profile: axis-ipc\n    count: 2\n");
		StringWriter out = new StringWriter();
		assertThat(run(out, new StringWriter(), "--fleet", fleet.toString(), "--duration", "200ms")).isZero();
		assertThat(out.toString()).startsWith("READY 2 devices 127.10.49.1 - 127.10.49.2");
		Files.writeString(fleet, "subnet: 127.10.49.0\ndevices:\n  - profile: nikon\n");
		StringWriter err = new StringWriter();
		assertThat(run(new StringWriter(), err, "--fleet", fleet.toString())).isEqualTo(2);
		assertThat(err.toString()).contains("unknown profile 'nikon'");
		assertThat(run(new StringWriter(), new StringWriter(), "--subnet", "192.168.1.0")).isEqualTo(2);
	}

	@Test
	void parsesDurations() {
		assertThat(LabCommand.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(LabCommand.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(LabCommand.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
		assertThatThrownBy(() -> LabCommand.parseDuration("soon")).hasMessageContaining("duration must look like");
	}

	private static int run(StringWriter out, StringWriter err, String... args) {
		CommandLine command = new CommandLine(new LabCommand());
		command.setOut(new PrintWriter(out, true));
		command.setErr(new PrintWriter(err, true));
		return command.execute(args);
	}

}
