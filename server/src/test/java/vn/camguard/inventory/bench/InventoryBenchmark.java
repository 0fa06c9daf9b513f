package vn.camguard.inventory.bench;

import static vn.camguard.bench.BenchmarkClients.measure;
import static vn.camguard.bench.BenchmarkClients.run;
import static vn.camguard.bench.BenchmarkClients.signIn;
import static vn.camguard.bench.BenchmarkClients.unitId;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.bench.BenchmarkClients;
import vn.camguard.CamGuardApplication;
import vn.camguard.bench.BenchmarkClients.Scenario;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * Benchmark, not a test (run by hand, see /work/notes/inventory-bench.md): on the local PostgreSQL
 * database {@code camguard_bench} it creates 10,000 units (a province, 100 districts, 9,900 communes,
 * written with SQL that follows the organization schema including the closure table), imports
 * 1,000,000 cameras through the REST import endpoint (the same {@code DeviceImport} the web page
 * uses) in 10 CSV files of 100,000 rows, then measures with 8 concurrent clients the filtered list
 * page (HTML) and the REST list as a district officer and as the province admin, and prints rows/s
 * and p50/p95 latencies. Only 127.0.0.1 is contacted. Every loop is bounded.
 *
 * <p>System properties: {@code bench.db} (JDBC URL), {@code bench.devices} (default 1,000,000),
 * {@code bench.files} (10), {@code bench.requests} (400 per scenario), {@code bench.clients} (8),
 * {@code bench.reimport} (true: empty the device table first so the import is measured again).
 */
