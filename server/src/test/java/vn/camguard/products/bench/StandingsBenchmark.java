package vn.camguard.products.bench;

import static vn.camguard.bench.BenchmarkClients.measure;
import static vn.camguard.bench.BenchmarkClients.run;
import static vn.camguard.bench.BenchmarkClients.signIn;
import static vn.camguard.bench.BenchmarkClients.unitId;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.bench.BenchmarkClients;
import vn.camguard.CamGuardApplication;
import vn.camguard.bench.BenchmarkClients.Scenario;
import vn.camguard.inventory.bench.InventoryBenchmark.BenchUnits;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.products.domain.Certificate;
import vn.camguard.products.domain.ProductDraft;
import vn.camguard.products.domain.VendorNames;
import vn.camguard.products.domain.WarningDraft;
import vn.camguard.products.persistence.Products;
import vn.camguard.products.persistence.Warnings;

/**
 * Benchmark, not a test (run by hand, see README "Benchmarks"): the list of devices filtered on their standing
 * ({@code /products/devices}) for a province of 100,000 devices. On the local PostgreSQL database
 * {@code cg_standings_bench} it creates the 10,000 units of {@link InventoryBenchmark}, a few thousand products of
 * the seeded makers (a third certified under QCVN 11:2026, a third with a lapsed QCVN 135 certificate, a third
 * without; most with an older and a latest firmware; some of Hikvision's in a model family with known CVEs), a few
 * dozen whole-model warnings, then imports the devices through the REST import endpoint (typed as people type:
 * exact, lower case without dashes, by a white-label brand, unknown models; firmware latest, older, unlisted or
 * blank). It then measures with 8 concurrent clients the list filtered by each standing, as the province admin
 * (every device) and as a district officer (about 1,000). It uses only the registry's and inventory's public
 * paths that exist with and without stored standings, so the same class measures both. Only 127.0.0.1 is
 * contacted; every loop is bounded.
 *
 * <p>System properties: {@code bench.db} (JDBC URL), {@code bench.devices} (100,000), {@code bench.products}
 * (3,000), {@code bench.warnings} (40), {@code bench.requests} (80 per scenario), {@code bench.clients} (8),
 * {@code bench.timeout} (seconds per request, 300), {@code bench.admin} (false: skip the province admin's
 * scenarios), {@code bench.filters} (measure only the first n filters; the live computation takes long).
 */
public final class StandingsBenchmark {

	private static final String PASSWORD = "Bench-mark-Passw0rd!";

	private static final String[] FILTERS = { "certification=CERTIFIED", "certification=EXPIRED",
			"certification=NOT_CERTIFIED", "certification=UNKNOWN_PRODUCT", "warned=yes", "firmware=OUTDATED",
			"firmware=CURRENT", "cves=yes", "certification=CERTIFIED&catalogue=QCVN11_2026_BCA&warned=no" };

