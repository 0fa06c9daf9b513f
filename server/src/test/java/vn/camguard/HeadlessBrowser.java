package vn.camguard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests, driven by Debian's chromedriver: nothing is
 * downloaded, and a test is skipped when either is not installed. Each test keeps its own steps;
 * this holds only what all of them start, sign in and take pictures with.
 */
public final class HeadlessBrowser {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessBrowser() {
	}

	/** Skips the calling test class when Chromium or chromedriver is missing. */
	public static void assumeInstalled() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and chromedriver are not installed");
	}

	/**
	 * Headless, without the background traffic Chromium makes on its own (updates, sync), with a
	 * profile of the test's own.
	 *
	 * @param profile directory for the browser profile, created if missing
	 * @param windowSize "width,height"
	 */
	public static ChromeOptions options(Path profile, String windowSize) throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=" + windowSize,
				"--user-data-dir=" + Files.createDirectories(profile));
		return options;
	}

	/**
	 * Starts chromedriver on a free loopback port and a browser with {@link #options}; skips the test
	 * class when either program is missing.
	 */
	public static WebDriver start(Path profile, String windowSize) throws IOException {
		assumeInstalled();
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		ChromeOptions options = options(profile, windowSize);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}

	/** Fills in the login form the browser shows and waits until it has left the login page. */
	public static void signIn(WebDriver browser, String username, String password, Duration timeout) {
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(browser, timeout).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Saves a picture of the page as {@code name}.png in the directory (created if missing). */
	public static void screenshot(WebDriver browser, Path directory, String name) throws IOException {
		Files.createDirectories(directory);
		Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

}
