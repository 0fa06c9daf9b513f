package vn.camguard.monitoring.finding.bench;

import static vn.camguard.bench.BenchmarkClients.measure;
import static vn.camguard.bench.BenchmarkClients.run;
import static vn.camguard.bench.BenchmarkClients.signIn;
import static vn.camguard.bench.BenchmarkClients.unitId;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
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
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * Benchmark, not a test (run by hand): on a local PostgreSQL database ({@code bench.db}, default
 * {@code camguard_findings_bench}) it creates the inventory benchmark's unit tree (a province, 100 districts, 9,900
 * communes), writes 1,000,000 findings for 100,000 device addresses (10 checks each, spread over the communes, with
 * a mix of statuses, severities and ages) with one INSERT ... SELECT, then measures with 8 concurrent clients the
 * findings list (HTML page and REST API) as the province administrator and as a district officer, with the
 * filters people use, and prints p50/p95/max. Only 127.0.0.1 is contacted; every loop is bounded.
 *
 * <p>Run: {@code ./mvnw -pl server -am test-compile} then
 * {@code java -cp server/target/test-classes:server/target/classes:$(cat cp.txt)
 * vn.camguard.monitoring.finding.bench.FindingsBenchmark} (see the report of issue 19's findings side for the
 * exact command). System properties: {@code bench.db}, {@code bench.devices} (100,000), {@code bench.requests} (400
 * per scenario), {@code bench.clients} (8), {@code bench.reload} (false: keep findings already there).
 */
