package vn.camguard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.discovery.WsDiscovery;
import vn.camguard.scanner.report.CsvWriter;
import vn.camguard.scanner.report.JsonLinesWriter;
import vn.camguard.scanner.report.ReportWriter;
import vn.camguard.scanner.report.ScanSummary;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.TargetException;
import vn.camguard.scanner.target.Targets;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code camguard scan}: scans targets inside the allowed scope and writes one result per device. */
@Command(name = "scan", mixinStandardHelpOptions = true,
		description = {"Scans cameras and recorders non-destructively (read-only requests only).",
				"Exit code: 0 no findings, 1 findings, 2 usage or scope error."})
public final class ScanCommand implements Callable<Integer> {

	static final int EXIT_CLEAN = 0;

	static final int EXIT_FINDINGS = 1;

	static final int EXIT_USAGE = 2;

	/** Conventional code of a command stopped by an interrupt (128 + SIGINT). */
	static final int EXIT_INTERRUPTED = 130;

	/** Output formats. */
	enum Format {
		jsonl, csv
	}

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "TARGET",
			description = "IP, CIDR (10.0.0.0/24), range (10.0.0.1-10.0.0.50 or 10.0.0.1-50), host name, or @file.")
	List<String> targets = new ArrayList<>();

	@Option(names = {"-x", "--exclude"}, split = ",", paramLabel = "TARGET", description = "Addresses never to scan.")
	List<String> exclude = new ArrayList<>();

	@Option(names = "--scope", split = ",", paramLabel = "RANGE",
			description = "The allowed ranges (the authorisation). Targets outside are refused. Default: loopback only.")
	List<String> scope = new ArrayList<>();

	@Option(names = {"-p", "--ports"}, split = ",", description = "TCP ports (default: ${DEFAULT-VALUE}).",
			defaultValue = "21,22,23,80,443,554,8000,8080,8554,8899,34567,37777")
	List<Integer> ports;

	@Option(names = "--concurrency", defaultValue = "256", description = "Devices scanned at once (default: ${DEFAULT-VALUE}).")
	int concurrency;

	@Option(names = "--connect-timeout", defaultValue = "1000", description = "Connect timeout in ms (default: ${DEFAULT-VALUE}).")
	int connectTimeoutMs;

	@Option(names = "--read-timeout", defaultValue = "2000", description = "Timeout for each answer in ms (default: ${DEFAULT-VALUE}).")
	int readTimeoutMs;

	@Option(names = "--rate", defaultValue = "0", description = "New connections per second, whole scan (0 = unlimited).")
	int rate;

	@Option(names = "--host-rate", defaultValue = "0", description = "New connections per second to one device (0 = unlimited).")
	int hostRate;

	@Option(names = "--max-attempts", defaultValue = "10", description = "Login attempts per device (default: ${DEFAULT-VALUE}).")
	int maxAttempts;

	@Option(names = "--rtsp-route-budget", defaultValue = "50",
			description = "DESCRIBE requests per device while looking for RTSP stream routes (default: ${DEFAULT-VALUE}).")
	int rtspRouteBudget;

	@Option(names = "--login-pace", defaultValue = "4/30", paramLabel = "N/SECONDS",
			description = "At most N logins per account of a device in any SECONDS (default: ${DEFAULT-VALUE}, under the "
					+ "lockout of 5 failures in 30 s cameras have); 0 = no pacing, only for devices without lockout.")
	String loginPace;

	@Option(names = "--all", description = "Also write a line for addresses where nothing answered (else only counted).")
	boolean all;

	@Option(names = {"-f", "--format"}, defaultValue = "jsonl", description = "jsonl (default) or csv.")
	Format format;

	@Option(names = {"-o", "--output"}, description = "Results file (default: standard output).")
	Path output;

	@Option(names = "--resume", description = "Continue an interrupted scan: skip hosts listed in the state file, append results.")
	boolean resume;

	@Option(names = "--state", description = "Resume journal of finished hosts (default: OUTPUT.state, or camguard-scan.state).")
	Path state;

	@Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
	boolean noProgress;

	@Option(names = "--stats", description = "Print wall time, rate and peak heap used at the end (stderr).")
	boolean stats;

	@Option(names = "--ws-discovery-multicast",
			description = "Also send one WS-Discovery probe to the LAN multicast group and scan in-scope responders.")
	boolean multicast;

	private static LoginPacing pacing(String text) {
		if (text.strip().equals("0")) {
			return LoginPacing.NONE;
		}
		String[] parts = text.strip().split("/");
		try {
			if (parts.length == 2) {
				return new LoginPacing(Integer.parseInt(parts[0]), Duration.ofSeconds(Long.parseLong(parts[1])),
						LoginPacing.Timeline.SYSTEM);
			}
		}
		catch (NumberFormatException ex) {
			// Reported below as a bad value.
		}
		throw new IllegalArgumentException("--login-pace must be N/SECONDS (e.g. 4/30) or 0");
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter err = spec.commandLine().getErr();
		long started = System.nanoTime();
		Targets hosts;
		try {
			Scope allowed = scope.isEmpty() ? Scope.loopback() : Scope.of(scope);
			List<String> all = new ArrayList<>(targets);
			if (multicast) {
				all.addAll(multicastResponders(allowed, err));
			}
			hosts = Targets.of(all, exclude, allowed);
		}
		catch (TargetException ex) {
			err.println("camguard scan: " + ex.getMessage());
			err.flush();
			return EXIT_USAGE;
		}
		Path statePath = state != null ? state
				: output != null ? output.resolveSibling(output.getFileName() + ".state") : Path.of("camguard-scan.state");
		Set<String> finished = resume ? StateFile.finished(statePath) : Set.of();
		ScanRequest request;
		try {
			request = ScanRequest.of(hosts).withPorts(ports).withConcurrency(concurrency)
					.withTimeouts(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(readTimeoutMs))
					.withRates(rate, hostRate).withCredentialAttempts(maxAttempts).withRtspRouteBudget(rtspRouteBudget).withLoginPacing(pacing(loginPace)).skipping(finished);
		}
		catch (IllegalArgumentException ex) {
			err.println("camguard scan: " + ex.getMessage());
			err.flush();
			return EXIT_USAGE;
		}
		boolean appending = resume && output != null && Files.exists(output) && Files.size(output) > 0;
		ScanSummary summary = new ScanSummary();
		boolean interrupted = false;
		try (Writer sink = openOutput(appending); ReportWriter writer = writer(sink, !appending);
				StateFile journal = StateFile.open(statePath, resume);
				ProgressBar progress = noProgress ? null : new ProgressBar(System.err, hosts.count() - finished.size())) {
			new Scanner(request).scan(report -> {
				try {
					if (all || report.alive()) {
						writer.write(report);
					}
					journal.finished(report.address());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				summary.add(report);
				if (progress != null) {
					progress.hostDone(report.alive());
				}
			});
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		summary.print(err);
		if (interrupted) {
			err.println("camguard scan: interrupted; finished hosts are in " + statePath + ", continue with --resume");
			err.flush();
			return EXIT_INTERRUPTED;
		}
		if (stats) {
			double seconds = (System.nanoTime() - started) / 1e9;
			err.printf("stats: %d hosts in %.2f s (%.0f hosts/s), peak heap used %.1f MB%n", summary.hosts(), seconds,
					summary.hosts() / Math.max(seconds, 1e-3), peakHeapBytes() / 1048576.0);
			err.flush();
		}
		return summary.findings() > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
	}

	private Writer openOutput(boolean append) throws IOException {
		if (output == null) {
			// Standard output stays open after the scan: flush, do not close it.
			return new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
				@Override
				public void close() throws IOException {
					flush();
				}
			};
		}
		return Files.newBufferedWriter(output, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
	}

	private ReportWriter writer(Writer sink, boolean header) throws IOException {
		return format == Format.csv ? new CsvWriter(sink, header) : new JsonLinesWriter(sink);
	}

	private List<String> multicastResponders(Scope allowed, PrintWriter err) {
		List<String> found = new ArrayList<>();
		for (WsDiscovery.ProbeMatch match : new WsDiscovery(Duration.ofSeconds(3)).multicast(1024)) {
			String address = match.from().getHostAddress();
			try {
				Targets.of(List.of(address), List.of(), allowed);
				found.add(address);
			}
			catch (TargetException ex) {
				err.println("camguard scan: WS-Discovery responder " + address + " is outside the scope; not scanned");
			}
		}
		return found;
	}

	/** Sum of the peak usage of every heap pool: an upper bound of the peak heap in use. */
	static long peakHeapBytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
