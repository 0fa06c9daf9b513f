package vn.camguard.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every HTTP benchmark of the server does the same way: sign in through the login form, send one request from
 * several clients at once and print its p50, p95 and max, so that the figures of different benchmarks are measured
 * alike.
 */
public final class BenchmarkClients {

	private BenchmarkClients() {
	}

	/**
	 * The audit key file of a bench database, in the temporary folder: one per database name, so that a database made
	 * by one benchmark is verified with the key it was signed with when another benchmark opens it, and two benchmarks
	 * on different databases never overwrite each other's key. (The test configuration's relative path would put a key
	 * into whatever folder the bench is started from.)
	 */
	public static Path auditKeyFile(String jdbcUrl) {
		String withoutParameters = jdbcUrl.split("[?;]", 2)[0];
		String database = withoutParameters.substring(withoutParameters.lastIndexOf('/') + 1)
			.replaceAll("[^A-Za-z0-9_.-]", "_");
		return Path.of(System.getProperty("java.io.tmpdir"), "camguard-bench-audit-" + database + ".key");
	}

	/** One GET request as one signed-in user. */
	public record Scenario(String name, String url, String cookie) {

		public HttpRequest request(Duration timeout) {
			return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Cookie", cookie).GET().build();
		}

	}

	/** Signs in through the login form (with its CSRF token); returns the session cookie. */
	public static String signIn(HttpClient http, String base, String username, String password) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", session(page))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed for " + username + ": " + login.statusCode());
		}
		return session(login);
	}

	/** Sessions are kept in the cookie the response sets. */
	public static String session(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no session cookie"));
	}

	/** Sends the scenario's request {@code requests} times from {@code clients} threads and prints p50, p95 and max. */
	public static void measure(HttpClient http, Scenario scenario, Duration timeout, int requests, int clients)
			throws Exception {
		long[] nanos = run(http, scenario.request(timeout), requests, clients);
		Arrays.sort(nanos);
		System.out.printf("%-46s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", scenario.name(),
				percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, nanos[nanos.length - 1] / 1e6);
	}

	/** Sends {@code total} requests from {@code clients} threads; returns each request's time. */
	public static long[] run(HttpClient http, HttpRequest request, int total, int clients) throws Exception {
		long[] nanos = new long[total];
		AtomicInteger next = new AtomicInteger();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<?>> workers = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
						long t0 = System.nanoTime();
						HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
						nanos[i] = System.nanoTime() - t0;
						if (response.statusCode() != 200) {
							throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		return nanos;
	}

	private static long percentile(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	public static long unitId(JdbcClient jdbc, String code) {
		return jdbc.sql("SELECT id FROM organization_unit WHERE code = :code").param("code", code).query(Long.class).single();
	}

}
