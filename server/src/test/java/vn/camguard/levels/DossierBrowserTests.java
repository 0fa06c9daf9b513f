package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

import vn.camguard.HeadlessBrowser;
import vn.camguard.TestTree;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * Issue 17 end to end in headless Chromium (Debian's chromium and chromedriver, no download): a commune
 * officer runs the level wizard, opens the dossier, uploads a file to each part and submits; the province's
 * security unit finds it in its queue and returns it with a comment; the officer reads the comment, replaces
 * a file and resubmits; the security unit receives, appraises and approves it with a decision number; the
 * plan of the approved level appears; marking requirements done moves the system's and the commune's percent
 * on the plans pages; the dossier PDF is downloaded by the browser and its text, read with PDFBox, holds the
 * decision number in Vietnamese. Screenshots go to target/screenshots. Skipped only when chromium or
 * chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DossierBrowserTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static WebDriver browser;

	@TempDir
	static Path temp;

	private static Path downloads;

	@LocalServerPort
	int port;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	InformationSystems systems;

	@BeforeAll
	static void startBrowser() throws Exception {
		HeadlessBrowser.assumeInstalled();
		downloads = Files.createDirectories(temp.resolve("downloads"));
		ChromeOptions options = HeadlessBrowser.options(temp.resolve("profile"), "1280,3200");
		// downloads land in a directory of the test's own, without asking
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false));
		System.setProperty("webdriver.chrome.driver", HeadlessBrowser.CHROMEDRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(HeadlessBrowser.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(WAIT);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void officerFilesAppraiserReturnsOfficerResubmitsApprovedPlanProgressesPdfDownloads() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officer = tree.user("dossier.officer", Role.UNIT_OFFICER, tree.communeA());
		TestTree.TestUser appraiser = tree.user("dossier.appraiser", Role.PROVINCE_ADMIN, tree.province());
		String name = "Camera chợ trung tâm " + tree.prefix();
		long system = systems.insert(new SystemDraft(tree.communeA().id(), name, "Giám sát an ninh chợ", "Chợ xã",
				"UBND xã", SystemStatus.OPERATING), OffsetDateTime.now(ZoneOffset.UTC));
		Path file = Files.write(temp.resolve("thuyet-minh.pdf"), DossierFiles.PDF);
		Path fixed = Files.write(temp.resolve("so-do-mang.png"), DossierFiles.png());
		WebDriverWait wait = new WebDriverWait(browser, WAIT);

		// the officer runs the wizard and opens the dossier of the result
		signIn(officer);
		browser.get(url("/inventory/systems/" + system));
		click(By.id("determine-level"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wizard")));
		for (String answer : new String[] { "system_type-INTERNAL", "information-PRIVATE_OR_PERSONAL",
				"defence_security-NONE", "citizen_service-NOT_APPLICABLE", "personal_data_users-NONE",
				"infrastructure_scope-NOT_APPLICABLE", "industrial_works-NOT_APPLICABLE", "national_role-NONE" }) {
			click(By.id("q-" + answer));
		}
		click(By.cssSelector("#wizard button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
		String level = browser.findElement(By.id("level")).getText();
		click(By.cssSelector("#open-dossier button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-summary")));
		long dossier = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/levels/dossiers/(\\d+).*", "$1"));

		// a file for each part, then submit
		List<String> parts = new Select(browser.findElement(By.id("part"))).getOptions()
			.stream()
			.map(o -> o.getAttribute("value"))
			.toList();
		assertThat(parts).isNotEmpty();
		for (String part : parts) {
			upload(part, file);
		}
		assertThat(browser.findElements(By.cssSelector("#parts ~ ol li a"))).hasSize(parts.size());
		screenshot("dossier-draft");
		click(By.cssSelector("#step-SUBMIT button[type=submit]"));
		wait.until(ExpectedConditions.textToBe(By.id("dossier-status"), "Đã nộp"));

		// the province's security unit finds it in its queue and returns it with a comment
		signIn(appraiser);
		browser.get(url("/levels/queue"));
		assertThat(browser.getPageSource()).contains(name);
		click(By.cssSelector("a[href='/levels/dossiers/" + dossier + "']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-RETURN")));
		browser.findElement(By.cssSelector("#step-RETURN textarea[name=comment]"))
			.sendKeys("Bổ sung sơ đồ mạng camera <b>chi tiết</b>");
		click(By.cssSelector("#step-RETURN button[type=submit]"));
		wait.until(ExpectedConditions.textToBe(By.id("dossier-status"), "Bị trả lại"));

		// the officer reads the comment, replaces the last part's file and resubmits
		signIn(officer);
		browser.get(url("/levels/dossiers/" + dossier));
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("Trả lại hồ sơ")
			.contains("Bổ sung sơ đồ mạng camera <b>chi tiết</b>");
		upload(parts.getLast(), fixed);
		click(By.cssSelector("#step-RESUBMIT button[type=submit]"));
		wait.until(ExpectedConditions.textToBe(By.id("dossier-status"), "Đã nộp"));

		// received, appraised and approved with the decision
		signIn(appraiser);
		browser.get(url("/levels/dossiers/" + dossier));
		click(By.cssSelector("#step-RECEIVE button[type=submit]"));
		wait.until(ExpectedConditions.textToBe(By.id("dossier-status"), "Đang thẩm định"));
		browser.findElement(By.cssSelector("#step-APPRAISE textarea[name=comment]")).sendKeys("Hồ sơ đủ điều kiện");
		click(By.cssSelector("#step-APPRAISE button[type=submit]"));
		wait.until(ExpectedConditions.textToBe(By.id("dossier-status"), "Đã thẩm định, chờ phê duyệt"));
		String decision = "27/QĐ-UBND";
		browser.findElement(By.cssSelector("#step-APPROVE input[name=decisionNumber]")).sendKeys(decision);
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.cssSelector("#step-APPROVE input[name=decisionDate]")), today().toString());
		browser.findElement(By.cssSelector("#step-APPROVE input[name=decisionSigner]")).sendKeys("Phó Giám đốc Sở");
		click(By.cssSelector("#step-APPROVE button[type=submit]"));
		wait.until(ExpectedConditions.textToBe(By.id("dossier-status"), "Đã phê duyệt"));
		assertThat(browser.findElement(By.id("decision")).getText()).contains(decision);
		screenshot("dossier-approved");

		// the plan appears; marking requirements done moves the system's and the commune's percent
		signIn(officer);
		browser.get(url("/levels/plans?unit=" + tree.communeA().id()));
		assertThat(browser.findElement(By.id("unit-percent")).getText()).startsWith("Đã thực hiện 0%")
			.contains("1 hệ thống có phương án");
		click(By.cssSelector("#unit-systems a"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-items")));
		List<WebElement> rows = browser.findElements(By.cssSelector("#plan-items tbody tr"));
		int items = rows.size();
		assertThat(items).isPositive();
		List<String> keys = rows.stream().map(r -> r.getAttribute("id")).limit(2).toList();
		for (String key : keys) {
			WebElement table = browser.findElement(By.id("plan-items"));
			new Select(browser.findElement(By.cssSelector("#" + key + " select[name=status]"))).selectByValue("DONE");
			click(By.cssSelector("#" + key + " button[type=submit]"));
			wait.until(ExpectedConditions.stalenessOf(table));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-items")));
		}
		int percent = 200 / items;
		assertThat(browser.findElement(By.id("plan-percent")).getText())
			.startsWith("Đã thực hiện " + percent + "% (2/" + items);
		screenshot("plan-progress");
		browser.get(url("/levels/plans?unit=" + tree.communeA().id()));
		assertThat(browser.findElement(By.id("unit-percent")).getText()).startsWith("Đã thực hiện " + percent + "%");
		assertThat(browser.findElement(By.id("unit-systems")).getText()).contains(name).contains(percent + " %");

		// the dossier PDF downloads; its text holds the decision number in Vietnamese
		browser.get(url("/levels/dossiers/" + dossier));
		click(By.id("dossier-pdf"));
		Path pdf = downloads.resolve("ho-so-cap-do-" + dossier + ".pdf");
		new WebDriverWait(browser, WAIT).until(d -> Files.isRegularFile(pdf));
		// kept beside the screenshots, for a person to look at the layout
		Files.copy(pdf, Files.createDirectories(Path.of("target/screenshots")).resolve("dossier.pdf"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		String text;
		try (PDDocument read = Loader.loadPDF(Files.readAllBytes(pdf))) {
			text = new PDFTextStripper().getText(read).replaceAll("[ \\t\\n]+", " ");
		}
		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HỒ SƠ ĐỀ XUẤT CẤP ĐỘ", name,
				"Quyết định số " + decision, "Phó Giám đốc Sở", "Trả lại hồ sơ", "thuyet-minh.pdf", "so-do-mang.png");
		Matcher proposed = Pattern.compile("Cấp độ (\\d)").matcher(level);
		assertThat(proposed.find()).as(level).isTrue();
		assertThat(text).contains("Cấp độ " + proposed.group(1) + " đã được phê duyệt");
	}

	private void signIn(TestTree.TestUser user) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		HeadlessBrowser.signIn(browser, user.username(), TestTree.PASSWORD, WAIT);
	}

	private void upload(String part, Path file) {
		new Select(browser.findElement(By.id("part"))).selectByValue(part);
		WebElement form = browser.findElement(By.id("upload"));
		browser.findElement(By.id("file")).sendKeys(file.toString());
		click(By.cssSelector("#upload button[type=submit]"));
		new WebDriverWait(browser, WAIT).until(ExpectedConditions.stalenessOf(form));
		new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
	}

	/** Scrolls the element to the middle first, so that the sticky footer cannot cover it. */
	private static void click(By locator) {
		WebElement element = browser.findElement(locator);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	private void screenshot(String name) throws Exception {
		HeadlessBrowser.screenshot(browser, Path.of("target/screenshots"), name);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

}
