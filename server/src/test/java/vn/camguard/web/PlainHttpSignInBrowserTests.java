package vn.camguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.HeadlessBrowser;
import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * Signing in from another computer over plain HTTP, in headless Chromium (Debian's, no download)
 * running in a network namespace this test creates: a veth pair with 10.213.0.1/30 on the host side
 * (the server listens on all addresses) and 10.213.0.2/30 inside, no other route, so the browser's
 * traffic goes only between the host and the namespace. chromedriver runs inside too and is driven
 * from the host over the same pair. Skipped when not root or when ip, chromium or chromedriver is
 * missing; the namespace is removed afterwards.
 * <p>
 * Also the browser side of an expired session: the form posted after expiry comes back filled in
 * after signing in again. Pictures of the pages go to -Dweb.screenshots=DIR when given.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlainHttpSignInBrowserTests {

	private static final Path IP = Path.of("/usr/sbin/ip");

	private static final String HOST_ADDRESS = "10.213.0.1";

	private static final String NAMESPACE_ADDRESS = "10.213.0.2";

	private static final int DRIVER_PORT = 9515;

	private static final String NAMESPACE = "camguard-web-" + ProcessHandle.current().pid();

	/** Interface names have at most 15 characters. */
	private static final String HOST_LINK = "cgw" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)) + "h";

	private static final String NAMESPACE_LINK = HOST_LINK.substring(0, HOST_LINK.length() - 1) + "n";

	private static boolean namespaceCreated;

	private static Process chromedriver;

	private static WebDriver browser;

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBrowserInANamespace() throws Exception {
		HeadlessBrowser.assumeInstalled();
		assumeTrue(Files.isExecutable(IP), "iproute2's ip is not installed");
		assumeTrue(run(List.of("id", "-u")).strip().equals("0"), "creating a network namespace needs root");
		namespaceCreated = true;
		ip("netns", "add", NAMESPACE);
		ip("link", "add", HOST_LINK, "type", "veth", "peer", "name", NAMESPACE_LINK);
		ip("link", "set", NAMESPACE_LINK, "netns", NAMESPACE);
		ip("addr", "add", HOST_ADDRESS + "/30", "dev", HOST_LINK);
		ip("link", "set", HOST_LINK, "up");
		ip("netns", "exec", NAMESPACE, "ip", "addr", "add", NAMESPACE_ADDRESS + "/30", "dev", NAMESPACE_LINK);
		ip("netns", "exec", NAMESPACE, "ip", "link", "set", NAMESPACE_LINK, "up");
		// chromedriver talks to chromium over the namespace's own loopback
		ip("netns", "exec", NAMESPACE, "ip", "link", "set", "lo", "up");
		chromedriver = new ProcessBuilder(IP.toString(), "netns", "exec", NAMESPACE, HeadlessBrowser.CHROMEDRIVER.toString(),
				"--port=" + DRIVER_PORT, "--allowed-ips=" + HOST_ADDRESS)
			.redirectErrorStream(true)
			.redirectOutput(temp.resolve("chromedriver.log").toFile())
			.start();
		URI driver = URI.create("http://" + NAMESPACE_ADDRESS + ":" + DRIVER_PORT);
		awaitReady(driver);
		browser = new RemoteWebDriver(driver.toURL(), HeadlessBrowser.options(temp.resolve("profile"), "1400,1000"));
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	@AfterAll
	static void removeNamespace() throws Exception {
		try {
			if (browser != null) {
				browser.quit();
			}
		}
		finally {
			if (chromedriver != null) {
				chromedriver.destroy();
				if (!chromedriver.waitFor(10, TimeUnit.SECONDS)) {
					chromedriver.destroyForcibly();
				}
			}
			if (namespaceCreated) {
				// deleting the namespace deletes the veth pair with it
				runQuietly(List.of(IP.toString(), "netns", "del", NAMESPACE));
				runQuietly(List.of(IP.toString(), "link", "del", HOST_LINK));
			}
		}
	}

	@Test
	void anIspOperatorSignsInOverPlainHttpFromAnotherAddressAndIsToldWhatTheRoleIsFor() throws Exception {
		TestTree tree = TestTree.create(setup);
		var isp = tree.user("isp", Role.ISP_OPERATOR, tree.districtA());
		signIn(isp.username(), "/login?lang=en");

		assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
		assertThat(browser.findElement(By.id("home-role-ISP_OPERATOR")).getText()).contains("IP address");
		assertThat(browser.findElement(By.id("home-pages")).getText()).contains("Cameras and recorders");
		screenshot("home-isp");
		Cookie session = browser.manage().getCookieNamed("JSESSIONID");
		assertThat(session).isNotNull();
		assertThat(session.isSecure()).isFalse();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		// the address the server saw is the namespace's, not loopback: really from another computer
		assertThat(jdbc.sql("SELECT actor_address FROM audit_entry WHERE actor = :actor AND action = 'user.login'")
			.param("actor", isp.username())
			.query(String.class)
			.list()).contains(NAMESPACE_ADDRESS);
	}

	@Test
	void aFormPostedAfterTheSessionExpiredComesBackFilledInAfterSigningInAgain() throws Exception {
		TestTree tree = TestTree.create(setup);
		var officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		signIn(officer.username(), "/login?lang=en");
		browser.get(url("/inventory/cameras/new"));
		String serial = tree.prefix() + "-EXPIRED-1";
		browser.findElement(By.id("vendor")).sendKeys("Hikvision");
		browser.findElement(By.id("serial")).sendKeys(serial);
		browser.findElement(By.id("name")).sendKeys("Cổng chính");
		new Select(browser.findElement(By.id("kind"))).selectByValue("RECORDER");
		// the session ends on the server (as after 30 minutes idle): the browser still holds its old id
		browser.manage().deleteCookieNamed("JSESSIONID");
		browser.manage().addCookie(new Cookie.Builder("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF").path("/")
			.isHttpOnly(true)
			.build());
		browser.findElement(By.id("save")).click();

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.urlContains("/login"));
		assertThat(browser.findElement(By.id("session-expired")).getText()).contains("session had expired");
		screenshot("login-expired");
		signIn(officer.username(), null);

		assertThat(browser.getCurrentUrl()).isEqualTo(url("/inventory/cameras/new"));
		wait.until(driver -> "true".equals(driver.findElement(By.cssSelector("form[method=post][novalidate]"))
			.getDomAttribute("data-restored")));
		assertThat(browser.findElement(By.id("session-expired")).getText()).contains("check what you typed");
		assertThat(browser.findElement(By.id("vendor")).getDomProperty("value")).isEqualTo("Hikvision");
		assertThat(browser.findElement(By.id("serial")).getDomProperty("value")).isEqualTo(serial);
		assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Cổng chính");
		assertThat(new Select(browser.findElement(By.id("kind"))).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("RECORDER");
		screenshot("form-restored");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE serial = :s")
			.param("s", serial)
			.query(Long.class)
			.single()).as("nothing is saved behind the user's back").isZero();

		browser.findElement(By.id("save")).click();
		wait.until(ExpectedConditions.urlMatches(".*/inventory/cameras/\\d+$"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE serial = :s")
			.param("s", serial)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anUploadOverTheLimitShowsTheFileTooLargePageInTheBrowser() throws Exception {
		TestTree tree = TestTree.create(setup);
		var officer = tree.user("uploader", Role.UNIT_OFFICER, tree.districtA());
		signIn(officer.username(), "/login?lang=en");
		Path big = temp.resolve("too-big.csv");
		try (var out = Files.newOutputStream(big)) {
			byte[] line = "unit_code,kind,vendor,serial\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			byte[] block = new byte[1 << 20];
			java.util.Arrays.fill(block, (byte) 'x');
			out.write(line);
			for (int mb = 0; mb < 51; mb++) {
				out.write(block);
			}
		}
		browser.get(url("/inventory/cameras/import"));
		browser.findElement(By.id("file")).sendKeys(big.toAbsolutePath().toString());
		browser.findElement(By.id("import-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.titleIs("File too large"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("50MB");
		screenshot("upload-too-large");
	}

	private void signIn(String username, String loginPage) {
		if (loginPage != null) {
			browser.manage().deleteAllCookies();
			browser.get(url(loginPage));
		}
		HeadlessBrowser.signIn(browser, username, TestTree.PASSWORD, Duration.ofSeconds(30));
	}

	private String url(String path) {
		return "http://" + HOST_ADDRESS + ":" + port + path;
	}

	private static void screenshot(String name) throws IOException {
		String dir = System.getProperty("web.screenshots");
		if (dir != null) {
			HeadlessBrowser.screenshot(browser, Path.of(dir), name);
		}
	}

	/** chromedriver answers /status once it listens; at most 100 tries, 0.2 s apart. */
	private static void awaitReady(URI driver) throws Exception {
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			for (int attempt = 0; attempt < 100; attempt++) {
				try {
					HttpResponse<String> status = client.send(
							HttpRequest.newBuilder(driver.resolve("/status")).timeout(Duration.ofSeconds(2)).build(),
							HttpResponse.BodyHandlers.ofString());
					if (status.statusCode() == 200 && status.body().contains("\"ready\":true")) {
						return;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(200);
			}
		}
		throw new IllegalStateException("chromedriver did not start in the namespace; see " + temp.resolve("chromedriver.log"));
	}

	private static void ip(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(IP.toString());
		command.addAll(List.of(arguments));
		run(command);
	}

	private static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(command + " failed: " + output);
		}
		return output;
	}

	private static void runQuietly(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
