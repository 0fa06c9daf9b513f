package vn.camguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.camguard.shared.spreadsheet.XlsxBombs;

/**
 * The XLSX bomb of the newcomer trial against the real server in a JVM of its own with a 256 MB
 * heap: a 2 MB file whose one cell expands to a gibibyte is refused with 422 and a message in the
 * caller's language, on the device and on the unit import, and the same server then imports a
 * normal file and answers as before. Only loopback is used; every wait is bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadBombTests {

	private static final Duration START_LIMIT = Duration.ofMinutes(4);

	private static final Duration ANSWER_LIMIT = Duration.ofMinutes(2);

	@TempDir
	static Path temp;

	private Process server;

	private Path log;

	private int port;

	/** A 1 GiB cell under the device import's columns, so that the import reads it. */
	private Path deviceBomb;

	/** The same under the unit import's columns. */
	private Path unitBomb;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	void startServerWithSmallHeap() throws Exception {
		deviceBomb = XlsxBombs.inlineStringCell(1L << 30, "unit_code", "kind", "vendor", "serial")
			.writeTo(temp.resolve("device-bomb.xlsx"));
		unitBomb = XlsxBombs.inlineStringCell(1L << 30, "code", "name", "kind", "parent_code")
			.writeTo(temp.resolve("unit-bomb.xlsx"));
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		log = temp.resolve("server.log");
		String java = ProcessHandle.current().info().command().orElseThrow();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				UploadBombServer.class.getName(), "--server.address=127.0.0.1", "--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:mem:upload-bomb;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
						+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"--spring.datasource.username=sa", "--spring.datasource.password=", "--camguard.demo.enabled=false"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// the CI's PostgreSQL settings are for the suite's own database, not this throwaway server
		builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
		server = builder.start();
		long deadline = System.nanoTime() + START_LIMIT.toNanos();
		while (!Files.readString(log).contains(UploadBombServer.READY)) {
			assertThat(server.isAlive()).as(() -> "the server stopped:\n" + tail()).isTrue();
			assertThat(System.nanoTime()).as(() -> "the server did not start:\n" + tail()).isLessThan(deadline);
			Thread.sleep(250);
		}
	}

	@AfterAll
	void stopServer() throws InterruptedException {
		if (server != null) {
			server.destroy();
			if (!server.waitFor(30, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

	@Test
	void refusesTheBombWith422AndKeepsServing() throws Exception {
		assertThat(Files.size(deviceBomb)).isLessThan(3L << 20);

		HttpResponse<String> devices = upload("/api/v1/inventory/devices/import", "cameras.xlsx",
				Files.readAllBytes(deviceBomb), "en");
		assertThat(devices.statusCode()).as(this::tail).isEqualTo(422);
		assertThat(devices.body()).contains("\"code\":\"file-cell-too-long\"",
				"A cell is longer than 32767 characters");

		HttpResponse<String> devicesVi = upload("/api/v1/inventory/devices/import", "cameras.xlsx",
				Files.readAllBytes(deviceBomb), "vi");
		assertThat(devicesVi.statusCode()).as(this::tail).isEqualTo(422);
		assertThat(devicesVi.body()).contains("Có ô dài hơn 32767 ký tự");

		HttpResponse<String> units = upload("/api/v1/units/import", "units.xlsx", Files.readAllBytes(unitBomb), "en");
		assertThat(units.statusCode()).as(this::tail).isEqualTo(422);
		assertThat(units.body()).contains("\"code\":\"file-cell-too-long\"");

		byte[] normal = ("unit_code,kind,vendor,serial\n" + UploadBombServer.UNIT + ",CAMERA,Hikvision,BOMB-AFTER-1\n")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> imported = upload("/api/v1/inventory/devices/import", "cameras.csv", normal, "en");
		assertThat(imported.statusCode()).as(() -> imported.body() + "\n" + tail()).isEqualTo(200);
		assertThat(imported.body()).contains("\"created\":1");

		HttpResponse<String> list = http.send(authorised(URI.create(base() + "/api/v1/units")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(UploadBombServer.UNIT);
		assertThat(server.isAlive()).isTrue();
		assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
	}

	private HttpResponse<String> upload(String path, String fileName, byte[] content, String language)
			throws IOException, InterruptedException {
		String boundary = "camguard-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = authorised(URI.create(base() + path + "?lang=" + language))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept-Language", language)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder authorised(URI uri) {
		String credentials = UploadBombServer.ADMIN + ":" + UploadBombServer.PASSWORD;
		return HttpRequest.newBuilder(uri)
			.timeout(ANSWER_LIMIT)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
