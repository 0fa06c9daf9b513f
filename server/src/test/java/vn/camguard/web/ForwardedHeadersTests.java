package vn.camguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session cookie and HSTS follow whether the request is secure, as the real embedded Tomcat
 * decides it: plain HTTP gets neither Secure nor HSTS, "X-Forwarded-Proto: https" from a trusted
 * proxy (loopback by default) gets both, and the same header from an address that is not a trusted
 * proxy is ignored. Session ids never go into URLs.
 */
class ForwardedHeadersTests {

	/** The defaults of application.properties: the test client on 127.0.0.1 is a trusted (local) proxy. */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	class TrustedLocalProxy {

		@LocalServerPort
		int port;

		@Test
		void plainHttpGetsAnHttpOnlySameSiteCookieWithoutSecureAndNoHsts() throws Exception {
			HttpResponse<String> response = loginPage(port, Map.of());
			String cookie = sessionCookie(response);
			assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
			assertThat(cookie).doesNotContainIgnoringCase("Secure");
			assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
			// cookie tracking only: no ;jsessionid= in the page's links
			assertThat(response.body()).doesNotContainIgnoringCase("jsessionid");
		}

		@Test
		void httpsFromTheProxyGetsASecureCookieAndHsts() throws Exception {
			HttpResponse<String> response = loginPage(port, Map.of("X-Forwarded-Proto", "https",
					"X-Forwarded-For", "203.0.113.7"));
			assertThat(sessionCookie(response)).containsIgnoringCase("Secure")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax");
			assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
					hsts -> assertThat(hsts).contains("max-age="));
		}

		@Test
		void pagesSayNoReferrerToOtherSitesAndAllowNoInlineScript() throws Exception {
			HttpResponse<String> response = loginPage(port, Map.of());
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
			String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
			String scripts = csp.replaceAll("^.*script-src ([^;]*).*$", "$1");
			assertThat(scripts).isEqualTo("'self'");
		}

	}

	/** A deployment whose only trusted proxy is elsewhere: the test client is just a client. */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "server.tomcat.remoteip.internal-proxies=192.0.2.10/32")
	class UntrustedClient {

		@LocalServerPort
		int port;

		@Test
		void forwardedProtoFromAnUntrustedAddressIsIgnored() throws Exception {
			HttpResponse<String> response = loginPage(port, Map.of("X-Forwarded-Proto", "https"));
			assertThat(sessionCookie(response)).doesNotContainIgnoringCase("Secure");
			assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		}

	}

	static HttpResponse<String> loginPage(int port, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.timeout(Duration.ofSeconds(20));
		headers.forEach(request::header);
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response;
		}
	}

	static String sessionCookie(HttpResponse<?> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
	}

}
