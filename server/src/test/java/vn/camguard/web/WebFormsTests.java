package vn.camguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * Forms and pages of the web shell: a form posted after its session expired leads to sign-in and
 * back to the form with what was typed (never passwords); htmx gets HX-Redirect instead of a 403
 * fragment; a cross-site post keeps the 403; form problems all at once with field labels; the home
 * page says what each role is for; templates hold no inline script or event handler (CSP).
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebFormsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	TestTree tree;

	@BeforeEach
	void tree() {
		tree = TestTree.create(setup);
	}

	@Test
	void aDeviceFormPostedAfterTheSessionExpiredGoesToSignInAndComesBackFilledIn() throws Exception {
		var officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		String serial = tree.prefix() + "-LATE-1";
		MvcResult late = mvc.perform(expired(post("/inventory/cameras")).param("lang", "en")
			.param("unitId", Long.toString(tree.districtA().id()))
			.param("kind", "CAMERA")
			.param("status", "ACTIVE")
			.param("vendor", "Hikvision")
			.param("serial", serial)
			.param("currentPassword", "not-to-be-kept")
			.param("_csrf", "token-of-the-old-session")
			.header("Origin", "http://localhost")
			.header("Referer", "http://localhost/inventory/cameras/new")).andReturn();
		assertThat(late.getResponse().getStatus()).isEqualTo(302);
		assertThat(late.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
		MockHttpSession session = (MockHttpSession) late.getRequest().getSession(false);
		assertThat(session).isNotNull();

		String login = body(mvc.perform(get("/login").param("expired", "").param("lang", "en").session(session)).andReturn());
		assertThat(login).contains("id=\"session-expired\"", "Your session had expired");

		MvcResult signedIn = mvc.perform(post("/login").param("username", officer.username())
			.param("password", TestTree.PASSWORD)
			.with(csrf())
			.session(session)).andReturn();
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/inventory/cameras/new");
		MockHttpSession signedInSession = (MockHttpSession) signedIn.getRequest().getSession(false);

		String form = body(mvc.perform(get("/inventory/cameras/new").param("lang", "en").session(signedInSession)).andReturn());
		assertThat(form).contains("id=\"session-expired\"", "check what you typed");
		String restored = attribute(form, "data-interrupted-form");
		assertThat(restored).contains("\"action\":\"/inventory/cameras\"", "\"vendor\":[\"Hikvision\"]",
				"\"serial\":[\"" + serial + "\"]", "\"kind\":[\"CAMERA\"]");
		assertThat(restored).doesNotContain("not-to-be-kept", "token-of-the-old-session");
		// handed over once
		assertThat(body(mvc.perform(get("/inventory/cameras/new").session(signedInSession)).andReturn()))
			.doesNotContain("data-interrupted-form");
	}

	@Test
	void aFormShownAgainAfterRefusedInputReturnsToItsFormPage() throws Exception {
		// the refused form was shown at the post's own URL (/inventory/cameras/7), which is not a form page
		MvcResult late = mvc.perform(expired(post("/inventory/cameras/7")).param("vendor", "Dahua")
			.header("Origin", "http://localhost")
			.header("Referer", "http://localhost/inventory/cameras/7")).andReturn();
		assertThat(late.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
		assertThat(late.getRequest().getSession(false).getAttribute(InterruptedForm.SESSION_ATTRIBUTE))
			.isEqualTo(new InterruptedForm("/inventory/cameras/7", "/inventory/cameras/7/edit",
					java.util.Map.of("vendor", List.of("Dahua"))));
	}

	@Test
	void htmxGetsHxRedirectToSignInInsteadOfA403Fragment() throws Exception {
		MvcResult post = mvc.perform(expired(post("/inventory/cameras")).header("HX-Request", "true")
			.header("Origin", "http://localhost")).andReturn();
		assertThat(post.getResponse().getHeader("HX-Redirect")).isEqualTo("/login?expired");
		assertThat(post.getResponse().getStatus()).isNotEqualTo(403);

		MvcResult list = mvc.perform(expired(get("/inventory/cameras")).header("HX-Request", "true")).andReturn();
		assertThat(list.getResponse().getHeader("HX-Redirect")).isEqualTo("/login?expired");
		assertThat(list.getResponse().getRedirectedUrl()).isNull();
	}

	@Test
	void aCrossSitePostOrAWrongTokenInALiveSessionStaysForbidden() throws Exception {
		MvcResult crossSite = mvc.perform(expired(post("/inventory/cameras")).param("vendor", "planted")
			.header("Origin", "https://attacker.example")).andReturn();
		assertThat(crossSite.getResponse().getStatus()).isEqualTo(403);
		var session = crossSite.getRequest().getSession(false);
		assertThat(session == null ? null : session.getAttribute(InterruptedForm.SESSION_ATTRIBUTE)).isNull();

		var officer = tree.user("live", Role.UNIT_OFFICER, tree.districtA());
		MvcResult wrongToken = mvc.perform(post("/inventory/cameras").with(user(officer.principal()))
			.with(csrf().useInvalidToken())
			.header("Origin", "http://localhost")).andReturn();
		assertThat(wrongToken.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void formProblemsAreAllShownAtOnceWithTheFieldLabels() throws Exception {
		var officer = tree.user("typist", Role.UNIT_OFFICER, tree.districtA());
		String page = body(mvc.perform(post("/inventory/cameras").with(user(officer.principal()))
			.with(csrf())
			.param("lang", "en")
			.param("unitId", Long.toString(tree.districtA().id()))
			.param("kind", "CAMERA")
			.param("vendor", "")
			.param("serial", "")
			.param("procurementDate", "31-01-2024")).andReturn());
		String errors = page.substring(page.indexOf("id=\"form-errors\""));
		errors = errors.substring(0, errors.indexOf("</div>"));
		assertThat(errors).contains("Vendor is required.", "Serial number is required.", "Date &quot;31-01-2024&quot;");
		assertThat(errors).doesNotContain("vendor is required", "serial is required");
		assertThat(page).contains("novalidate");

		String vietnamese = body(mvc.perform(post("/inventory/systems").with(user(officer.principal()))
			.with(csrf())
			.param("lang", "vi")
			.param("unitId", Long.toString(tree.districtA().id()))
			.param("name", "")).andReturn());
		assertThat(vietnamese).doesNotContain("name ");
	}

	@Test
	void theHomePageSaysWhatAnOutsideOrganisationsRoleIsForAndLinksItsPages() throws Exception {
		for (Role role : List.of(Role.ISP_OPERATOR, Role.VENDOR, Role.POLICE, Role.MARKET_INSPECTOR)) {
			var outsider = tree.user(role.name().toLowerCase(), role, tree.districtB());
			String home = body(mvc.perform(get("/").param("lang", "en").with(user(outsider.principal()))).andReturn());
			assertThat(home).as(role.name()).contains("id=\"home-role-" + role + "\"", "You cannot change anything");
			assertThat(home).contains("href=\"/inventory/cameras\"", "href=\"/units\"");
			assertThat(home).doesNotContain("href=\"/users\"", "href=\"/inventory/cameras/import\"");
		}
	}

	@Test
	void templatesHoldNoInlineScriptOrEventHandler() throws IOException {
		Pattern inline = Pattern.compile(
				"<script(?![^>]*\\bsrc=)[^>]*>|[\\s:]on[a-z]+\\s*=|\\shx-on[:-]|javascript:", Pattern.CASE_INSENSITIVE);
		List<String> found = new ArrayList<>();
		Path templates = Path.of("src/main/resources/templates");
		try (Stream<Path> files = Files.walk(templates)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = inline.matcher(Files.readString(file));
				while (matcher.find()) {
					found.add(templates.relativize(file) + ": " + matcher.group());
				}
			}
		}
		assertThat(found).isEmpty();
	}

	/** A request whose browser still sends the id of a session the server no longer has. */
	private static MockHttpServletRequestBuilder expired(MockHttpServletRequestBuilder request) {
		request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		RequestPostProcessor goneSession = mock -> {
			mock.setRequestedSessionId("0123456789ABCDEF0123456789ABCDEF");
			mock.setRequestedSessionIdValid(false);
			mock.setRequestedSessionIdFromCookie(true);
			return mock;
		};
		return request.with(goneSession);
	}

	private static String attribute(String page, String name) {
		Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
		assertThat(matcher.find()).as(name + " in the page").isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1));
	}

	private static String body(MvcResult result) throws IOException {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
