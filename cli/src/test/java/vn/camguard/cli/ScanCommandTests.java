package vn.camguard.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.camguard.lab.DeviceTruth;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.RunningLab;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camguard scan} end to end against a small lab: exit codes, JSONL, CSV, and resuming. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanCommandTests {

	RunningLab lab;

	String range;

	List<DeviceTruth> devices;

	@BeforeAll
	void startLab() throws Exception {
		lab = Lab.start(FleetSpec.random(24, 11L, "127.22.0.0"));
		devices = lab.manifest().devices();
		range = devices.getFirst().address() + "-" + devices.getLast().address();
	}

	@AfterAll
	void stopLab() {
		lab.close();
	}

	record Run(int exit, String err) {
	}

	static Run run(String... args) {
		StringWriter err = new StringWriter();
		CommandLine cli = CamGuardCli.commandLine();
		cli.setErr(new PrintWriter(err, true));
		cli.setOut(new PrintWriter(new StringWriter(), true));
		// The lab's fleet locks no account out: scans here need not wait out the default login pacing.
		String[] unpaced = args.length > 0 && args[0].equals("scan") && !List.of(args).contains("--login-pace")
				? java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--login-pace", "0"))
						.toArray(String[]::new)
				: args;
		int exit = cli.execute(unpaced);
		return new Run(exit, err.toString());
	}

	@Test
	void findingsGiveExitCode1AndOneJsonLinePerHost(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("scan.jsonl");
		Run run = run("scan", range, "--scope", "127.22.0.0/16", "-o", out.toString(), "--no-progress", "--stats");
		assertThat(run.exit()).isEqualTo(1);
		List<String> lines = Files.readAllLines(out);
		assertThat(lines).hasSize(devices.size()).allMatch(l -> l.startsWith("{\"address\":\"127.22.0."));
		assertThat(run.err()).contains("CamGuard scan summary").contains("CG-").contains("peak heap used");
	}

	@Test
	void noFindingsGiveExitCode0(@TempDir Path dir) {
		Run run = run("scan", "127.22.200.1-127.22.200.3", "--scope", "127.22.0.0/16", "-o",
				dir.resolve("empty.jsonl").toString(), "--no-progress");
		assertThat(run.exit()).isEqualTo(0);
	}

	@Test
	void silentAddressesAreOnlyCountedUnlessAllIsAsked(@TempDir Path dir) throws Exception {
		String last = devices.getLast().address();
		String[] octets = last.split("\\.");
		// The last lab device and the three addresses after it, where nothing listens.
		String silentTail = last + "-" + octets[0] + "." + octets[1] + "." + octets[2] + "."
				+ (Integer.parseInt(octets[3]) + 3);
		Path quiet = dir.resolve("quiet.jsonl");
		Run run = run("scan", silentTail, "--scope", "127.22.0.0/16", "-o", quiet.toString(), "--no-progress");
		assertThat(Files.readAllLines(quiet)).hasSize(1).allMatch(l -> l.contains("\"" + last + "\""));
		assertThat(run.err()).contains("CamGuard scan summary");
		Path all = dir.resolve("all.jsonl");
		run("scan", silentTail, "--scope", "127.22.0.0/16", "-o", all.toString(), "--no-progress", "--all");
		assertThat(Files.readAllLines(all)).hasSize(4);
	}

	@Test
	void targetsOutsideTheScopeOrBadOptionsGiveExitCode2(@TempDir Path dir) {
		Path out = dir.resolve("refused.jsonl");
		Run refused = run("scan", "10.0.0.1", "-o", out.toString(), "--no-progress");
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.err()).contains("outside the allowed scope");
		assertThat(out).doesNotExist();
		assertThat(run("scan", "127.22.0.1", "--ports", "0", "--no-progress").exit()).isEqualTo(2);
		assertThat(run("scan", "--no-such-option").exit()).isEqualTo(2);
		assertThat(run("scan", "127.22.0.1/40").exit()).isEqualTo(2);
	}

	@Test
	void csvHasAHeaderAndOneRowPerFinding(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("scan.csv");
		Run run = run("scan", range, "--scope", "127.22.0.0/16", "-f", "csv", "-o", out.toString(), "--no-progress");
		assertThat(run.exit()).isEqualTo(1);
		List<String> lines = Files.readAllLines(out);
		assertThat(lines.getFirst()).startsWith("address,vendor,model,firmware,kind,open_ports,check_id");
		assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct()).hasSize(devices.size());
	}

	@Test
	void resumeAfterAnInterruptedRunDoesNotRescanFinishedHosts(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("scan.jsonl");
		Path state = dir.resolve("scan.state");
		AtomicInteger firstExit = new AtomicInteger(-1);
		Thread first = Thread.ofPlatform().start(() -> firstExit.set(run("scan", range, "--scope", "127.22.0.0/16", "-o",
				out.toString(), "--state", state.toString(), "--concurrency", "1", "--no-progress").exit()));
		long deadline = System.nanoTime() + 30_000_000_000L;
		while ((!Files.exists(state) || Files.readAllLines(state).size() < 5) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		first.interrupt();
		first.join(30_000);
		assertThat(firstExit.get()).isEqualTo(ScanCommand.EXIT_INTERRUPTED);
		List<String> finishedBefore = Files.readAllLines(state);
		assertThat(finishedBefore.size()).isBetween(5, devices.size() - 1);

		Run resumed = run("scan", range, "--scope", "127.22.0.0/16", "-o", out.toString(), "--state", state.toString(),
				"--resume", "--no-progress");
		assertThat(resumed.exit()).isEqualTo(1);
		// The resumed run scanned exactly the hosts the first one had not finished.
		assertThat(resumed.err()).containsPattern("hosts scanned\\s+" + (devices.size() - finishedBefore.size()) + "\\b");
		List<String> addresses = new ArrayList<>();
		for (String line : Files.readAllLines(out)) {
			addresses.add(line.substring(12, line.indexOf('"', 12)));
		}
		assertThat(new HashSet<>(addresses)).hasSize(devices.size());
		assertThat(addresses).hasSize(devices.size());
		assertThat(new HashSet<>(Files.readAllLines(state))).hasSize(devices.size());
	}

	/** The address of each line of a JSON Lines results file, failing on a line that is not a whole report. */
	static List<String> reportedAddresses(Path results) throws Exception {
		List<String> addresses = new ArrayList<>();
		for (String line : Files.readAllLines(results)) {
			assertThat(line).startsWith("{\"address\":\"").endsWith("}");
			addresses.add(line.substring(12, line.indexOf('"', 12)));
		}
		return addresses;
	}

	@Test
	void aKilledScanResumesWithEveryHostOnceAndAnExitCodeForTheWholeScan(@TempDir Path dir) throws Exception {
		// Two weak devices first, then hardened ones (no finding): every finding belongs to the run that is
		// killed, so only an exit code that remembers the earlier run says 1. The latency keeps the scan
		// running long enough to be killed half-way.
		Path fleet = dir.resolve("fleet.yaml");
		Files.writeString(fleet, """
				subnet: 127.22.1.0
				latencyMs: 20
				devices:
				  - profile: hikvision-ipc
				    count: 2
				    weaknesses: [DEFAULT_CREDENTIALS, TELNET_OPEN]
				  - profile: axis-ipc
				    count: 10
				""");
		try (RunningLab slow = Lab.start(FleetSpec.parse(fleet))) {
			List<DeviceTruth> fleetDevices = slow.manifest().devices();
			String slowRange = fleetDevices.getFirst().address() + "-" + fleetDevices.getLast().address();
			Path out = dir.resolve("scan.jsonl");
			Path state = dir.resolve("scan.state");
			String java = ProcessHandle.current().info().command().orElseThrow();
			Process first = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
					CamGuardCli.class.getName(), "scan", slowRange, "--scope", "127.22.0.0/16", "-o", out.toString(),
					"--state", state.toString(), "--concurrency", "1", "--login-pace", "0", "--no-progress")
					.redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
			try {
				long deadline = System.nanoTime() + 60_000_000_000L;
				while ((!Files.exists(state) || Files.readAllLines(state).size() < 3) && first.isAlive()
						&& System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
			}
			finally {
				first.destroyForcibly();
				assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
			}
			int finishedBefore = Files.readAllLines(state).size();
			assertThat(finishedBefore).as(Files.readString(dir.resolve("first.log"))).isBetween(3,
					fleetDevices.size() - 1);

			Run resumed = run("scan", slowRange, "--scope", "127.22.0.0/16", "-o", out.toString(), "--state",
					state.toString(), "--resume", "--no-progress");
			assertThat(resumed.err()).containsPattern("devices with findings\\s+0\\b");
			assertThat(resumed.exit()).as(resumed.err()).isEqualTo(ScanCommand.EXIT_FINDINGS);
			List<String> addresses = reportedAddresses(out);
			assertThat(addresses).doesNotHaveDuplicates()
					.containsExactlyInAnyOrderElementsOf(fleetDevices.stream().map(DeviceTruth::address).toList());
		}
	}

	@Test
	void aReportWrittenJustBeforeAKillIsNotWrittenTwice(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("scan.jsonl");
		Path state = dir.resolve("scan.state");
		assertThat(run("scan", range, "--scope", "127.22.0.0/16", "-o", out.toString(), "--state", state.toString(),
				"--no-progress").exit()).isEqualTo(1);
		// The files as a kill leaves them right after the last host's report was written and before its journal
		// line was, with a later report cut in half (a report longer than one write) and a journal line begun.
		List<String> journal = Files.readAllLines(state);
		Files.write(state, journal.subList(0, journal.size() - 1));
		Files.writeString(state, journal.getLast().substring(0, 7), java.nio.file.StandardOpenOption.APPEND);
		String firstReport = Files.readAllLines(out).getFirst();
		Files.writeString(out, firstReport.substring(0, firstReport.length() / 2),
				java.nio.file.StandardOpenOption.APPEND);

		Run resumed = run("scan", range, "--scope", "127.22.0.0/16", "-o", out.toString(), "--state", state.toString(),
				"--resume", "--no-progress");
		assertThat(resumed.exit()).isEqualTo(1);
		assertThat(resumed.err()).containsPattern("hosts scanned\\s+1\\b");
		assertThat(reportedAddresses(out)).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(devices.stream().map(DeviceTruth::address).toList());
		assertThat(Files.readAllLines(state)).hasSize(devices.size()).doesNotHaveDuplicates();
	}

	@Test
	void aCsvReportWrittenJustBeforeAKillIsNotWrittenTwice(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("scan.csv");
		Path state = dir.resolve("scan.state");
		assertThat(run("scan", range, "--scope", "127.22.0.0/16", "-o", out.toString(), "--state", state.toString(),
				"--format", "csv", "--no-progress").exit()).isEqualTo(1);
		// As a kill leaves the files right after the last host's rows were written and before its journal line
		// was, with a row of a later report cut in half and a journal line begun.
		List<String> journal = Files.readAllLines(state);
		Files.write(state, journal.subList(0, journal.size() - 1));
		Files.writeString(state, journal.getLast().substring(0, 7), java.nio.file.StandardOpenOption.APPEND);
		String firstRow = Files.readAllLines(out).get(1);
		Files.writeString(out, firstRow.substring(0, firstRow.length() / 2), java.nio.file.StandardOpenOption.APPEND);

		Run resumed = run("scan", range, "--scope", "127.22.0.0/16", "-o", out.toString(), "--state", state.toString(),
				"--format", "csv", "--resume", "--no-progress");
		assertThat(resumed.exit()).isEqualTo(1);
		assertThat(resumed.err()).containsPattern("hosts scanned\\s+1\\b");
		List<org.apache.commons.csv.CSVRecord> rows;
		try (var reader = Files.newBufferedReader(out)) {
			rows = org.apache.commons.csv.CSVFormat.DEFAULT.parse(reader).getRecords();
		}
		assertThat(rows.getFirst().get(0)).isEqualTo("address");
		List<String> addresses = rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
		assertThat(addresses).doesNotContain("address");
		// Each host's rows form one block: a host written twice would start a second one.
		List<String> blocks = new ArrayList<>();
		for (String address : addresses) {
			if (blocks.isEmpty() || !blocks.getLast().equals(address)) {
				blocks.add(address);
			}
		}
		assertThat(blocks).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(devices.stream().map(DeviceTruth::address).toList());
		assertThat(Files.readAllLines(state)).hasSize(devices.size()).doesNotHaveDuplicates();
	}

}
