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

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

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
		StateFile.Journal earlier = resume ? StateFile.recover(statePath) : StateFile.Journal.EMPTY;
		Set<String> finished = earlier.finished();
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
		ScanSummary summary = new ScanSummary();
		boolean interrupted = false;
		try (Results results = openOutput(resume ? earlier.reportBytes() : 0);
				ReportWriter writer = writer(results.sink(), results.length().getAsLong() == 0);
				StateFile journal = StateFile.open(statePath, resume);
				ProgressBar progress = noProgress ? null : new ProgressBar(System.err, hosts.count() - finished.size())) {
			new Scanner(request).scan(report -> {
				try {
					if (all || report.alive()) {
						// The writers flush each report: its bytes are in the file before the journal names the host.
						writer.write(report);
					}
					journal.finished(report.address(), results.length().getAsLong(), report.findings().size());
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
		if (!finished.isEmpty()) {
			err.printf("camguard scan: resumed; %d hosts finished by earlier runs, %d of them with findings%n",
					finished.size(), earlier.hostsWithFindings());
		}
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
		// After --resume the exit code answers for the whole scan, the earlier runs' hosts included.
		return summary.findings() > 0 || earlier.hostsWithFindings() > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
	}

	/** Where reports go, and how long the results file is (0 for standard output, which is not resumed). */
	private record Results(Writer sink, LongSupplier length) implements Closeable {

		@Override
		public void close() throws IOException {
			sink.close();
		}

	}

	/**
	 * Opens the results file, keeping its first {@code keep} bytes (what the resume journal vouches for; -1 =
	 * all of it, for a journal that does not say).
	 */
	private Results openOutput(long keep) throws IOException {
		if (output == null) {
			// Standard output stays open after the scan: flush, do not close it.
			return new Results(new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
				@Override
				public void close() throws IOException {
					flush();
				}
			}, () -> 0);
		}
		FileChannel file = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		if (keep >= 0) {
			file.truncate(keep);
		}
		file.position(file.size());
		LongSupplier length = () -> {
			try {
				return file.position();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
		return new Results(new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(file), StandardCharsets.UTF_8)),
				length);
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
