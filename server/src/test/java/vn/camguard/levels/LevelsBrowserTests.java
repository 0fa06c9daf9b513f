package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
 * In headless Chromium (Debian's chromium and chromedriver, no download): a commune officer opens an
 * information system, follows "Determine security level", answers the police-traffic example of
 * security-levels.md §10.2, is told the rules leave level 3 or 4 and a reason is needed, chooses
 * level 4 with a reason and sees the result with the deciding rule in Vietnamese and English.
 * Screenshots of the wizard and the result go to target/screenshots. Skipped only when
 * /usr/bin/chromium is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LevelsBrowserTests {

	private static WebDriver browser;

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	InformationSystems systems;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = HeadlessBrowser.start(temp.resolve("profile"), "1280,3200");
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void officerDeterminesALevelWhereTheRulesLeaveRoom() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officer = tree.user("browser.officer", Role.UNIT_OFFICER, tree.communeA());
		long system = systems.insert(new SystemDraft(tree.communeA().id(), "Camera giao thông " + tree.prefix(),
				"Giám sát giao thông, nhận dạng biển số", "Ngã tư trung tâm", "Công an xã", SystemStatus.OPERATING),
				OffsetDateTime.now(ZoneOffset.UTC));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		browser.get(url("/login"));
		HeadlessBrowser.signIn(browser, officer.username(), TestTree.PASSWORD, Duration.ofSeconds(20));

		browser.get(url("/inventory/systems/" + system));
		browser.findElement(By.id("determine-level")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wizard")));
		for (String answer : new String[] { "system_type-INTERNAL", "information-PRIVATE_OR_PERSONAL",
				"defence_security-TO_BE_ASSESSED", "citizen_service-NOT_APPLICABLE", "personal_data_users-AT_LEAST_10000",
				"infrastructure_scope-NOT_APPLICABLE", "industrial_works-NOT_APPLICABLE", "national_role-NONE" }) {
			click(By.id("q-" + answer));
		}
		click(By.cssSelector("#wizard button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal")));
		assertThat(browser.findElement(By.id("proposal")).getText()).contains("cấp độ 3 và cấp độ 4");
		assertThat(browser.findElement(By.id("form-errors")).getText()).contains("Hãy nêu lý do");
		assertThat(browser.findElement(By.id("q-defence_security-TO_BE_ASSESSED")).isSelected())
			.as("the answers are kept").isTrue();
		screenshot("levels-wizard-room");

		click(By.cssSelector("#chosenLevel option[value='4']"));
		browser.findElement(By.id("justification"))
			.sendKeys("Hệ thống phục vụ chỉ huy giao thông và bảo đảm an ninh trật tự toàn tỉnh");
		click(By.cssSelector("#wizard button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
		assertThat(browser.findElement(By.id("level")).getText()).isEqualTo("Cấp độ 4");
		assertThat(browser.findElement(By.id("deciding-rules")).getText()).contains("Art. 9.1, 10.1")
			.contains("cán bộ chọn và nêu lý do")
			.contains("the officer chooses and says why");
		assertThat(browser.findElement(By.id("justification")).getText()).contains("bảo đảm an ninh trật tự toàn tỉnh");
		screenshot("levels-determination-result");
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

}
