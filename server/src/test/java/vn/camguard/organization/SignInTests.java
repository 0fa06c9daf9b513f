package vn.camguard.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;

/** Sign-in, forced password change, CSRF, sign-out, first start and session cookie settings. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	@BeforeEach
	void tree() {
		tree = TestTree.create(setup);
	}

	@Test
	void signsInWithTheRightPasswordAndAuditsIt() throws Exception {
		var officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		mvc.perform(formLogin("/login").user(officer.username()).password(TestTree.PASSWORD))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"));
		assertThat(actions(officer.username())).contains("user.login");
	}

	@Test
	void fourFailuresThenSuccessResetsTheCount() throws Exception {
		var officer = tree.user("forgetful", Role.UNIT_OFFICER, tree.districtA());
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin("/login").user(officer.username()).password("wrong-password"));
		}
		mvc.perform(formLogin("/login").user(officer.username()).password(TestTree.PASSWORD))
			.andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user(officer.username()).password("wrong-password"));
		mvc.perform(formLogin("/login").user(officer.username()).password(TestTree.PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void forcesAPasswordChangeBeforeAnythingElse() throws Exception {
		String username = (tree.prefix() + ".newcomer").toLowerCase();
		long id = setup.ensureUser(username, "Newcomer", tree.districtA().id(), TestTree.PASSWORD, true);
		setup.grant(id, Role.UNIT_OFFICER, tree.districtA().id());
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin("/login").user(username).password(TestTree.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/units").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/api/v1/units").with(httpBasic(username, TestTree.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value("password_change_required"));
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", TestTree.PASSWORD)
			.param("newPassword", username)
			.param("repeated", username)).andExpect(status().isOk());
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", TestTree.PASSWORD)
			.param("newPassword", "Another-Strong-2026")
			.param("repeated", "Another-Strong-2026")).andExpect(redirectedUrl("/"));
		mvc.perform(get("/units").session(session)).andExpect(status().isOk());
		mvc.perform(formLogin("/login").user(username).password("Another-Strong-2026")).andExpect(redirectedUrl("/"));
		assertThat(actions(username)).contains("user.password.change");
	}

	@Test
	void refusesWeakNewPasswords() throws Exception {
		var officer = tree.user("weak", Role.UNIT_OFFICER, tree.districtA());
		for (String weak : List.of("short-pw", "password1234", officer.username())) {
			mvc.perform(post("/api/v1/me/password").with(httpBasic(officer.username(), TestTree.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"" + TestTree.PASSWORD + "\",\"newPassword\":\"" + weak + "\"}"))
				.andExpect(status().isUnprocessableContent());
		}
	}

	@Test
	void writesWithASessionNeedACsrfTokenButBasicCallsDoNot() throws Exception {
		var admin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
		mvc.perform(post("/units/" + tree.communeA().id() + "/rename").with(user(admin.principal()))
			.param("name", "Không có token")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/units/" + tree.communeA().id() + "/deactivate").with(user(admin.principal())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/login").param("username", admin.username()).param("password", TestTree.PASSWORD))
			.andExpect(status().isForbidden());
		mvc.perform(post("/units/" + tree.communeA().id() + "/rename").with(user(admin.principal()))
			.with(csrf())
			.param("name", "Có token")).andExpect(status().isFound());
		mvc.perform(post("/api/v1/units/" + tree.communeA().id() + "/deactivate")
			.with(httpBasic(admin.username(), TestTree.PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void signsOutWithPostAndAuditsIt() throws Exception {
		var auditor = tree.user("leaving", Role.AUDITOR, tree.province());
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin("/login").user(auditor.username()).password(TestTree.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(post("/logout").session(session).with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login?logout"));
		mvc.perform(get("/units").session(session)).andExpect(redirectedUrl("/login"));
		assertThat(actions(auditor.username())).contains("user.logout");
	}

	@Test
	void anonymousCallersAreSentToSignInOrGet401() throws Exception {
		mvc.perform(get("/api-docs")).andExpect(status().isFound());
		mvc.perform(get("/api/v1/units"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic realm=\"CamGuard\"")));
		mvc.perform(get("/login")).andExpect(status().isOk());
		mvc.perform(get("/css/camguard.css")).andExpect(status().isOk());
		mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
	}

	@Test
	void pagesAreVietnameseByDefaultAndEnglishOnRequestRememberedByCookie() throws Exception {
		String vietnamese = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(vietnamese).contains("Đăng nhập", "lang=\"vi\"");
		var english = mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse();
		assertThat(english.getContentAsString()).contains("Sign in", "lang=\"en\"");
		var cookie = english.getCookie("camguard-lang");
		assertThat(cookie).isNotNull();
		// Secure exactly when the request is: a browser drops a Secure cookie set over plain HTTP
		assertThat(cookie.getSecure()).isFalse();
		assertThat(mvc.perform(get("/login").param("lang", "en").secure(true))
			.andReturn()
			.getResponse()
			.getCookie("camguard-lang")
			.getSecure()).isTrue();
		assertThat(mvc.perform(get("/login").cookie(cookie)).andReturn().getResponse().getContentAsString())
			.contains("Sign in");
	}

	@Test
	void signedInUsersReadTheApiDocumentation() throws Exception {
		var auditor = tree.user("reader", Role.AUDITOR, tree.province());
		String docs = mvc.perform(get("/api-docs").with(user(auditor.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(docs).contains("/api/v1/units", "/api/v1/users", "/api/v1/audit/verify");
	}

	@Test
	void firstStartCreatedAnAdministratorWithAHashedPassword() {
		var admin = jdbc.sql("SELECT password_hash, must_change_password FROM organization_user WHERE username = 'admin'")
			.query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2)))
			.single();
		assertThat((String) admin.get(0)).startsWith("{bcrypt}");
		Long grants = jdbc.sql("""
				SELECT COUNT(*) FROM organization_grant g JOIN organization_user u ON u.id = g.user_id
				WHERE u.username = 'admin' AND g.role = 'PROVINCE_ADMIN'""").query(Long.class).single();
		assertThat(grants).isEqualTo(1);
	}

	@Test
	void sessionCookieIsHttpOnlySameSiteLaxAndSecureOnlyOverHttps(
			@Value("${server.servlet.session.cookie.secure:#{null}}") Boolean secure,
			@Value("${server.servlet.session.cookie.http-only}") boolean httpOnly,
			@Value("${server.servlet.session.cookie.same-site}") String sameSite) {
		// not forced: Tomcat sets Secure when the request is secure (ForwardedHeadersTests checks it on the wire)
		assertThat(secure).isNull();
		assertThat(httpOnly).isTrue();
		assertThat(sameSite).isEqualToIgnoringCase("lax");
	}

	private List<String> actions(String actor) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE actor = :actor ORDER BY seq")
			.param("actor", actor)
			.query(String.class)
			.list();
	}

}
