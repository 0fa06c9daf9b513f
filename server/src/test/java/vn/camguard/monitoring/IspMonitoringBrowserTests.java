package vn.camguard.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

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

/**
 * Issue 19 in headless Chromium (Debian's chromium and chromedriver): an ISP operator registers a range, the province
 * administrator approves it, the operator creates a scan job over the camera lab (127.78.2.x), watches its progress
 * arrive through htmx polling without a reload, sees the lab's weaknesses among the findings, imports a subscriber
 * mapping, sends the notices (GreenMail gets one per subscriber with only that subscriber's cameras) and downloads the
 * monthly report. Skipped only when Chromium is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camguard.schedule.polling-interval=200ms",
		"camguard.monitoring.part-size=4", "spring.mail.host=127.78.9.2", "spring.mail.port=3025",
		"camguard.mail.from=ISP <noc@isp.example>" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IspMonitoringBrowserTests {

	private static final ServerSetup SMTP = new ServerSetup(3025, "127.78.9.2", ServerSetup.PROTOCOL_SMTP);

	/** The lab: what each camera has (all checks of the STANDARD profile). */
	private static final Map<String, Set<Weakness>> FLEET = new TreeMap<>(Map.of(
			"127.78.2.1", Set.of(Weakness.TELNET_OPEN),
			"127.78.2.2", Set.of(Weakness.RTSP_NO_AUTH),
			"127.78.2.3", Set.of(),
			"127.78.2.4", Set.of(Weakness.SNAPSHOT_NO_AUTH),
			"127.78.2.5", Set.of(Weakness.TELNET_OPEN, Weakness.RTSP_NO_AUTH),
			"127.78.2.6", Set.of()));

	private static final Map<Weakness, String> CHECK_FOR = Map.of(Weakness.TELNET_OPEN, "CG-SVC-TELNET",
			Weakness.RTSP_NO_AUTH, "CG-RTSP-NOAUTH", Weakness.SNAPSHOT_NO_AUTH, "CG-SNAPSHOT-NOAUTH");

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	private WebDriver browser;

	private GreenMail greenMail;

	private Path downloads;

	@BeforeAll
	void start() throws Exception {
		HeadlessBrowser.assumeInstalled();
		greenMail = new GreenMail(SMTP);
		greenMail.start();
		downloads = Files.createDirectories(temp.resolve("downloads"));
		ChromeOptions options = HeadlessBrowser.options(temp.resolve("profile"), "1400,1300");
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false));
		System.setProperty("webdriver.chrome.driver", HeadlessBrowser.CHROMEDRIVER.toString());
		browser = new ChromeDriver(new ChromeDriverService.Builder()
			.usingDriverExecutable(HeadlessBrowser.CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (greenMail != null) {
			greenMail.stop();
		}
	}

	@Test
	void anIspScansTheLabAndNotifiesItsSubscribers() throws Exception {
		TestTree tree = TestTree.create(setup);
		UnitRef isp = tree.unit("ISP", "ISP", tree.province());
		TestTree.TestUser operator = tree.user("isp-noc", Role.ISP_OPERATOR, isp);
		TestTree.TestUser admin = tree.user("province-it", Role.PROVINCE_ADMIN, tree.province());
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

		// the operator registers the range
		signIn(operator);
		browser.get(url("/monitoring/ranges"));
		new Select(browser.findElement(By.id("organizationId"))).selectByValue(Long.toString(isp.id()));
		browser.findElement(By.id("range")).sendKeys("127.78.2.0/29");
		browser.findElement(By.id("purpose")).sendKeys("Lab cameras of the ISP");
		browser.findElement(By.cssSelector("#register-range button[type=submit]")).click();
		long range = wait.withMessage(() -> browser.findElement(By.tagName("main")).getText())
			.until(driver -> jdbc.sql("SELECT id FROM monitoring_range WHERE organization_id = :org "
					+ "AND range_text = '127.78.2.0/29'").param("org", isp.id()).query(Long.class).optional().orElse(null));
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("range-" + range))).getText())
			.contains("127.78.2.0/29");

		// the province approves it
		signIn(admin);
		browser.get(url("/monitoring/ranges"));
		WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("range-" + range)));
		WebElement until = row.findElement(By.cssSelector(".approve-form input[name=validUntil]"));
		// a date field's typing order follows the browser's locale: set the ISO value the form sends
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", until,
				LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30).toString());
		row.findElement(By.cssSelector(".approve-form button[type=submit]")).click();
		wait.until(driver -> "APPROVED".equals(jdbc.sql("SELECT status FROM monitoring_range WHERE id = :id")
			.param("id", range).query(String.class).single()));

		try (RunningLab lab = Lab.start(fleet())) {
			// the operator creates the scan job
			signIn(operator);
			browser.get(url("/monitoring/jobs/new"));
			new Select(browser.findElement(By.id("organizationId"))).selectByValue(Long.toString(isp.id()));
			browser.findElement(By.id("name")).sendKeys("Lab scan");
			browser.findElement(By.id("targets")).sendKeys("127.78.2.1-127.78.2.6");
			new Select(browser.findElement(By.id("profile"))).selectByValue("STANDARD");
			browser.findElement(By.id("concurrency")).clear();
			browser.findElement(By.id("concurrency")).sendKeys("2");
			browser.findElement(By.cssSelector("#job-form button[type=submit]")).click();
			wait.until(ExpectedConditions.urlMatches("/monitoring/jobs/\\d+$"));

			// progress arrives through htmx: the page is never reloaded (the mark set on it stays)
			JavascriptExecutor script = (JavascriptExecutor) browser;
			script.executeScript("window.camguardSamePage = 'yes'");
			String before = browser.findElement(By.id("job-status")).getText();
			assertThat(before).as("status when the page opened").isIn("Scheduled", "Scanning");
			new WebDriverWait(browser, Duration.ofMinutes(3))
				.until(ExpectedConditions.textToBe(By.id("job-status"), "Finished"));
			assertThat(script.executeScript("return window.camguardSamePage")).as("no reload").isEqualTo("yes");
			assertThat(browser.findElement(By.id("hosts-done")).getText()).isEqualTo("6 / 6");
			assertThat(browser.findElement(By.id("parts")).getText()).isEqualTo("2 / 2");
			assertThat(browser.findElement(By.id("devices-found")).getText()).isEqualTo("6");
		}

		// the findings: the lab's weaknesses
		browser.get(url("/findings?unit=" + isp.code() + "&size=100"));
		String findings = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("finding-table"))).getText();
		FLEET.forEach((address, weaknesses) -> weaknesses.forEach(weakness -> assertThat(findings)
			.contains(CHECK_FOR.get(weakness)).contains(address)));
		HeadlessBrowser.screenshot(browser, Path.of("target/screenshots"), "isp-findings");

		// the subscriber mapping: .1-.3 to one subscriber, .4-.6 to another
		Path mapping = temp.resolve("subscribers.csv");
		Files.writeString(mapping, """
				subscriber_code,subscriber_name,email,address,valid_from,valid_to,language
				S-1,Nguyễn Văn Một,mot@home.example,127.78.2.1-127.78.2.3,01/01/2020,,vi
				S-2,Two Trading Co.,two@shop.example,127.78.2.4-127.78.2.6,01/01/2020,,en
				""", StandardCharsets.UTF_8);
		browser.get(url("/notices/subscribers?organizationId=" + isp.id()));
		browser.findElement(By.id("file")).sendKeys(mapping.toString());
		browser.findElement(By.id("import-submit")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-accepted"))).getText())
			.contains("2");

		// the notices: each subscriber gets its own cameras only
		browser.get(url("/notices?organizationId=" + isp.id()));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("send-all"))).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notices-made"))).getText())
			.contains("2");
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(2);
		for (MimeMessage message : received) {
			String to = message.getAllRecipients()[0].toString();
			String body = text(message);
			if (to.equals("mot@home.example")) {
				assertThat(body).contains("127.78.2.1").contains("127.78.2.2").doesNotContain("127.78.2.4")
					.doesNotContain("127.78.2.5");
			}
			else {
				assertThat(to).isEqualTo("two@shop.example");
				assertThat(body).contains("127.78.2.4").contains("127.78.2.5").doesNotContain("127.78.2.1")
					.doesNotContain("127.78.2.2");
			}
		}

		// the monthly report, downloaded by the browser
		browser.findElement(By.id("report-pdf")).click();
		Path pdf = new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> downloaded(".pdf"));
		try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
			assertThat(new PDFTextStripper().getText(document)).contains("BÁO CÁO");
		}
		HeadlessBrowser.screenshot(browser, Path.of("target/screenshots"), "isp-notices");
	}

	private FleetSpec fleet() {
		List<DeviceSpec> devices = FLEET.entrySet().stream()
			.map(e -> DeviceSpec.of("isp-cam-" + e.getKey(), e.getKey(), Profile.DAHUA_IPC, e.getValue()))
			.toList();
		// a round-trip latency, so that the job is seen scanning before it finishes
		return new FleetSpec(devices, 300);
	}

	private Path downloaded(String suffix) {
		try (Stream<Path> files = Files.list(downloads)) {
			return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

	private void signIn(TestTree.TestUser user) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login?lang=en"));
		HeadlessBrowser.signIn(browser, user.username(), TestTree.PASSWORD, Duration.ofSeconds(20));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** The plain text parts of a mail, decoded. */
	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		StringBuilder text = new StringBuilder();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i)));
			}
		}
		return text.toString();
	}

}
