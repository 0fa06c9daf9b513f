package vn.camguard.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;

/**
 * Two real server processes on one PostgreSQL database scan the camera lab (127.78.1.x, slowed by a simulated
 * latency so that a part takes seconds); once both are in the middle of parts, one is killed with SIGKILL. The other
 * takes over the dead process's parts and finishes the job: every part is done and handed to the ledger exactly once,
 * and the findings are exactly the lab's weaknesses, each seen once. PostgreSQL only (H2 in memory cannot be shared by
 * two processes); the servers get a database of their own beside the suite's, so no other test's scheduler takes part.
 */
class KillNineScanTests {

	private static final Duration START_LIMIT = Duration.ofMinutes(4);

	private static final Duration JOB_LIMIT = Duration.ofMinutes(5);

	private static final int DEVICES = 24;

	/** Two scheduler threads per process: four parts scanning at once means both processes are busy. */
	private static final int THREADS = 2;

	private static final Map<Weakness, String> CHECK_FOR = Map.of(Weakness.TELNET_OPEN, "CG-SVC-TELNET",
			Weakness.RTSP_NO_AUTH, "CG-RTSP-NOAUTH", Weakness.SNAPSHOT_NO_AUTH, "CG-SNAPSHOT-NOAUTH");

	@TempDir
	Path temp;

	private final List<Process> servers = new ArrayList<>();

	private String adminUrl;

	private String databaseName;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@AfterEach
	void stopServersAndDropTheirDatabase() throws Exception {
		for (Process server : servers) {
			server.destroyForcibly();
			server.waitFor(30, TimeUnit.SECONDS);
		}
		if (databaseName != null) {
			try (Connection connection = DriverManager.getConnection(adminUrl, user(), password());
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
			}
		}
	}

	@Test
	void aServerKilledMidScanLeavesItsPartsToTheOtherWhichFinishesTheJobWithNothingLostOrDoubled() throws Exception {
		String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
		assumeTrue(suiteUrl != null && suiteUrl.startsWith("jdbc:postgresql:"),
				"PostgreSQL only (CI runs the suite on both)");
		Matcher url = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(.*)").matcher(suiteUrl);
		assertThat(url.matches()).as(suiteUrl).isTrue();
		adminUrl = suiteUrl;
		String name = url.group(2) + "_kill9";
		try (Connection connection = DriverManager.getConnection(adminUrl, user(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + name);
		}
		databaseName = name;
		String serverUrl = url.group(1) + name + url.group(3);

		Map<String, Set<String>> expected = new TreeMap<>();
		List<DeviceSpec> devices = new ArrayList<>();
		for (int i = 1; i <= DEVICES; i++) {
			String address = "127.78.1." + i;
			Set<Weakness> weaknesses = switch (i % 4) {
				case 0 -> Set.of(Weakness.TELNET_OPEN);
				case 1 -> Set.of(Weakness.RTSP_NO_AUTH, Weakness.TELNET_OPEN);
				case 2 -> Set.of(Weakness.SNAPSHOT_NO_AUTH);
				default -> Set.of();
			};
			devices.add(DeviceSpec.of("k9-cam-" + i, address, Profile.DAHUA_IPC, weaknesses));
			expected.put(address, new TreeSet<>(weaknesses.stream().map(CHECK_FOR::get).toList()));
		}

		// the first process migrates the empty database and makes the ISP; the second starts on the migrated one
		int firstPort = freePort();
		Process first = start("first", serverUrl, firstPort, true);
		Process second = start("second", serverUrl, freePort(), false);

		// a simulated latency per round trip makes each part of four cameras take seconds
		try (RunningLab lab = Lab.start(new FleetSpec(devices, 400));
				Connection db = DriverManager.getConnection(serverUrl, user(), password())) {
			long isp = KillNineScanTests.<Long>single(db, "SELECT id FROM organization_unit WHERE code = ?", KillNineScanServer.ISP);
			Timestamp now = Timestamp.from(Instant.now());
			try (PreparedStatement range = db.prepareStatement("""
					INSERT INTO monitoring_range (organization_id, range_text, first_address, last_address, first_number,
					  last_number, status, requested_by, requested_at, decided_by, decided_at, valid_until)
					VALUES (?, '127.78.1.0/27', '127.78.1.0', '127.78.1.31', ?, ?, 'APPROVED', 'test', ?, 'test', ?, ?)""")) {
				range.setLong(1, isp);
				range.setLong(2, 0x7F4E0100L);
				range.setLong(3, 0x7F4E011FL);
				range.setTimestamp(4, now);
				range.setTimestamp(5, now);
				range.setTimestamp(6, Timestamp.from(Instant.now().plus(Duration.ofDays(5))));
				range.executeUpdate();
			}
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + firstPort + "/api/v1/monitoring/jobs"))
				.timeout(Duration.ofMinutes(1))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
						(KillNineScanServer.OPERATOR + ":" + KillNineScanServer.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"organizationId\":" + isp
						+ ",\"name\":\"kill -9\",\"targets\":\"127.78.1.1-127.78.1." + DEVICES
						+ "\",\"profile\":\"STANDARD\",\"ratePerSecond\":500,\"concurrency\":8}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			long job = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));

			// .1-.3, .4-.7, ..., .20-.23, .24: seven parts; wait until both processes are in the middle of parts
			long deadline = System.nanoTime() + JOB_LIMIT.toNanos();
			long scanning = 0;
			while (scanning < 2L * THREADS) {
				assertThat(System.nanoTime()).as("both processes scanning parts").isLessThan(deadline);
				assertThat(first.isAlive() && second.isAlive()).as(() -> tail("first") + tail("second")).isTrue();
				Thread.sleep(100);
				scanning = KillNineScanTests.<Long>single(db, "SELECT COUNT(*) FROM monitoring_job_part WHERE job_id = ? AND status = 'SCANNING'",
						job);
			}
			long doneBeforeKill = KillNineScanTests.<Long>single(db, "SELECT COUNT(*) FROM monitoring_job_part WHERE job_id = ? "
					+ "AND status = 'DONE'", job);
			first.destroyForcibly(); // SIGKILL: no shutdown hook, no scheduler stop, its parts stay picked
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

			String status = null;
			while (!"FINISHED".equals(status)) {
				assertThat(System.nanoTime()).as(() -> "job finished by the second process\n" + tail("second"))
					.isLessThan(deadline);
				assertThat(second.isAlive()).as(() -> tail("second")).isTrue();
				Thread.sleep(200);
				status = single(db, "SELECT status FROM monitoring_job WHERE id = ?", job);
			}

			List<int[]> parts = new ArrayList<>(); // part number, attempts, hosts done
			List<String> partStatuses = new ArrayList<>();
			try (PreparedStatement query = db.prepareStatement("SELECT part_number, attempts, hosts_done, status "
					+ "FROM monitoring_job_part WHERE job_id = ? ORDER BY part_number")) {
				query.setLong(1, job);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						parts.add(new int[] { rows.getInt(1), rows.getInt(2), rows.getInt(3) });
						partStatuses.add(rows.getString(4));
					}
				}
			}
			System.out.printf("kill -9: %d parts done before the kill; attempts per part %s%n", doneBeforeKill,
					parts.stream().map(part -> part[0] + ":" + part[1]).toList());
			assertThat(parts).hasSize(7);
			assertThat(partStatuses).containsOnly("DONE");
			assertThat(parts.stream().mapToInt(part -> part[2]).sum()).as("hosts covered").isEqualTo(DEVICES);
			assertThat(doneBeforeKill).as("the kill landed before the job's end").isLessThan(7);
			long retaken = parts.stream().filter(part -> part[1] == 2).count();
			assertThat(retaken).as("parts the killed process was scanning, scanned again by the other")
				.isBetween(1L, (long) THREADS);
			assertThat(parts).allSatisfy(part -> assertThat(part[1]).as("attempts of part " + part[0]).isBetween(1, 2));
			long recorded = single(db, "SELECT COUNT(*) FROM monitoring_ledger_part WHERE part_key LIKE ?",
					"job-" + job + "/%");
			assertThat(recorded).as("parts recorded in the ledger").isEqualTo(7L);

