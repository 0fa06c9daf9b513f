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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.camguard.HeadlessBrowser;
import vn.camguard.TestTree;
import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.report.JsonLinesWriter;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

/**
 * Issue 18 end to end in headless Chromium (Debian's chromium and chromedriver): a vendor registers a model with its
 * firmware and its QCVN 11 certificate; an officer types the model as a seller writes it (white-label brand, maker's
 * prefix) in a procurement check, sees it certified and downloads the PDF record; the province warns the old
 * firmware; the officer's camera running it shows as warned; an assessment of its system imports the scanner's report
 * of that camera (a weak Dahua lab device on loopback, scanned here) and shows the failed items, and the assessment
 * report's PDF text holds them. Pages are saved under {@code target/screenshots}. Skipped only when /usr/bin/chromium
 * is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProcurementBrowserTests {

	private static final String CAMERA = "127.75.1.11";

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static WebDriver browser;

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	OrganizationSetup setup;

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

	@Test
	void fromRegistrationToTheAssessmentReport() throws Exception {
		TestTree tree = TestTree.create(setup);
		UnitRef vendorUnit = tree.unit("V", "VENDOR", tree.province());
		TestTree.TestUser vendor = tree.user("vendor", Role.VENDOR, vendorUnit);
		TestTree.TestUser officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		TestTree.TestUser province = tree.user("province", Role.PROVINCE_ADMIN, tree.province());
		String model = "IPC-HFW2431S-" + tree.prefix();
		String certificate = "HQ11-" + tree.prefix();
		Path scan = scanTheCamera();
		long system = api(officer, "/api/v1/inventory/systems", """
				{"unitId": %d, "name": "Camera UBND %s", "status": "OPERATING"}""".formatted(tree.districtA().id(),
				tree.prefix()));
		long device = api(officer, "/api/v1/inventory/devices", """
				{"unitId": %d, "systemId": %d, "kind": "CAMERA", "vendor": "KBVision", "model": "DH-%s",
				 "firmware": "V2.800.0000000.1.R", "serial": "SN-%s", "address": "%s"}"""
			.formatted(tree.districtA().id(), system, model, tree.prefix(), CAMERA));
		WebDriverWait wait = new WebDriverWait(browser, WAIT);

		// the vendor registers the model, its firmware and its certificate
		signIn(vendor);
		open("/products/new");
		browser.findElement(By.id("vendor")).sendKeys("Dahua");
		browser.findElement(By.id("model")).sendKeys(model);
		browser.findElement(By.id("save")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("firmware-form")));
		addFirmware("V2.800.0000000.1.R", "2024-03-01", false);
		addFirmware("V2.840.0000000.9.R", "2026-09-01", true);
		new Select(browser.findElement(By.id("cert-catalogue"))).selectByValue("QCVN11_2026_BCA");
		browser.findElement(By.id("cert-number")).sendKeys(certificate);
		browser.findElement(By.id("cert-body")).sendKeys("Trung tâm Kiểm định B");
		setValue(browser.findElement(By.id("cert-issued")), "2026-08-01");
		setValue(browser.findElement(By.id("cert-expires")), "2029-07-31");
		browser.findElement(By.cssSelector("#certificate-form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("certificate-table"), certificate));

		// the officer checks the model as the seller wrote it, before buying, and downloads the record
		signIn(officer);
		open("/products/procurement");
		new Select(browser.findElement(By.id("unitId"))).selectByValue(Long.toString(tree.districtA().id()));
		browser.findElement(By.id("vendor")).sendKeys("kbvision");
		browser.findElement(By.id("model")).sendKeys("dh " + model.toLowerCase());
		browser.findElement(By.id("firmware")).sendKeys("V2.840.0000000.9.R");
		browser.findElement(By.id("purchaseDate")).sendKeys("01/12/2026");
		browser.findElement(By.id("run-check")).click();
		WebElement certified = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-certification")));
		assertThat(certified.getText()).contains("certified").contains(certificate).contains("31/07/2029");
		assertThat(browser.findElement(By.id("answer-firmware")).getText()).contains("is the latest firmware");
		assertThat(browser.findElement(By.id("answer-cves")).getText()).contains("CVE-2022-30563");
		HeadlessBrowser.screenshot(browser, Path.of("target/screenshots"), "procurement-check");
		String checkPdf = pdfText(download(browser.findElement(By.id("check-pdf")).getDomAttribute("href")));
		assertThat(checkPdf).contains(certificate).contains("CVE-2022-30563").contains(tree.districtA().name());

		// the province warns the old firmware
		signIn(province);
		open("/products/warnings");
		browser.findElement(By.id("vendor")).sendKeys("Dahua");
		browser.findElement(By.id("model")).sendKeys(model);
		browser.findElement(By.id("firmwareTo")).sendKeys("V2.800.0000000.1.R");
		browser.findElement(By.id("authority")).sendKeys("Bộ Công an (A05)");
		browser.findElement(By.id("issuedOn")).sendKeys("03/12/2026");
		browser.findElement(By.id("reference")).sendKeys("CV-" + tree.prefix());
		browser.findElement(By.id("reason")).sendKeys("Lỗ hổng xác thực");
		browser.findElement(By.id("warn")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("warning-issued")));

		// the officer's camera with that firmware shows as warned
		signIn(officer);
		open("/inventory/cameras/" + device);
		String warned = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("standing-warnings"))).getText();
		assertThat(warned).contains("warned").contains("CV-" + tree.prefix());

		// an assessment of its system imports the scan and shows the failed items
		browser.findElement(By.cssSelector("#standing-assessments a:nth-of-type(2)")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assessment-form")));
		browser.findElement(By.id("assessedOn")).sendKeys("04/12/2026");
		browser.findElement(By.id("open-assessment")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-form")));
		browser.findElement(By.id("scan-file")).sendKeys(scan.toString());
		browser.findElement(By.id("scan-import")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-imported")));
		List<WebElement> failed = browser.findElements(By.cssSelector("#failed-items > li[id^=failed-]"));
		assertThat(failed).hasSizeGreaterThanOrEqualTo(2);
		String failedText = browser.findElement(By.id("failed-items")).getText();
		assertThat(failedText).contains(CAMERA).contains("CG-CRED-DEFAULT");
		HeadlessBrowser.screenshot(browser, Path.of("target/screenshots"), "assessment-failed-items");
		List<String> codes = failed.stream().map(li -> li.findElement(By.tagName("strong")).getText()).toList();

		String report = pdfText(download(browser.findElement(By.id("report-pdf")).getDomAttribute("href")));
		assertThat(report).contains("Camera UBND " + tree.prefix()).contains(CAMERA + ": CG-CRED-DEFAULT");
		for (String code : codes) {
			assertThat(report).contains(code + " ");
		}
	}

	private Path scanTheCamera() throws Exception {
		FleetSpec fleet = new FleetSpec(List.of(DeviceSpec.of("weak", CAMERA, Profile.DAHUA_IPC,
				Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.TELNET_OPEN))), 0);
		Map<String, DeviceReport> byAddress = new ConcurrentHashMap<>();
		try (RunningLab lab = Lab.start(fleet)) {
			ScanRequest request = ScanRequest
				.of(Targets.of(List.of(CAMERA), List.of(), Scope.of(List.of("127.75.1.0/24"))))
				.withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(2000))
				.withLoginPacing(LoginPacing.NONE);
			new Scanner(request).scan(r -> byAddress.put(r.address(), r));
		}
		assertThat(byAddress.get(CAMERA).has("CG-CRED-DEFAULT")).isTrue();
		Path file = temp.resolve("scan.jsonl");
		try (JsonLinesWriter writer = new JsonLinesWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
			writer.write(byAddress.get(CAMERA));
		}
		return file;
	}

	private void addFirmware(String version, String released, boolean latest) {
		browser.findElement(By.id("fw-version")).sendKeys(version);
		setValue(browser.findElement(By.id("fw-date")), released);
		WebElement box = browser.findElement(By.id("fw-latest"));
		if (box.isSelected() != latest) {
			box.click();
		}
		browser.findElement(By.cssSelector("#firmware-form button[type=submit]")).click();
		new WebDriverWait(browser, WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("firmware-table"), version));
	}

	/** A date input takes its value in ISO form whatever the browser's locale shows. */
	private static void setValue(WebElement input, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
	}

	private void signIn(TestTree.TestUser user) {
		browser.manage().deleteAllCookies();
		open("/login?lang=en");
		HeadlessBrowser.signIn(browser, user.username(), TestTree.PASSWORD, WAIT);
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=en");
	}

	/** What the link downloads, fetched with the browser's session as the browser would. */
	private byte[] download(String href) throws Exception {
		String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port).resolve(href))
			.timeout(Duration.ofSeconds(20))
			.header("Cookie", cookies)
			.GET()
			.build();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
			assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
			return response.body();
		}
	}

	private static String pdfText(byte[] pdf) throws Exception {
		return ProcurementCheckTests.pdfText(pdf);
	}

	/** Through the inventory's REST API, as a unit's tools would. */
	private long api(TestTree.TestUser user, String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user.username() + ":" + TestTree.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			String location = response.headers().firstValue("Location").orElseThrow();
			return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		}
	}

}