public final class InventoryBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PASSWORD = "Bench-mark-Passw0rd!";

	private static final String[][] MODELS = { { "Hikvision", "DS-2CD2143G2-I", "V5.7.3", "80,443,554,8000" },
			{ "Dahua", "IPC-HFW2431S-S-S2", "V2.800.0000000.26.R", "80,554,37777" },
			{ "KBVision", "KX-A2111N3", "V2.622.0000000.31", "80,554,37777" },
			{ "Uniview", "IPC2122LB-SF28-A", "IPC_G6103-B0025P", "80,554" },
			{ "Axis", "P3245-LVE", "10.12.153", "80,443,554" }, { "TVT", "TD-9541S3", "5.2.3.70", "80,554,9008" },
			{ "Reolink", "RLC-810A", "v3.1.0.956", "80,443,554,9000" },
			{ "Hanwha Vision", "XNO-6080R", "2.10.02", "80,443,554" },
			{ "Bosch", "FLEXIDOME IP 3000i", "7.80.0128", "80,443,554" } };

	/** Streets for the cameras' names, so that names can be searched exactly and in part. */
	private static final String[] STREETS = { "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hùng Vương", "Điện Biên Phủ",
			"Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung" };

	/** The device whose serial, MAC, address and name the searches look for. */
	private static final int SOUGHT = 123_456;

	private InventoryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/camguard_bench");
		int deviceCount = Integer.getInteger("bench.devices", 1_000_000);
		int files = Integer.getInteger("bench.files", 10);
		int requests = Integer.getInteger("bench.requests", 400);
		int clients = Integer.getInteger("bench.clients", 8);
		boolean reimport = Boolean.parseBoolean(System.getProperty("bench.reimport", "true"));
		try (ConfigurableApplicationContext app = SpringApplication.run(CamGuardApplication.class, "--server.port=0",
				"--spring.datasource.url=" + db + (db.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
				"--spring.datasource.username=camguard", "--spring.datasource.password=camguard",
				"--spring.datasource.hikari.maximum-pool-size=16", "--camguard.demo.enabled=false",
				"--camguard.inventory.import.max-rows=200000",
				"--camguard.audit.key-file=" + BenchmarkClients.auditKeyFile(db),
				"--logging.level.root=WARN", "--logging.level.vn.camguard.inventory=INFO", "--spring.thymeleaf.cache=true",
				System.getProperty("bench.extra", "--camguard.bench=true"))) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			String base = "http://127.0.0.1:" + port;
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			List<String> communes = BenchUnits.ensure(jdbc, app.getBean(JdbcTemplate.class));
			OrganizationSetup setup = app.getBean(OrganizationSetup.class);
			long provinceId = unitId(jdbc, "BENCH");
			long districtId = unitId(jdbc, "BENCH-D001");
			setup.grant(setup.ensureUser("bench.admin", "Bench admin", provinceId, PASSWORD, false), Role.PROVINCE_ADMIN,
					provinceId);
			setup.grant(setup.ensureUser("bench.officer", "Bench officer", districtId, PASSWORD, false),
					Role.UNIT_OFFICER, districtId);

			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			if (reimport) {
				jdbc.sql("TRUNCATE TABLE inventory_device").update();
			}
			long present = jdbc.sql("SELECT COUNT(*) FROM inventory_device").query(Long.class).single();
			if (present < deviceCount) {
				importDevices(http, base, communes, deviceCount, files);
			}
			else {
				System.out.printf("import: skipped, %,d devices already present%n", present);
			}
			// what autovacuum does soon after a big import; index-only scans need the visibility map
			jdbc.sql("VACUUM ANALYZE inventory_device").update();

			String officer = signIn(http, base, "bench.officer", PASSWORD);
			String admin = signIn(http, base, "bench.admin", PASSWORD);
			String filter = "?vendor=Hikvision&status=ACTIVE";
			List<Scenario> scenarios = List.of(
					new Scenario("HTML list, district officer", base + "/inventory/cameras" + filter, officer),
					new Scenario("HTML list, province admin", base + "/inventory/cameras" + filter, admin),
					new Scenario("REST list, district officer", base + "/api/v1/inventory/devices" + filter, officer),
					new Scenario("REST list, province admin", base + "/api/v1/inventory/devices" + filter, admin));
			for (Scenario scenario : scenarios) {
				run(http, scenario.request(TIMEOUT), Math.max(clients, requests / 10), clients);
			}
			System.out.printf("latency, %d clients x %d requests per scenario (after warm-up), filter %s%n", clients,
					requests, filter);
			for (Scenario scenario : scenarios) {
				measure(http, scenario, TIMEOUT, requests, clients);
			}
			// the list page searched as the province admin (the widest scope): exact identifiers of one
			// camera, then free text (part of 1,000 serials; part of 14 names; the start of 256 addresses)
			List<Scenario> searches = List.of(search(base, admin, "serial", serial(SOUGHT)),
					search(base, admin, "MAC", mac(SOUGHT)), search(base, admin, "IP", address(SOUGHT)),
					search(base, admin, "name", name(SOUGHT)), search(base, admin, "text", "BENCH-000123"),
					search(base, admin, "text", "lê lợi số 1234"), search(base, admin, "subnet", "10.1.226."));
			int searchRequests = Math.min(requests, 80);
			for (Scenario scenario : searches) {
				run(http, scenario.request(TIMEOUT), clients, clients);
			}
			System.out.printf("search latency, %d clients x %d requests per search (after %d warm-up requests)%n",
					clients, searchRequests, clients);
			for (Scenario scenario : searches) {
				measure(http, scenario, TIMEOUT, searchRequests, clients);
			}
		}
	}

	private static Scenario search(String base, String cookie, String what, String text) {
		return new Scenario("HTML search " + what + " '" + text + "', province admin",
				base + "/inventory/cameras?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), cookie);
	}

	private static String serial(int i) {
		return "BENCH-%09d".formatted(i);
	}

	private static String mac(int i) {
		return "02:BE:%02X:%02X:%02X:%02X".formatted((i >>> 24) & 0xFF, (i >>> 16) & 0xFF, (i >>> 8) & 0xFF, i & 0xFF);
	}

	private static String address(int i) {
		return "10.%d.%d.%d".formatted((i >>> 16) & 0xFF, (i >>> 8) & 0xFF, 1 + (i & 0x7F));
	}

	private static String name(int i) {
		return "Camera " + STREETS[i % STREETS.length] + " số " + i;
	}

	private static void importDevices(HttpClient http, String base, List<String> communes, int deviceCount, int files)
			throws Exception {
		Path dir = Files.createTempDirectory("camguard-bench");
		int perFile = deviceCount / files;
		long totalNanos = 0;
		long started = System.nanoTime();
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("bench.admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		for (int f = 0; f < files; f++) {
			Path file = dir.resolve("devices-" + f + ".csv");
			writeCsv(file, communes, f * perFile, perFile);
			String boundary = "bench" + System.nanoTime();
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/inventory/devices/import"))
				.timeout(Duration.ofMinutes(10))
				.header("Authorization", basic)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.concat(
						HttpRequest.BodyPublishers.ofString("--" + boundary
								+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
								+ "\"\r\nContent-Type: text/csv\r\n\r\n"),
						HttpRequest.BodyPublishers.ofFile(file),
						HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
				.build();
			long t0 = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			long nanos = System.nanoTime() - t0;
			totalNanos += nanos;
			if (response.statusCode() != 200) {
				throw new IllegalStateException("import failed: " + response.statusCode() + " "
						+ response.body().substring(0, Math.min(2000, response.body().length())));
			}
			System.out.printf("import file %d: %,d rows in %.2f s = %,.0f rows/s (%,d bytes)%n", f + 1, perFile,
					nanos / 1e9, perFile / (nanos / 1e9), Files.size(file));
			Files.delete(file);
		}
		Files.delete(dir);
		System.out.printf("IMPORT: %,d rows, upload+check+insert %.1f s => %,.0f rows/s (wall incl. CSV generation %.1f s)%n",
				(long) perFile * files, totalNanos / 1e9, (long) perFile * files / (totalNanos / 1e9),
				(System.nanoTime() - started) / 1e9);
	}

	private static void writeCsv(Path file, List<String> communes, int first, int count) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("unit_code,name,kind,vendor,model,firmware,serial,mac,address,open_ports,procurement_date,supplier,"
					+ "qcvn135_certificate,status\n");
			for (int i = first; i < first + count; i++) {
				String[] model = MODELS[i % MODELS.length];
				String unit = communes.get((int) ((i * 2_654_435_761L) % communes.size()));
				out.write(unit + "," + name(i));
				out.write(i % 17 == 0 ? ",RECORDER," : ",CAMERA,");
				out.write(model[0] + "," + model[1] + "," + model[2] + ",");
				out.write(serial(i) + "," + mac(i) + "," + address(i) + ",");
				out.write("\"" + model[3] + "\",");
				out.write("%02d/%02d/%d,".formatted(1 + i % 28, 1 + i % 12, 2018 + i % 7));
				out.write("Công ty TNHH Thiết bị An Phát,");
				out.write(i % 3 == 0 ? "," : "QCVN135-%07d,".formatted(i));
				out.write(i % 10 == 0 ? "INACTIVE\n" : "ACTIVE\n");
			}
		}
	}

	/** The benchmark's unit tree, created once with SQL that follows the organization schema. */
	public static final class BenchUnits {

		private BenchUnits() {
		}

		/** Creates BENCH (province), BENCH-D001..D100 and 99 communes under each when missing; returns commune codes. */
		public static List<String> ensure(JdbcClient jdbc, JdbcTemplate batch) {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			boolean present = jdbc.sql("SELECT COUNT(*) FROM organization_unit WHERE code = 'BENCH'")
				.query(Long.class)
				.single() > 0;
			if (!present) {
				long t0 = System.nanoTime();
				jdbc.sql("INSERT INTO organization_unit (code, name, kind, parent_id, active, created_at) "
						+ "VALUES ('BENCH', 'Tỉnh benchmark', 'PROVINCE', NULL, TRUE, :now)").param("now", now).update();
				long province = unitId(jdbc, "BENCH");
				List<Object[]> districts = new ArrayList<>();
				for (int d = 1; d <= 100; d++) {
					districts.add(new Object[] { "BENCH-D%03d".formatted(d), "Huyện %03d".formatted(d), province, now });
				}
				batch.batchUpdate("INSERT INTO organization_unit (code, name, kind, parent_id, active, created_at) "
						+ "VALUES (?, ?, 'DISTRICT', ?, TRUE, ?)", districts);
				Map<String, Long> districtIds = ids(jdbc, "BENCH-D___");
				List<Object[]> communes = new ArrayList<>();
				districtIds.forEach((code, id) -> {
					for (int c = 1; c <= 99; c++) {
						communes.add(new Object[] { code + "-C%02d".formatted(c), "Xã %s-%02d".formatted(code, c), id, now });
					}
				});
				batch.batchUpdate("INSERT INTO organization_unit (code, name, kind, parent_id, active, created_at) "
						+ "VALUES (?, ?, 'COMMUNE', ?, TRUE, ?)", communes);
				List<Object[]> closure = new ArrayList<>();
				closure.add(new Object[] { province, province, 0 });
				Map<String, Long> communeIds = ids(jdbc, "BENCH-D___-C__");
				districtIds.forEach((code, id) -> {
					closure.add(new Object[] { id, id, 0 });
					closure.add(new Object[] { province, id, 1 });
				});
				communeIds.forEach((code, id) -> {
					long district = districtIds.get(code.substring(0, "BENCH-D000".length()));
					closure.add(new Object[] { id, id, 0 });
					closure.add(new Object[] { district, id, 1 });
					closure.add(new Object[] { province, id, 2 });
				});
				batch.batchUpdate("INSERT INTO organization_unit_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, ?)",
						closure);
				jdbc.sql("ANALYZE organization_unit").update();
				jdbc.sql("ANALYZE organization_unit_closure").update();
				System.out.printf("units: created %,d units (1 province, %d districts, %,d communes) in %.1f s%n",
						1 + districtIds.size() + communeIds.size(), districtIds.size(), communeIds.size(),
						(System.nanoTime() - t0) / 1e9);
			}
			List<String> codes = new ArrayList<>(ids(jdbc, "BENCH-D___-C__").keySet());
			codes.sort(String::compareTo);
			return codes;
		}

		private static Map<String, Long> ids(JdbcClient jdbc, String likePattern) {
			Map<String, Long> ids = new HashMap<>();
			jdbc.sql("SELECT code, id FROM organization_unit WHERE code LIKE :p")
				.param("p", likePattern)
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
				.list()
				.forEach(e -> ids.put(e.getKey(), e.getValue()));
			return ids;
		}

	}

}