	private StandingsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/cg_standings_bench");
		int deviceCount = Integer.getInteger("bench.devices", 100_000);
		int productCount = Integer.getInteger("bench.products", 3_000);
		int warningCount = Integer.getInteger("bench.warnings", 40);
		int requests = Integer.getInteger("bench.requests", 80);
		int clients = Integer.getInteger("bench.clients", 8);
		Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 300));
		boolean withAdmin = Boolean.parseBoolean(System.getProperty("bench.admin", "true"));
		List<String> filters = List.of(FILTERS).subList(0, Math.min(FILTERS.length, Integer.getInteger("bench.filters", FILTERS.length)));
		try (ConfigurableApplicationContext app = SpringApplication.run(CamGuardApplication.class, "--server.port=0",
				"--spring.datasource.url=" + db + (db.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
				"--spring.datasource.username=camguard", "--spring.datasource.password=camguard",
				"--spring.datasource.hikari.maximum-pool-size=16", "--camguard.demo.enabled=false",
				"--camguard.inventory.import.max-rows=200000",
				"--camguard.audit.key-file=" + BenchmarkClients.auditKeyFile(db),
				"--logging.level.root=WARN", "--logging.level.vn.camguard.products=INFO", "--spring.thymeleaf.cache=true",
				"--camguard.bench=true")) {
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
			List<String> models = registry(app, jdbc, provinceId, productCount, warningCount);

			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			long present = jdbc.sql("SELECT COUNT(*) FROM inventory_device").query(Long.class).single();
			if (present < deviceCount) {
				importDevices(http, base, communes, models, (int) present, deviceCount - (int) present);
			}
			else {
				System.out.printf("import: skipped, %,d devices already present%n", present);
			}
			jdbc.sql("VACUUM ANALYZE").update();

			String officer = signIn(http, base, "bench.officer", PASSWORD);
			String admin = signIn(http, base, "bench.admin", PASSWORD);
			List<Scenario> scenarios = new ArrayList<>();
			for (String filter : filters) {
				scenarios.add(new Scenario("officer  " + filter, base + "/products/devices?" + filter, officer));
			}
			if (withAdmin) {
				for (String filter : filters) {
					scenarios.add(new Scenario("province " + filter, base + "/products/devices?" + filter, admin));
				}
			}
			for (Scenario scenario : scenarios) {
				run(http, scenario.request(timeout), clients, clients);
			}
			System.out.printf("latency, %d clients x %d requests per scenario (after %d warm-up requests), %,d devices%n",
					clients, requests, clients, Math.max(present, deviceCount));
			for (Scenario scenario : scenarios) {
				measure(http, scenario, timeout, requests, clients);
			}
		}
	}

	/** Products, firmware, certificates and warnings, once; returns "vendor|model|family" of each product. */
	private static List<String> registry(ConfigurableApplicationContext app, JdbcClient jdbc, long provinceId,
			int productCount, int warningCount) {
		Products products = app.getBean(Products.class);
		List<VendorNames> vendors = products.vendors()
			.stream()
			.filter(v -> List.of("Hikvision", "Dahua", "Uniview", "Axis", "TVT", "Hanwha Vision", "Bosch", "Reolink")
				.contains(v.name()))
			.toList();
		long vendorUnit = jdbc.sql("SELECT id FROM organization_unit WHERE code = 'BENCH-V'")
			.query(Long.class)
			.optional()
			.orElseGet(() -> {
				jdbc.sql("INSERT INTO organization_unit (code, name, kind, parent_id, active, created_at) "
						+ "VALUES ('BENCH-V', 'Nhà cung cấp benchmark', 'VENDOR', :p, TRUE, :now)")
					.param("p", provinceId)
					.param("now", OffsetDateTime.now(ZoneOffset.UTC))
					.update();
				long id = unitId(jdbc, "BENCH-V");
				jdbc.sql("INSERT INTO organization_unit_closure (ancestor_id, descendant_id, depth) VALUES (:id, :id, 0), (:p, :id, 1)")
					.param("id", id)
					.param("p", provinceId)
					.update();
				return id;
			});
		List<String> models = new ArrayList<>();
		for (int p = 0; p < productCount; p++) {
			VendorNames vendor = vendors.get(p % vendors.size());
			// every eighth Hikvision product lies in a model family a CVE record names
			String model = vendor.name().equals("Hikvision") && p % 3 == 0 ? "DS-2CD2%02d2F-I-B%05d".formatted(p % 100, p)
					: "BM%s-%05d".formatted(vendor.name().substring(0, 2).toUpperCase(Locale.ROOT), p);
			models.add(vendor.name() + "|" + model);
		}
		long existing = jdbc.sql("SELECT COUNT(*) FROM product WHERE owner_unit_id = :u")
			.param("u", vendorUnit)
			.query(Long.class)
			.single();
		if (existing >= productCount) {
			System.out.printf("registry: skipped, %,d products present%n", existing);
			return models;
		}
		long t0 = System.nanoTime();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		Warnings warnings = app.getBean(Warnings.class);
		for (int p = 0; p < productCount; p++) {
			VendorNames vendor = vendors.get(p % vendors.size());
			String model = models.get(p).split("\\|")[1];
			long id = products.insert(new ProductDraft(vendorUnit, vendor.name(), model, "CAMERA", null, null, null, null),
					vendor.id(), now);
			if (p % 5 != 4) {
				products.insertFirmware(id, "V1.0." + p, LocalDate.of(2024, 1, 1), false, now);
				products.insertFirmware(id, "V2.0." + p, LocalDate.of(2026, 1, 1), true, now);
			}
			if (p % 3 == 0) {
				products.insertCertificate(id, new Certificate(0, "QCVN11_2026_BCA", "BC-" + p, "Trung tâm Kiểm định",
						LocalDate.of(2026, 2, 1), LocalDate.of(2029, 1, 31)), now);
			}
			else if (p % 3 == 1) {
				products.insertCertificate(id, new Certificate(0, "QCVN135_2024", "BL-" + p, "Trung tâm Kiểm định",
						LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)), now);
			}
		}
		for (int w = 0; w < warningCount; w++) {
			int p = (w * 73 + 7) % productCount;
			String[] vm = models.get(p).split("\\|");
			long vendorId = vendors.stream().filter(v -> v.name().equals(vm[0])).findFirst().orElseThrow().id();
			warnings.insert(provinceId, vendorId, new WarningDraft(vm[0], vm[1], null, null, "A05",
					LocalDate.of(2026, 11, 1), "BW-" + w, "benchmark", "HIGH"), "bench", now);
		}
		System.out.printf("registry: %,d products, %d warnings in %.1f s%n", productCount, warningCount,
				(System.nanoTime() - t0) / 1e9);
		return models;
	}

	private static void importDevices(HttpClient http, String base, List<String> communes, List<String> models,
			int first, int count) throws Exception {
		Path dir = Files.createTempDirectory("camguard-standings-bench");
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("bench.admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		int perFile = 50_000;
		for (int from = first; from < first + count; from += perFile) {
			int rows = Math.min(perFile, first + count - from);
			Path file = dir.resolve("devices-" + from + ".csv");
			writeCsv(file, communes, models, from, rows);
			String boundary = "bench" + System.nanoTime();
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/inventory/devices/import"))
				.timeout(Duration.ofMinutes(20))
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
			if (response.statusCode() != 200) {
				throw new IllegalStateException("import failed: " + response.statusCode() + " "
						+ response.body().substring(0, Math.min(2000, response.body().length())));
			}
			System.out.printf("import: %,d devices in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
			Files.delete(file);
		}
		Files.delete(dir);
	}

	private static void writeCsv(Path file, List<String> communes, List<String> models, int first, int count)
			throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("unit_code,kind,vendor,model,firmware,serial\n");
			for (int i = first; i < first + count; i++) {
				String unit = communes.get((int) ((i * 2_654_435_761L) % communes.size()));
				int p = (int) ((i * 40_503L) % models.size());
				String[] vm = models.get(p).split("\\|");
				String vendor = vm[0];
				String model = vm[1];
				switch (i % 10) {
					case 1 -> model = model.toLowerCase(Locale.ROOT).replace("-", " ");
					case 2 -> vendor = vendor.equals("Hikvision") ? "HiLook" : vendor.equals("Dahua") ? "KBVision" : vendor;
					case 3 -> model = "UNKNOWN-" + (i % 500);
					default -> {
					}
				}
				String firmware = switch (i % 4) {
					case 0 -> "V2.0." + p;
					case 1 -> "V1.0." + p;
					case 2 -> "V9.9";
					default -> "";
				};
				out.write(unit + ",CAMERA," + vendor + "," + model + "," + firmware + ",STB-%09d%n".formatted(i));
			}
		}
	}

}
