package vn.camguard.monitoring.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.CamGuardApplication;
import vn.camguard.lab.DeviceTruth;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.lab.shard.ShardedLab;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.scanner.ScanRequest;

/**
 * Benchmark, not a test (run by hand): the same lab scanned by the command line ({@code camguard scan}, the built
 * {@code cli/target/camguard-cli.jar} in a JVM of its own, as {@code ./camguard scan} starts it) and by the platform
 * (a scan job of an approved range, run by the server's scheduler on PostgreSQL), one after the other on one lab
 * instance; prints the wall time of each, their ratio, and the devices and findings each found, and names every
 * device or finding only one of them found.
 *
 * <p>Equal work: the same targets (the lab's first to last address, every address in between), the same ports (the
 * scanner's default list, which the platform scans), the same connect and read timeouts (the platform's settings),
 * the same login attempts (the profile's), the same login pacing (the scanner's default), the same concurrency and
 * rate limit (the job's, given to the command line as {@code --concurrency} and {@code --rate}). The lab runs in child
 * JVMs ({@link ShardedLab}, each under the open-files limit) and serves every client alike; it is warmed up first
 * with an untimed command-line scan of every 4th device, so neither timed client pays for the lab's JIT. The server
 * runs in this JVM with its own defaults (scheduler threads, parts per job, polling interval); the platform's time
 * runs from the job's creation (the REST call) to the moment its last part is stored and the job is finished. Only
 * loopback is contacted; every wait is bounded.
 *
 * <p>Run (as root: the lab listens on ports below 1024):
 * <pre>
 * ./mvnw -B -q -DskipTests -pl cli,server -am package dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * CP="server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)"
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx2g -Dbench.devices=10000 -cp "$CP" \
 *     vn.camguard.monitoring.bench.PlatformScanBenchmark
 * </pre>
 * System properties: {@code bench.devices} (10,000), {@code bench.seed} (1), {@code bench.subnet} (127.85.0.0, a
 * /16 of loopback), {@code bench.profile} (STANDARD or STANDARD_WITH_LOGINS; STANDARD), {@code bench.concurrency}
 * (256), {@code bench.rate} (new connections per second, 10,000; the job needs a limit), {@code bench.pairs} (1: how
 * many CLI-then-platform pairs on the same lab), {@code bench.db} (jdbc:postgresql://127.0.0.1:5432/cg_labbench,
 * user and password camguard), {@code bench.cli-jar} (cli/target/camguard-cli.jar), {@code bench.cli-java-opts}
 * (-XX:TieredStopAtLevel=1 -Xmx512m, as {@code ./camguard scan}), {@code bench.shard-size} (1,400), {@code
 * bench.server.*} (passed to the server as its settings without the prefix, e.g. {@code
 * -Dbench.server.camguard.monitoring.parts-per-job=8}), {@code bench.timeout} (minutes per scan, 60).
 */
public final class PlatformScanBenchmark {

	private static final String PASSWORD = "Bench-Lab-quet-10k!";

	private static final String OPERATOR = "labbench.operator";

	/** The lab's weaknesses as the scanner's check ids (the bench scripts' map). */
	private static final Map<Weakness, String> CHECK_FOR = Map.ofEntries(
			Map.entry(Weakness.DEFAULT_CREDENTIALS, "CG-CRED-DEFAULT"), Map.entry(Weakness.WEAK_PASSWORD, "CG-CRED-WEAK"),
			Map.entry(Weakness.RTSP_NO_AUTH, "CG-RTSP-NOAUTH"), Map.entry(Weakness.SNAPSHOT_NO_AUTH, "CG-SNAPSHOT-NOAUTH"),
			Map.entry(Weakness.ONVIF_NO_AUTH, "CG-ONVIF-NOAUTH"), Map.entry(Weakness.TELNET_OPEN, "CG-SVC-TELNET"),
			Map.entry(Weakness.CLEARTEXT_MANAGEMENT, "CG-WEB-CLEARTEXT"),
			Map.entry(Weakness.OUTDATED_FIRMWARE, "CG-FW-OUTDATED"), Map.entry(Weakness.KNOWN_CVE, "CG-FW-CVE"),
			Map.entry(Weakness.TLS10_ONLY, "CG-TLS-VERSIONS"), Map.entry(Weakness.RSA_KEY_EXCHANGE_ONLY, "CG-TLS-WEAK"));