			Map<String, Set<String>> found = new TreeMap<>();
			expected.keySet().forEach(address -> found.put(address, new TreeSet<>()));
			List<String> seenMoreThanOnce = new ArrayList<>();
			try (PreparedStatement query = db.prepareStatement("SELECT address, check_id, times_seen "
					+ "FROM monitoring_finding WHERE organization_id = ?")) {
				query.setLong(1, isp);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						if (rows.getInt(3) != 1) {
							seenMoreThanOnce.add(rows.getString(1) + " " + rows.getString(2) + " x" + rows.getInt(3));
						}
						if (CHECK_FOR.containsValue(rows.getString(2))) {
							found.computeIfAbsent(rows.getString(1), a -> new TreeSet<>()).add(rows.getString(2));
						}
					}
				}
			}
			assertThat(found).as("the lab's weaknesses, none lost").isEqualTo(expected);
			assertThat(seenMoreThanOnce).as("findings recorded twice").isEmpty();
		}
	}

	private Process start(String name, String databaseUrl, int port, boolean setup) throws Exception {
		Path log = temp.resolve(name + ".log");
		String java = ProcessHandle.current().info().command().orElseThrow();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
				"-Dkill9.setup=" + setup, "-cp", System.getProperty("java.class.path"),
				KillNineScanServer.class.getName(), "--server.address=127.0.0.1", "--server.port=" + port,
				"--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + user(),
				"--spring.datasource.password=" + password(), "--camguard.demo.enabled=false",
				"--spring.jmx.enabled=false", "--camguard.schedule.polling-interval=200ms",
				"--camguard.schedule.threads=" + THREADS,
				// a process that stops sending heartbeats is declared dead within seconds, not half an hour
				"--camguard.schedule.heartbeat-interval=1s", "--camguard.monitoring.part-size=4",
				"--camguard.monitoring.connect-timeout=2s", "--camguard.monitoring.read-timeout=5s"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_"));
		Process server = builder.start();
		servers.add(server);
		long deadline = System.nanoTime() + START_LIMIT.toNanos();
		while (!Files.readString(log).contains(KillNineScanServer.READY)) {
			assertThat(server.isAlive()).as(() -> name + " stopped:\n" + tail(name)).isTrue();
			assertThat(System.nanoTime()).as(() -> name + " did not start:\n" + tail(name)).isLessThan(deadline);
			Thread.sleep(250);
		}
		return server;
	}

	private static int freePort() throws IOException {
		try (ServerSocket free = new ServerSocket(0)) {
			return free.getLocalPort();
		}
	}

	private static String user() {
		return System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "camguard");
	}

	private static String password() {
		return System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "camguard");
	}

	@SuppressWarnings("unchecked")
	private static <T> T single(Connection db, String sql, Object parameter) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql)) {
			query.setObject(1, parameter);
			try (ResultSet rows = query.executeQuery()) {
				assertThat(rows.next()).as(sql).isTrue();
				return (T) rows.getObject(1);
			}
		}
	}

	private String tail(String name) {
		try {
			List<String> lines = Files.readAllLines(temp.resolve(name + ".log"));
			return "--- " + name + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
