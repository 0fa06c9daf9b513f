package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

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
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.domain.PlanItemState;
import vn.camguard.levels.domain.PlanStatus;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.levels.persistence.PlanStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * In headless Chromium (Debian's chromium and chromedriver, no download): a district officer opens the
 * home page, picks the Directive 23 campaign on the dashboard, sees the commune's plan percentage and
 * one overdue plan, follows the overdue figure to the list, opens the system's plan, marks the last
 * requirements done, and back on the dashboard the commune is at 100 % with nothing overdue and the
 * overdue list no longer shows the system. Screenshots go to target/screenshots. Skipped only when
 * /usr/bin/chromium is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CampaignBrowserTests {

	private static WebDriver browser;

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	InformationSystems systems;

	@Autowired
	DeterminationStore determinations;

	@Autowired
	DossierStore dossiers;

	@Autowired
	FrameworkStore frameworks;

	@Autowired
	PlanStore plans;

	@Autowired
	Campaigns campaigns;

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
	void markingPlanItemsDoneMovesTheDashboardAndEmptiesTheOverdueList() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officer = tree.user("browser.campaign", Role.UNIT_OFFICER, tree.districtA());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		long system = systems.insert(new SystemDraft(tree.communeA().id(), "Camera quảng trường " + tree.prefix(), null,
				null, null, SystemStatus.OPERATING), now);
		long determination = determinations.insert(new Determination(0, system, tree.communeA().id(), framework,
				Map.of(), 1, 1, List.of(), 1, null, Determination.DRAFT, "test", now));
		long dossier = dossiers.insert(new Dossier(0, system, tree.communeA().id(), determination, framework, 1,
				DossierStatus.SUBMITTED, null, null, null, null, null, "test", now, now));
		dossiers.transition(dossier, DossierStatus.SUBMITTED, DossierStatus.APPROVED, null, null,
				new Dossier.Decision("15/QĐ-UBND", LocalDate.of(2023, 3, 20), "Chủ tịch"), now);
		List<FrameworkItem> items = frameworks.framework(framework).orElseThrow().forLevel(ItemKind.REQUIREMENT, 1);
		assertThat(items).hasSizeGreaterThan(2);
		List<FrameworkItem> left = items.subList(items.size() - 2, items.size());
		for (FrameworkItem item : items.subList(0, items.size() - 2)) {
			plans.save(new PlanItemState(dossier, item.key(), PlanStatus.DONE, null, "Tổ CNTT", null, null, null, "test",
					now));
		}
		long directive = campaigns.all().stream().filter(c -> c.code().equals("CT23_2023")).findFirst().orElseThrow().id();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		browser.get(url("/login"));
		HeadlessBrowser.signIn(browser, officer.username(), TestTree.PASSWORD, Duration.ofSeconds(20));
		browser.get(url("/"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
		new Select(browser.findElement(By.id("campaign"))).selectByValue(Long.toString(directive));
		click(By.cssSelector("#dashboard-campaign button[type=submit]"));
		By commune = By.id("dashboard-unit-" + tree.communeA().id());
		wait.until(ExpectedConditions.presenceOfElementLocated(commune));
		int before = percent(commune);
		assertThat(before).isEqualTo(100 * (items.size() - 2) / items.size());
		assertThat(cell(commune, "fig-plans-overdue")).isEqualTo("1");
		assertThat(browser.findElement(By.id("chart-plans")).getTagName()).isEqualTo("svg");
		screenshot("campaign-dashboard-before");

		click(By.cssSelector("#dashboard-unit-" + tree.communeA().id() + " a.fig-plans-overdue"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-systems")));
		assertThat(browser.findElement(By.id("list-deadline")).getText()).contains("30/09/2023");
		click(By.cssSelector("#system-" + system + " a"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-items")));
		for (FrameworkItem item : left) {
			WebElement row = browser.findElement(By.id("item-" + item.key()));
			new Select(row.findElement(By.name("status"))).selectByValue("DONE");
			row.findElement(By.name("owner")).sendKeys("Tổ CNTT xã");
			WebElement form = row.findElement(By.tagName("form"));
			((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", form);
			form.submit();
			wait.until(ExpectedConditions.stalenessOf(row));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-items")));
		}
		assertThat(browser.findElement(By.id("plan-percent")).getText()).contains("100");

		browser.get(url("/levels/dashboard?campaign=" + directive));
		wait.until(ExpectedConditions.presenceOfElementLocated(commune));
		assertThat(percent(commune)).isEqualTo(100);
		assertThat(cell(commune, "fig-plans-overdue")).isEqualTo("0");
		screenshot("campaign-dashboard-after");
		click(By.cssSelector("#dashboard-unit-" + tree.communeA().id() + " a.fig-plans-overdue"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-deadline")));
		assertThat(browser.findElements(By.id("system-" + system))).isEmpty();
		assertThat(browser.findElement(By.id("list-empty")).isDisplayed()).isTrue();
	}

	private static int percent(By row) {
		String text = cell(row, "fig-plans");
		return Integer.parseInt(text.replace("%", "").strip());
	}

	private static String cell(By row, String figure) {
		return browser.findElement(row).findElement(By.className(figure)).getText().strip();
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