	private static final ObjectMapper JSON = new ObjectMapper();

	private PlatformScanBenchmark() {
	}

	/** What one client found: alive devices, and findings as "address checkId" of the profile's checks. */
	record Found(Set<String> devices, Set<String> findings) {
	}

	/** One timed run. */
	record Run(double wallSeconds, Found found, String load, String detail) {
	}

	public static void main(String[] args) throws Exception {
		int devices = Integer.getInteger("bench.devices", 10_000);
		long seed = Long.getLong("bench.seed", 1L);
		String subnet = System.getProperty("bench.subnet", "127.85.0.0");
		String profile = System.getProperty("bench.profile", "STANDARD");
		int concurrency = Integer.getInteger("bench.concurrency", 256);
		int rate = Integer.getInteger("bench.rate", 10_000);
		int pairs = Integer.getInteger("bench.pairs", 1);
		String db = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/cg_labbench");
		Path jar = Path.of(System.getProperty("bench.cli-jar", "cli/target/camguard-cli.jar"));
		List<String> cliJavaOptions = List.of(
				System.getProperty("bench.cli-java-opts", "-XX:TieredStopAtLevel=1 -Xmx512m").strip().split("\\s+"));
		int shardSize = Integer.getInteger("bench.shard-size", ShardedLab.DEFAULT_SHARD_SIZE);
		Duration timeout = Duration.ofMinutes(Long.getLong("bench.timeout", 60L));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " missing: build it first (./mvnw -pl cli -am package -DskipTests)");
		}
		Set<String> checks = profileChecks(profile);
		int attempts = profile.equals("STANDARD_WITH_LOGINS") ? 10 : 0;
		String scope = subnet.replaceAll("\\.\\d+\\.\\d+$", ".0.0/16");
		Path work = Files.createTempDirectory("camguard-labbench-");

		FleetSpec fleet = FleetSpec.random(devices, seed, subnet);
		System.err.printf("[bench] starting a lab of %,d devices on %s (shards of %,d)%n", devices, subnet, shardSize);
		try (RunningLab lab = ShardedLab.start(fleet, shardSize, line -> System.err.println("[lab] " + line))) {
			List<DeviceTruth> truth = lab.manifest().devices();
			List<String> addresses = truth.stream().map(DeviceTruth::address)
				.sorted(java.util.Comparator.comparingLong(PlatformScanBenchmark::number))
				.toList();
			String first = addresses.getFirst();
			String last = addresses.getLast();
			String targets = first + "-" + last;
			Found expected = expected(truth, checks);

			System.err.println("[bench] starting the server on " + db);
			try (ConfigurableApplicationContext app = SpringApplication.run(CamGuardApplication.class,
					serverArguments(db, work))) {
				int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				Settings settings = new Settings(app.getEnvironment().getProperty("camguard.schedule.threads", "(default)"),
						app.getEnvironment().getProperty("camguard.monitoring.parts-per-job", "(default)"),
						app.getEnvironment().getProperty("camguard.monitoring.part-size", "(default)"),
						app.getEnvironment().getProperty("camguard.schedule.polling-interval", "10s"));

				// warm-up, untimed: the lab's shard JVMs compile during their first requests, real cameras do not
				Path sample = work.resolve("warm-up.txt");
				Files.write(sample, java.util.stream.IntStream.range(0, truth.size()).filter(i -> i % 4 == 0)
					.mapToObj(i -> truth.get(i).address()).toList());
				System.err.println("[bench] warm-up: command-line scan of every 4th device (untimed)");
				cli(jar, cliJavaOptions, "@" + sample, scope, concurrency, rate, attempts, checks, work, "warm-up",
						timeout);

				List<String> rows = new ArrayList<>();
				for (int pair = 1; pair <= pairs; pair++) {
					System.err.printf("[bench] pair %d: command line, load %s%n", pair, load());
					Run cli = cli(jar, cliJavaOptions, targets, scope, concurrency, rate, attempts, checks, work,
							"cli-" + pair, timeout);
					System.err.printf("[bench] pair %d: command line %.1f s; platform, load %s%n", pair,
							cli.wallSeconds(), load());
					Run platform = platform(app, jdbc, port, subnet, scope, targets, profile, concurrency, rate, checks,
							pair, timeout);
					System.err.printf("[bench] pair %d: platform %.1f s (%s)%n", pair, platform.wallSeconds(),
							platform.detail());
					rows.add(String.format("| %,d | %.1f | %.1f | %.2f | %d / %d | %d / %d | %s / %s |", devices,
							cli.wallSeconds(), platform.wallSeconds(), platform.wallSeconds() / cli.wallSeconds(),
							cli.found().devices().size(), platform.found().devices().size(),
							cli.found().findings().size(), platform.found().findings().size(), cli.load(),
							platform.load()));
					compare("command line", cli.found(), "platform", platform.found());
					compare("lab manifest", expected, "command line", cli.found());
					compare("lab manifest", expected, "platform", platform.found());
					System.out.println("pair " + pair + " platform: " + platform.detail());
				}
				System.out.printf("%nCommand line vs platform on %,d lab devices (seed %d, %s), profile %s, "
						+ "concurrency %d, rate %d/s; server: %s%n", devices, seed, targets, profile, concurrency, rate,
						settings);
				System.out.println("| devices | CLI wall s | platform wall s | ratio | devices CLI / platform "
						+ "| findings CLI / platform | load (1/5/15 min) at start CLI / platform |");
				System.out.println("|---|---|---|---|---|---|---|");
				rows.forEach(System.out::println);
				System.out.printf("lab manifest: %d devices, %d findings of the profile's checks%n",
						expected.devices().size(), expected.findings().size());
			}
		}
	}

	record Settings(String threads, String partsPerJob, String partSize, String polling) {

		@Override
		public String toString() {
			return "scheduler threads " + threads + ", parts per job " + partsPerJob + ", part size " + partSize
					+ ", polling " + polling;
		}

	}

	private static String[] serverArguments(String db, Path work) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.datasource.url=" + db, "--spring.datasource.username=camguard",
				"--spring.datasource.password=camguard", "--camguard.demo.enabled=false",
				"--camguard.audit.key-file=" + work.resolve("audit.key"), "--logging.level.root=WARN",
				"--logging.level.vn.camguard.monitoring=INFO",
				"--logging.level.vn.camguard.monitoring.job.ScanExecution=DEBUG"));
		System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.server."))
			.sorted()
			.forEach(name -> arguments.add("--" + name.substring("bench.server.".length()) + "="
					+ System.getProperty(name)));
		return arguments.toArray(String[]::new);
	}

	private static Set<String> profileChecks(String profile) {
		Set<String> standard = Set.of("CG-RTSP-NOAUTH", "CG-SNAPSHOT-NOAUTH", "CG-ONVIF-NOAUTH", "CG-SVC-TELNET",
				"CG-SVC-FTP", "CG-WEB-CLEARTEXT", "CG-FW-OUTDATED", "CG-FW-CVE", "CG-TLS-VERSIONS", "CG-TLS-WEAK");
		return switch (profile) {
			case "STANDARD" -> standard;
			case "STANDARD_WITH_LOGINS" -> {
				Set<String> all = new TreeSet<>(standard);
				all.addAll(Set.of("CG-CRED-DEFAULT", "CG-CRED-WEAK"));
				yield all;
			}
			// the command line has no discovery-only scan, so there is no equal work to compare with
			default -> throw new IllegalArgumentException("bench.profile must be STANDARD or STANDARD_WITH_LOGINS");
		};
	}

	private static Found expected(List<DeviceTruth> truth, Set<String> checks) {
		Set<String> alive = new TreeSet<>();
		Set<String> findings = new TreeSet<>();
		for (DeviceTruth device : truth) {
			alive.add(device.address());
			for (Weakness weakness : device.weaknesses()) {
				String check = CHECK_FOR.get(weakness);
				if (check != null && checks.contains(check)) {
					findings.add(device.address() + " " + check);
				}
			}
		}
		return new Found(alive, findings);
	}

	/** One {@code camguard scan}, with the platform's ports, timeouts and the profile's login attempts. */
	private static Run cli(Path jar, List<String> javaOptions, String targets, String scope, int concurrency, int rate,
			int attempts, Set<String> checks, Path work, String name, Duration timeout) throws Exception {
		Path output = work.resolve(name + ".jsonl");
		Path errors = work.resolve(name + ".err");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(javaOptions);
		command.addAll(List.of("-jar", jar.toString(), "scan", targets, "--scope", scope, "--ports",
				ScanRequest.DEFAULT_PORTS.stream().map(String::valueOf).collect(Collectors.joining(",")),
				"--concurrency", String.valueOf(concurrency), "--rate", String.valueOf(rate), "--connect-timeout",
				"1000", "--read-timeout", "3000", "--max-attempts", String.valueOf(attempts), "--no-progress", "--stats",
				"-o", output.toString()));
		String load = load();
		long start = System.nanoTime();
		Process scan = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(errors.toFile()).start();
		if (!scan.waitFor(timeout.toMinutes(), TimeUnit.MINUTES)) {
			scan.destroyForcibly();
			throw new IllegalStateException("command-line scan " + name + " did not end in " + timeout);
		}
		double wall = (System.nanoTime() - start) / 1e9;
		if (scan.exitValue() > 1) {
			throw new IllegalStateException("command-line scan " + name + " failed (" + scan.exitValue() + "):\n"
					+ Files.readString(errors));
		}
		Set<String> alive = new TreeSet<>();
		Set<String> findings = new TreeSet<>();
		for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
			JsonNode report = JSON.readTree(line);
			String address = report.get("address").asText();
			alive.add(address);
			for (JsonNode finding : report.path("findings")) {
				String check = finding.get("checkId").asText();
				if (checks.contains(check)) {
					findings.add(address + " " + check);
				}
			}
		}
		return new Run(wall, new Found(alive, findings), load, "");
	}

	/** One scan job through the REST API, timed from its creation until it is finished (its last part stored). */
	private static Run platform(ConfigurableApplicationContext app, JdbcClient jdbc, int port, String subnet, String scope,
			String targets, String profile, int concurrency, int rate, Set<String> checks, int pair, Duration timeout)
			throws Exception {
		// a unit of its own per run: its findings and devices are this run's alone
		OrganizationSetup setup = app.getBean(OrganizationSetup.class);
		String stamp = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
		setup.ensureUnit("LB", "Tỉnh đo quét lab", "PROVINCE", null);
		UnitRef isp = setup.ensureUnit("LB-ISP-" + stamp, "ISP đo quét " + stamp, "ISP", "LB");
		String operator = OPERATOR + "." + stamp.toLowerCase();
		setup.grant(setup.ensureUser(operator, "Nhân viên đo quét", isp.id(), PASSWORD, false), Role.ISP_OPERATOR,
				isp.id());
		String base = scope.substring(0, scope.indexOf('/'));
		String top = subnet.replaceAll("\\.\\d+\\.\\d+$", ".255.255");
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO monitoring_range (organization_id, range_text, first_address, last_address, first_number,
				  last_number, status, requested_by, requested_at, decided_by, decided_at, valid_until)
				VALUES (:org, :text, :first, :last, :firstNumber, :lastNumber, 'APPROVED', 'bench', :now, 'bench', :now,
				  :until)""")
			.param("org", isp.id()).param("text", scope).param("first", base).param("last", top)
			.param("firstNumber", number(base)).param("lastNumber", number(top)).param("now", now)
			.param("until", Timestamp.from(Instant.now().plus(Duration.ofDays(2))))
			.update();

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		String load = load();
		long start = System.nanoTime();
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + port + "/api/v1/monitoring/jobs"))
			.timeout(Duration.ofMinutes(1))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
					(operator + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"organizationId\":" + isp.id() + ",\"name\":\"labbench " + pair
					+ "\",\"targets\":\"" + targets + "\",\"profile\":\"" + profile + "\",\"ratePerSecond\":" + rate
					+ ",\"concurrency\":" + concurrency + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("job not created: " + created.statusCode() + " " + created.body());
		}
		long job = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		long deadline = start + timeout.toNanos();
		String status = "";
		while (!status.equals("FINISHED")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("job " + job + " not finished in " + timeout + " (" + status + ")");
			}
			if (Set.of("CANCELLED", "REFUSED").contains(status)) {
				throw new IllegalStateException("job " + job + " ended " + status);
			}
			Thread.sleep(200);
			status = jdbc.sql("SELECT status FROM monitoring_job WHERE id = :id").param("id", job).query(String.class)
				.single();
		}
		double wall = (System.nanoTime() - start) / 1e9;

		Set<String> alive = new TreeSet<>(jdbc.sql("SELECT address FROM monitoring_device WHERE organization_id = :org")
			.param("org", isp.id()).query(String.class).list());
		Set<String> findings = new TreeSet<>();
		jdbc.sql("SELECT address, check_id FROM monitoring_finding WHERE organization_id = :org")
			.param("org", isp.id())
			.query((row, i) -> row.getString(1) + " " + row.getString(2))
			.list()
			.stream()
			.filter(key -> checks.contains(key.substring(key.indexOf(' ') + 1)))
			.forEach(findings::add);
		return new Run(wall, new Found(alive, findings), load, partTimes(jdbc, job, start));
	}

	/** Where the platform's time went: the run's start, the parts' scanning time and how many were taken twice. */
	private static String partTimes(JdbcClient jdbc, long job, long createdNanos) {
		record Part(Instant started, Instant finished, int attempts, int hosts) {
		}
		Instant created = Instant.now().minusNanos(System.nanoTime() - createdNanos);
		Instant runStart = jdbc.sql("SELECT started_at FROM monitoring_job_run WHERE job_id = :id").param("id", job)
			.query(Timestamp.class).single().toInstant();
		List<Part> parts = jdbc.sql("""
				SELECT started_at, finished_at, attempts, hosts_done FROM monitoring_job_part
				WHERE job_id = :id ORDER BY part_number""")
			.param("id", job)
			.query((row, i) -> new Part(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant(), row.getInt(3),
					row.getInt(4)))
			.list();
		Instant firstPart = parts.stream().map(Part::started).min(Instant::compareTo).orElse(runStart);
		Instant lastPart = parts.stream().map(Part::finished).max(Instant::compareTo).orElse(runStart);
		double scanning = parts.stream().mapToDouble(p -> Duration.between(p.started(), p.finished()).toMillis() / 1e3)
			.sum();
		long retaken = parts.stream().filter(p -> p.attempts() > 1).count();
		return String.format("job %d: run started %.1f s after creation, first part %.1f s after, last part stored "
				+ "%.1f s after; %d parts, %.0f part-seconds scanning (mean %.1f s), %d taken more than once, %d hosts",
				job, seconds(created, runStart), seconds(created, firstPart), seconds(created, lastPart), parts.size(),
				scanning, scanning / Math.max(1, parts.size()), retaken, parts.stream().mapToInt(Part::hosts).sum());
	}

	private static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1e3;
	}

	private static void compare(String leftName, Found left, String rightName, Found right) {
		difference("devices", leftName, left.devices(), rightName, right.devices());
		difference("findings", leftName, left.findings(), rightName, right.findings());
	}

	private static void difference(String what, String leftName, Set<String> left, String rightName, Set<String> right) {
		Set<String> onlyLeft = new TreeSet<>(left);
		onlyLeft.removeAll(right);
		Set<String> onlyRight = new TreeSet<>(right);
		onlyRight.removeAll(left);
		if (onlyLeft.isEmpty() && onlyRight.isEmpty()) {
			System.out.printf("%s: %s and %s agree (%d)%n", what, leftName, rightName, left.size());
			return;
		}
		System.out.printf("%s: %d only by %s %s, %d only by %s %s%n", what, onlyLeft.size(), leftName,
				onlyLeft.stream().limit(12).toList(), onlyRight.size(), rightName, onlyRight.stream().limit(12).toList());
		Map<String, Long> byCheck = new HashMap<>();
		onlyLeft.forEach(key -> byCheck.merge(leftName + " " + key.substring(key.indexOf(' ') + 1), 1L, Long::sum));
		onlyRight.forEach(key -> byCheck.merge(rightName + " " + key.substring(key.indexOf(' ') + 1), 1L, Long::sum));
		if (what.equals("findings")) {
			System.out.println("  by check: " + new java.util.TreeMap<>(byCheck));
		}
	}

	private static long number(String address) {
		byte[] bytes;
		try {
			bytes = InetAddress.getByName(address).getAddress();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(address, ex);
		}
		return ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFFL) << 16) | ((bytes[2] & 0xFFL) << 8) | (bytes[3] & 0xFFL);
	}

	private static String load() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
