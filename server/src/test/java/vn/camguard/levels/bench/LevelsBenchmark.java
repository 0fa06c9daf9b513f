package vn.camguard.levels.bench;

import static vn.camguard.bench.BenchmarkClients.measure;
import static vn.camguard.bench.BenchmarkClients.run;
import static vn.camguard.bench.BenchmarkClients.signIn;
import static vn.camguard.bench.BenchmarkClients.unitId;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.bench.BenchmarkClients;
import vn.camguard.CamGuardApplication;
import vn.camguard.bench.BenchmarkClients.Scenario;
import vn.camguard.inventory.bench.InventoryBenchmark;
import vn.camguard.levels.Campaigns;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * Benchmark, not a test (run by hand): on a local PostgreSQL database ({@code bench.db}, default
 * {@code camguard_levels_bench}) it creates the inventory benchmark's unit tree (a province, 100 districts, 9,900
 * communes), 50,000 information systems spread over the communes, determinations and dossiers for 80 % of them (70 %
 * of those approved at level 1 to 3 under the current Decree 85 version, the rest under way), plan items for most
 * approved dossiers (a mix of done, in progress, not applicable; a third fully done), and a regulation for half the
 * units, each with INSERT ... SELECT; then measures with 8 concurrent clients the province dashboard (page, home page
 * and REST) and the campaign lists (systems without a level, plans below 100 %) as the province administrator and
 * as a district officer, and prints p50/p95/max. Only 127.0.0.1 is contacted; every loop is bounded.
 *
 * <p>Run: {@code ./mvnw -pl server -am test-compile -o} and
 * {@code ./mvnw -pl server dependency:build-classpath -Dmdep.outputFile=cp.txt -o}, then
 * {@code /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp server/target/test-classes:server/target/classes:$(cat server/cp.txt)
 * vn.camguard.levels.bench.LevelsBenchmark}. System properties: {@code bench.db}, {@code bench.systems} (50,000),
 * {@code bench.requests} (400 per scenario), {@code bench.clients} (8), {@code bench.scenarios} (comma-separated
 * substrings of scenario names to run, e.g. {@code overdue,regulations}; all when unset).
 */
