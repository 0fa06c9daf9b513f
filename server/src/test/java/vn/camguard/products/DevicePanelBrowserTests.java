package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.camguard.HeadlessBrowser;
import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.products.domain.Certificate;
import vn.camguard.products.domain.ProductDraft;
import vn.camguard.products.persistence.Products;

/**
 * In headless Chromium (Debian's chromium and chromedriver): a unit officer signs in, opens a camera's
 * page and sees the products panel arrive through htmx (the CSP allows no inline script, so this is
 * the real path) with certification, firmware and CVE evidence. The page is saved as
 * {@code target/screenshots/device-panel.png} for a person to look at. Skipped only when
 * /usr/bin/chromium is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DevicePanelBrowserTests {

	private static WebDriver browser;

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	Products products;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = HeadlessBrowser.start(temp.resolve("profile"), "1400,1300");
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	/** Through the inventory's REST API, as a unit would. */
	private long createCamera(TestTree.TestUser officer, UnitRef unit, String vendor, String model, String firmware,
			String serial) throws Exception {
		String json = """
				{"unitId": %d, "kind": "CAMERA", "vendor": "%s", "model": "%s", "firmware": "%s", "serial": "%s"}"""
			.formatted(unit.id(), vendor, model, firmware, serial);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/inventory/devices"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((officer.username() + ":" + TestTree.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			String location = response.headers().firstValue("Location").orElseThrow();
			return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		}
	}

	@Test
	void officerSeesTheDevicesStandingOnItsPage() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		UnitRef vendorUnit = tree.unit("V", "VENDOR", tree.province());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		long dahua = products.vendors().stream().filter(v -> v.name().equals("Dahua")).findFirst().orElseThrow().id();
		String model = "IPC-HFW2431S-" + tree.prefix();
		long product = products.insert(new ProductDraft(vendorUnit.id(), "Dahua", model, "CAMERA", "China", "8525.89.90",
				null, null), dahua, now);
		products.insertFirmware(product, "V2.800.0000000.1.R", today.minusYears(2), false, now);
		products.insertFirmware(product, "V2.840.0000000.9.R", today.minusMonths(2), true, now);
		products.insertCertificate(product, new Certificate(0, "QCVN11_2026_BCA", "HQ11-" + tree.prefix(), "Trung tâm B",
				today.minusMonths(1), today.plusYears(3)), now);
		long device = createCamera(officer, tree.districtA(), "KBVision", "DH-" + model, "V2.800.0000000.1.R",
				"SN-" + tree.prefix());

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + port + "/login?lang=en");
		HeadlessBrowser.signIn(browser, officer.username(), TestTree.PASSWORD, Duration.ofSeconds(20));

		browser.get("http://localhost:" + port + "/inventory/cameras/" + device);
		String certification = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("standing-certification")))
			.getText();
		assertThat(certification).contains("certified").contains("HQ11-" + tree.prefix());
		assertThat(browser.findElement(By.id("standing-firmware")).getText()).contains("outdated")
			.contains("V2.840.0000000.9.R");
		assertThat(browser.findElement(By.id("standing-cves")).getText()).contains("CVE-2022-30563");
		assertThat(browser.findElement(By.id("standing-match")).getText()).contains("KBVision").contains("Dahua");
		assertThat(browser.findElement(By.id("standing-brand")).getText()).contains("KBVision").contains("brand of Dahua");
		HeadlessBrowser.screenshot(browser, Path.of("target/screenshots"), "device-panel");
		assertThat(List.of(browser.findElement(By.id("device-heading")).getText())).isNotEmpty();
	}

}