public final class FindingsBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PASSWORD = "Bench-mark-Passw0rd!";

	private static final int CHECKS_PER_DEVICE = 10;

	private FindingsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/camguard_findings_bench");
		int devices = Integer.getInteger("bench.devices", 100_000);
		int requests = Integer.getInteger("bench.requests", 400);
		int clients = Integer.getInteger("bench.clients", 8);
		boolean reload = Boolean.parseBoolean(System.getProperty("bench.reload", "false"));
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

			if (reload) {
				jdbc.sql("TRUNCATE TABLE monitoring_finding CASCADE").update();
			}
			long present = jdbc.sql("SELECT COUNT(*) FROM monitoring_finding").query(Long.class).single();
			if (present < (long) devices * CHECKS_PER_DEVICE) {
				jdbc.sql("TRUNCATE TABLE monitoring_finding CASCADE").update();
				long t0 = System.nanoTime();
				int rows = load(jdbc, devices);
				System.out.printf("load: %,d findings for %,d devices in %.1f s%n", rows, devices,
						(System.nanoTime() - t0) / 1e9);
			}
			else {
				System.out.printf("load: skipped, %,d findings already present%n", present);
			}
			// what autovacuum does soon after a big load; index-only scans need the visibility map
			jdbc.sql("VACUUM ANALYZE monitoring_finding").update();

			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			String admin = signIn(http, base, "bench.admin", PASSWORD);
			String officer = signIn(http, base, "bench.officer", PASSWORD);
			List<Scenario> scenarios = List.of(
					new Scenario("HTML open findings, province admin", base + "/findings?state=OPEN", admin),
					new Scenario("REST all findings, province admin", base + "/api/v1/findings", admin),
					new Scenario("HTML open findings, district officer", base + "/findings?state=OPEN", officer),
					new Scenario("REST overdue critical, province admin",
							base + "/api/v1/findings?severity=CRITICAL&overdue=true", admin),
					new Scenario("HTML range 10.1.0.0/16, province admin",
							base + "/findings?range=" + URLEncoder.encode("10.1.0.0/16", StandardCharsets.UTF_8), admin),
					new Scenario("HTML check by first seen, province admin",
							base + "/findings?check=CG-RTSP-NOAUTH&sort=first-seen&dir=asc", admin),
					new Scenario("HTML one district, page 40, province admin",
							base + "/findings?unit=BENCH-D050&page=40", admin),
					new Scenario("HTML one device address, province admin", base + "/findings?address=10.1.2.3", admin));
			for (Scenario scenario : scenarios) {
				run(http, scenario.request(TIMEOUT), Math.max(clients, requests / 10), clients);
			}
			System.out.printf("latency, %d clients x %d requests per scenario (after warm-up)%n", clients, requests);
			for (Scenario scenario : scenarios) {
				measure(http, scenario, TIMEOUT, requests, clients);
			}
		}
	}

	/**
	 * Writes {@code devices} x 10 findings in one statement: device d at 10.(1 + d / 65536).(d / 256 % 256).(d % 256)
	 * in commune d % 9,900; its 10 checks out of 12; statuses about 60% new, 15% notified, 15% fixed, 5% verified, 3%
	 * accepted risk (half of them expired), 2% false positive; first seen up to a year ago.
	 */
	private static int load(JdbcClient jdbc, int devices) {
		return jdbc.sql("""
				INSERT INTO monitoring_finding (organization_id, address, port, check_id, severity, title, evidence,
				  status, status_reason, status_by, status_until, first_seen, last_seen, times_seen, fixed_at)
				SELECT c.id,
				  '10.' || (1 + x.d / 65536) || '.' || (x.d / 256 % 256) || '.' || (x.d % 256),
				  (ARRAY[80, 554, 23, 443, 8000])[1 + x.k % 5],
				  (ARRAY['CG-CRED-DEFAULT', 'CG-CRED-WEAK', 'CG-FW-CVE', 'CG-FW-OUTDATED', 'CG-ONVIF-NOAUTH',
				    'CG-RTSP-NOAUTH', 'CG-SNAPSHOT-NOAUTH', 'CG-SVC-FTP', 'CG-SVC-TELNET', 'CG-TLS-VERSIONS', 'CG-TLS-WEAK',
				    'CG-WEB-CLEARTEXT'])[1 + (x.k + x.d % 3) % 12],
				  (ARRAY['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'HIGH', 'HIGH', 'HIGH', 'MEDIUM', 'HIGH', 'MEDIUM', 'LOW',
				    'MEDIUM'])[1 + (x.k + x.d % 3) % 12],
				  'Weakness seen by the benchmark',
				  'Server: camera-httpd/' || (x.d % 97),
				  CASE WHEN x.s < 60 THEN 'NEW' WHEN x.s < 75 THEN 'NOTIFIED' WHEN x.s < 90 THEN 'FIXED'
				    WHEN x.s < 95 THEN 'VERIFIED' WHEN x.s < 98 THEN 'ACCEPTED_RISK' ELSE 'FALSE_POSITIVE' END,
				  CASE WHEN x.s >= 95 THEN 'benchmark' END,
				  CASE WHEN x.s >= 95 THEN 'bench.admin' END,
				  CASE WHEN x.s >= 95 AND x.s < 98 THEN now() + (x.g % 61 - 30) * INTERVAL '1 day' END,
				  now() - x.age * INTERVAL '1 day' - (x.g % 86400) * INTERVAL '1 second',
				  now() - (x.age * (x.g % 7) / 7) * INTERVAL '1 day',
				  1 + x.g % 50,
				  CASE WHEN x.s >= 75 AND x.s < 95 THEN now() - (x.age * (x.g % 7) / 7) * INTERVAL '1 day' END
				FROM (SELECT g, g / 10 AS d, g % 10 AS k, CAST(CAST(g AS BIGINT) * 7919 % 100 AS INT) AS s, CAST(CAST(g AS BIGINT) * 31 % 365 AS INT) AS age
				      FROM generate_series(0, :total - 1) g) x
				JOIN (SELECT id, (row_number() OVER (ORDER BY id) - 1) AS rn FROM organization_unit
				      WHERE code LIKE 'BENCH-D___-C__') c ON c.rn = x.d % 9900""")
			.param("total", devices * CHECKS_PER_DEVICE)
			.update();
	}

}