public final class LevelsBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String PASSWORD = "Bench-mark-Passw0rd!";

	private static final String NAME = "Hệ thống bench ";

	private LevelsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/camguard_levels_bench");
		int systemCount = Integer.getInteger("bench.systems", 50_000);
		int requests = Integer.getInteger("bench.requests", 400);
		int clients = Integer.getInteger("bench.clients", 8);
		try (ConfigurableApplicationContext app = SpringApplication.run(CamGuardApplication.class, "--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + db, "--spring.datasource.username=camguard",
				"--spring.datasource.password=camguard", "--spring.datasource.hikari.maximum-pool-size=16",
				"--camguard.demo.enabled=false",
				"--camguard.audit.key-file=" + BenchmarkClients.auditKeyFile(db),
				"--logging.level.root=WARN", "--spring.thymeleaf.cache=true")) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			String base = "http://127.0.0.1:" + port;
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			InventoryBenchmark.BenchUnits.ensure(jdbc, app.getBean(JdbcTemplate.class));
			OrganizationSetup setup = app.getBean(OrganizationSetup.class);
			long provinceId = unitId(jdbc, "BENCH");
			long districtId = unitId(jdbc, "BENCH-D001");
			setup.grant(setup.ensureUser("bench.admin", "Bench admin", provinceId, PASSWORD, false), Role.PROVINCE_ADMIN,
					provinceId);
			setup.grant(setup.ensureUser("bench.officer", "Bench officer", districtId, PASSWORD, false),
					Role.UNIT_OFFICER, districtId);

			long present = jdbc.sql("SELECT COUNT(*) FROM inventory_system WHERE name LIKE :n")
				.param("n", NAME + "%")
				.query(Long.class)
				.single();
			if (present < systemCount) {
				long t0 = System.nanoTime();
				load(jdbc, app.getBean(FrameworkStore.class), systemCount);
				System.out.printf("load: %,d systems with dossiers, plans and regulations in %.1f s%n", systemCount,
						(System.nanoTime() - t0) / 1e9);
			}
			else {
				System.out.printf("load: skipped, %,d benchmark systems already present%n", present);
			}
			for (String table : List.of("inventory_system", "level_determination", "level_dossier", "level_plan_item",
					"level_unit_regulation")) {
				jdbc.sql("VACUUM ANALYZE " + table).update();
			}
			System.out.println(counts(jdbc));

			long directive = app.getBean(Campaigns.class)
				.all()
				.stream()
				.filter(c -> c.code().equals("CT23_2023"))
				.findFirst()
				.orElseThrow()
				.id();
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			String admin = signIn(http, base, "bench.admin", PASSWORD);
			String officer = signIn(http, base, "bench.officer", PASSWORD);
			String systems = base + "/levels/campaigns/" + directive + "/systems";
			List<Scenario> scenarios = List.of(
					new Scenario("dashboard HTML, province admin", base + "/levels/dashboard?campaign=" + directive, admin),
					new Scenario("home page (dashboard), province admin", base + "/", admin),
					new Scenario("dashboard REST, province admin", base + "/api/v1/levels/dashboard?campaign=" + directive,
							admin),
					new Scenario("dashboard HTML, district officer", base + "/levels/dashboard?campaign=" + directive,
							officer),
					new Scenario("overdue levels HTML, province admin", systems + "?kind=LEVELS_APPROVED", admin),
					new Scenario("overdue plans HTML, province admin", systems + "?kind=PLANS_IMPLEMENTED", admin),
					new Scenario("overdue plans HTML page 40, province", systems + "?kind=PLANS_IMPLEMENTED&page=40", admin),
					new Scenario("overdue plans REST, province admin", base + "/api/v1/levels/campaigns/" + directive
							+ "/systems?kind=PLANS_IMPLEMENTED", admin),
					new Scenario("overdue levels HTML, district officer", systems + "?kind=LEVELS_APPROVED", officer),
					new Scenario("overdue plans HTML, district officer", systems + "?kind=PLANS_IMPLEMENTED", officer),
					new Scenario("regulations lacking HTML, province admin", base + "/levels/regulations", admin))
				.stream()
				.filter(scenario -> selected(scenario.name()))
				.toList();
			for (Scenario scenario : scenarios) {
				run(http, scenario.request(TIMEOUT), Math.max(clients, requests / 10), clients);
			}
			System.out.printf("latency, %d clients x %d requests per scenario (after warm-up)%n", clients, requests);
			for (Scenario scenario : scenarios) {
				long jvm = jvmCpuNanos();
				long database = databaseCpuTicks(jdbc);
				measure(http, scenario, TIMEOUT, requests, clients);
				// CPU per request tells changes apart on a shared machine, where latency mostly measures the neighbours
				System.out.printf("%-46s cpu per request: this JVM %5.1f ms, PostgreSQL %5.1f ms%n", "",
						(jvmCpuNanos() - jvm) / 1e6 / requests,
						(databaseCpuTicks(jdbc) - database) * 1000.0 / CLOCK_TICKS / requests);
			}
		}
	}

	/** Linux's USER_HZ: the unit of the CPU times in /proc/PID/stat. */
	private static final int CLOCK_TICKS = 100;

	private static long jvmCpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}

	/**
	 * CPU time (user + system, in clock ticks) of the PostgreSQL backends connected to the benchmark's database, read
	 * from /proc when PostgreSQL runs on this machine; 0 when it cannot be read.
	 */
	private static long databaseCpuTicks(JdbcClient jdbc) {
		long ticks = 0;
		for (Integer pid : jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
			.query(Integer.class)
			.list()) {
			try {
				String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException ex) {
				// a backend that ended between the two reads, or no /proc: counted as 0
			}
		}
		return ticks;
	}

	/**
	 * Whether the scenario is one of those asked for: {@code bench.scenarios} is a comma-separated list of
	 * substrings of scenario names (case-insensitive); unset or blank runs them all.
	 */
	private static boolean selected(String name) {
		String wanted = System.getProperty("bench.scenarios", "");
		if (wanted.isBlank()) {
			return true;
		}
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		for (String part : wanted.split(",")) {
			if (!part.isBlank() && lower.contains(part.strip().toLowerCase(java.util.Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	private static String counts(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM organization_unit WHERE code LIKE 'BENCH%') AS units,
				  (SELECT COUNT(*) FROM inventory_system) AS systems,
				  (SELECT COUNT(*) FROM level_dossier WHERE status = 'APPROVED') AS approved,
				  (SELECT COUNT(*) FROM level_dossier) AS dossiers,
				  (SELECT COUNT(*) FROM level_plan_item) AS plan_items,
				  (SELECT COUNT(*) FROM level_unit_regulation) AS regulations""")
			.query((rs, row) -> "data: %,d benchmark units, %,d systems, %,d dossiers (%,d approved), %,d plan items, %,d regulations"
				.formatted(rs.getLong("units"), rs.getLong("systems"), rs.getLong("dossiers"), rs.getLong("approved"),
						rs.getLong("plan_items"), rs.getLong("regulations")))
			.single();
	}

	/** Systems over the communes, their determinations, dossiers, plan items, and regulations of half the units. */
	private static void load(JdbcClient jdbc, FrameworkStore frameworks, int systemCount) {
		FrameworkVersion version = frameworks.versions()
			.stream()
			.filter(v -> v.code().equals("ND85_2016") && v.current())
			.findFirst()
			.orElseThrow();
		Framework framework = frameworks.framework(version.id()).orElseThrow();
		jdbc.sql("""
				INSERT INTO inventory_system (unit_id, name, status, created_at, updated_at)
				SELECT c.id, :name || g, CASE WHEN g % 20 = 0 THEN 'PLANNED' ELSE 'OPERATING' END, now(), now()
				FROM generate_series(0, :total - 1) g
				JOIN (SELECT id, (row_number() OVER (ORDER BY id) - 1) AS rn FROM organization_unit
				      WHERE code LIKE 'BENCH-D___-C__') c ON c.rn = g % 9900""")
			.param("name", NAME)
			.param("total", systemCount)
			.update();
		jdbc.sql("""
				INSERT INTO level_determination (system_id, unit_id, framework_version_id, answers_json, proposed_min,
				  proposed_max, deciding_rules, chosen_level, status, created_by, created_at)
				SELECT s.id, s.unit_id, :fw, '{}', 1 + s.id % 3, 1 + s.id % 3, '', 1 + s.id % 3, 'DRAFT', 'bench', now()
				FROM inventory_system s WHERE s.name LIKE :name AND s.id % 5 <> 0""")
			.param("fw", version.id())
			.param("name", NAME + "%")
			.update();
		jdbc.sql("""
				INSERT INTO level_dossier (system_id, unit_id, determination_id, framework_version_id, level, status,
				  decision_number, decision_date, created_by, created_at, updated_at)
				SELECT d.system_id, d.unit_id, d.id, d.framework_version_id, d.chosen_level,
				  CASE WHEN d.id % 10 < 7 THEN 'APPROVED' WHEN d.id % 10 < 9 THEN 'SUBMITTED' ELSE 'DRAFT' END,
				  CASE WHEN d.id % 10 < 7 THEN d.id || '/QĐ' END, CASE WHEN d.id % 10 < 7 THEN DATE '2023-03-15' END,
				  'bench', now(), now()
				FROM level_determination d WHERE d.created_by = 'bench'""").update();
		StringBuilder keys = new StringBuilder();
		for (int level = 1; level <= 3; level++) {
			List<FrameworkItem> items = framework.forLevel(ItemKind.REQUIREMENT, level);
			for (int n = 0; n < items.size(); n++) {
				keys.append(keys.isEmpty() ? "" : ", ")
					.append("(")
					.append(level)
					.append(", '")
					.append(items.get(n).key().replace("'", "''"))
					.append("', ")
					.append(n)
					.append(")");
			}
		}
		jdbc.sql("""
				INSERT INTO level_plan_item (dossier_id, item_key, status, not_applicable_reason, updated_by, updated_at)
				SELECT d.id, k.item_key,
				  CASE WHEN d.id % 3 = 0 OR (d.id + k.n) % 10 < 6 THEN 'DONE' WHEN (d.id + k.n) % 10 < 9 THEN 'IN_PROGRESS'
				    ELSE 'NOT_APPLICABLE' END,
				  CASE WHEN d.id % 3 <> 0 AND (d.id + k.n) % 10 = 9 THEN 'Không áp dụng' END, 'bench', now()
				FROM level_dossier d JOIN (VALUES %s) AS k(lvl, item_key, n) ON k.lvl = d.level
				WHERE d.status = 'APPROVED' AND d.created_by = 'bench' AND d.id %% 4 <> 1""".replace("%s", keys)
			.replace("%%", "%")).update();
		// the items went in without PlanStore: fill the dossiers' plan counters as the migration does
		jdbc.sql("""
				UPDATE level_dossier SET
				  plan_done = (SELECT COUNT(*) FROM level_plan_item p WHERE p.dossier_id = level_dossier.id
				    AND p.status = 'DONE'),
				  plan_not_applicable = (SELECT COUNT(*) FROM level_plan_item p WHERE p.dossier_id = level_dossier.id
				    AND p.status = 'NOT_APPLICABLE')
				WHERE created_by = 'bench'""").update();
		jdbc.sql("""
				INSERT INTO level_unit_regulation (unit_id, document_number, issued_on, covers_cameras, camera_clause,
				  file_name, media_type, size_bytes, sha256, storage_key, recorded_by, recorded_at)
				SELECT u.id, 'QC-' || u.id, DATE '2025-01-01', u.id % 3 <> 0, 'Điều 5', 'quy-che.pdf', 'PDF', 1000,
				  repeat('0', 64), 'bench-' || u.id, 'bench', now()
				FROM organization_unit u WHERE u.code LIKE 'BENCH%' AND u.id % 2 = 0
				  AND NOT EXISTS (SELECT 1 FROM level_unit_regulation r WHERE r.unit_id = u.id)""").update();
	}

}
