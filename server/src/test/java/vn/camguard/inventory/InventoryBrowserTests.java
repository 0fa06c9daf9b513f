package vn.camguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.HeadlessBrowser;
import vn.camguard.organization.OrganizationSetup;

/**
 * End to end in headless Chromium (Debian's chromium and chromedriver, no download): a unit officer
 * signs in through the login form, imports a camera file with one bad row and sees that row named
 * while nothing is saved, imports the corrected file, finds the cameras with the search box, and
 * gets the not-found page for a camera of another unit opened by URL. Skipped only when
 * /usr/bin/chromium is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InventoryBrowserTests {

	private static WebDriver browser;

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = HeadlessBrowser.start(temp.resolve("profile"), "1400,1000");
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void officerImportsFixesFindsAndCannotOpenAnotherUnitsCamera() throws Exception {
		InventoryTestUnits units = InventoryTestUnits.create(setup);
		long otherUnitsCamera = createCameraAs(units.officerB(), units.password(), units.districtB().id(),
				units.serial("other"));
		// a camera of the officer's own unit that the search below must leave out
		createCameraAs(units.officerA(), units.password(), units.districtA().id(), units.serial("zzz"));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		browser.get(url("/login?lang=en"));
		HeadlessBrowser.signIn(browser, units.officerA(), units.password(), Duration.ofSeconds(20));

		String header = DeviceImportIntegrationTests.HEADER;
		String good1 = DeviceImportIntegrationTests.row(units.districtA().code(), "CAMERA", "Hikvision",
				units.serial("web1"), units.mac(1), "10.9.0.1", "01/03/2024");
		String bad2 = DeviceImportIntegrationTests.row(units.districtA().code(), "CAMERA", "Hikvision",
				units.serial("web2"), "12:34:XX", "10.9.0.2", "02/03/2024");
		String fixed2 = DeviceImportIntegrationTests.row(units.districtA().code(), "CAMERA", "Hikvision",
				units.serial("web2"), units.mac(2), "10.9.0.2", "02/03/2024");

		browser.get(url("/inventory/cameras/import"));
		upload(Files.writeString(temp.resolve("cameras-bad.csv"), header + "\n" + good1 + "\n" + bad2 + "\n"));
		WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-refused")));
		List<WebElement> problemRows = refused.findElements(By.cssSelector("#import-problems tbody tr"));
		assertThat(problemRows).hasSize(1);
		screenshot("import-refused");
		assertThat(problemRows.getFirst().getText()).startsWith("3").contains("mac").contains("12:34:XX");
		assertThat(savedSerials(units)).isZero();

		browser.get(url("/inventory/cameras/import"));
		upload(Files.writeString(temp.resolve("cameras-fixed.csv"), header + "\n" + good1 + "\n" + fixed2 + "\n"));
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-accepted"))).getText())
			.contains("2");
		assertThat(savedSerials(units)).isEqualTo(2);

		browser.get(url("/inventory/cameras"));
		assertThat(browser.findElement(By.id("device-table")).getText()).contains(units.serial("zzz"));
		WebElement search = browser.findElement(By.id("q"));
		search.sendKeys(units.serial("web"));
		browser.findElement(By.id("filter-submit")).click();
		// htmx swaps the results in place: wait for the pushed URL, then read the rows, retrying while
		// the old table (all three cameras of the unit) is being replaced
		wait.until(ExpectedConditions.urlContains("q="));
		List<String> expected = List.of(units.serial("web1"), units.serial("web2"));
		wait.until(driver -> {
			try {
				return driver.findElements(By.cssSelector("#device-table tbody tr td:first-child a"))
					.stream()
					.map(WebElement::getText)
					.toList()
					.equals(expected);
			}
			catch (org.openqa.selenium.StaleElementReferenceException swapped) {
				return false;
			}
		});
		assertThat(browser.findElement(By.id("result-count")).getText()).contains("2");
		screenshot("list-searched");

		browser.findElement(By.linkText(units.serial("web1"))).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("device-heading"))).getText())
			.contains(units.serial("web1"));
		screenshot("detail");

		browser.get(url("/inventory/cameras/" + otherUnitsCamera));
		String notFound = messages.getMessage("error.404.title", null, Locale.ENGLISH);
		screenshot("other-unit");
		assertThat(browser.getTitle()).isEqualTo(notFound);
		assertThat(browser.getPageSource()).doesNotContain(units.serial("other"));
	}

	/** Saves a picture of the page when -Dinventory.screenshots=DIR is given (for looking, not asserting). */
	private static void screenshot(String name) throws java.io.IOException {
		String dir = System.getProperty("inventory.screenshots");
		if (dir != null) {
			HeadlessBrowser.screenshot(browser, Path.of(dir), name);
		}
	}

	private void upload(Path file) {
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("import-submit")).click();
	}

	private long savedSerials(InventoryTestUnits units) {
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE serial LIKE :p")
			.param("p", units.serial("web") + "%")
			.query(Long.class)
			.single();
	}

	/** Registers a camera through the REST API as another unit's officer; returns its id. */
	private long createCameraAs(String username, String password, long unitId, String serial) throws Exception {
		String json = """
				{"unitId": %d, "kind": "CAMERA", "vendor": "Dahua", "serial": "%s"}""".formatted(unitId, serial);
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/inventory/devices")))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return Long.parseLong(response.body().replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
