package vn.camguard.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.camguard.TestTree;
import vn.camguard.TestTree.TestUser;

/**
 * Failed sign-ins slow the guessing address down instead of locking the account (issue 15, item 9):
 * the owner still signs in from its own address, is told about the failures, and an administrator
 * sees them and can clear the delays. Each test guesses from addresses of its own, so that failures
 * of one test (or of an earlier run on the same database) do not slow another down.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInThrottleTests {

	private static final String OWN_ADDRESS = "127.0.0.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestUser admin;

	String attacker;

	@BeforeEach
	void tree() {
		tree = TestTree.create(setup);
		admin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
		attacker = freshAddress();
	}

	@Test
	void twentyWrongPasswordsFromElsewhereDoNotStopTheOwnerSigningInFromItsOwnAddress() throws Exception {
		for (int i = 0; i < 20; i++) {
			String answer = signIn(admin.username(), "wrong-password-" + i, "10.9.9.9").andReturn()
				.getResponse()
				.getRedirectedUrl();
			assertThat(answer).startsWith("/login?");
		}
		signIn(admin.username(), TestTree.PASSWORD, OWN_ADDRESS).andExpect(redirectedUrl("/"));
		mvc.perform(get("/api/v1/me").with(httpBasic(admin.username(), TestTree.PASSWORD)).with(from(OWN_ADDRESS)))
			.andExpect(status().isOk());
	}

	@Test
	void theGuessingAddressIsRefusedEvenWithTheRightPasswordAndToldToWait() throws Exception {
		for (int i = 0; i < 20; i++) {
			signIn(admin.username(), "wrong-password-" + i, attacker);
		}
		// after 5 failures each further attempt came too soon: refused before its password was looked at
		assertThat(count("user.login.failed")).isEqualTo(5);
		assertThat(count("user.login.throttled")).isEqualTo(1);
		String wait = signIn(admin.username(), TestTree.PASSWORD, attacker).andReturn().getResponse().getRedirectedUrl();
		assertThat(wait).matches("/login\\?wait=\\d+");
		assertThat(page(wait)).contains("Vui lòng đợi").contains("giây rồi thử lại");
		assertThat(page(wait + "&lang=en")).contains("Please wait").contains("seconds, then try again");
		mvc.perform(get("/api/v1/me").with(httpBasic(admin.username(), TestTree.PASSWORD)).with(from(attacker)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.error").value("sign_in_throttled"));
		assertThat(count("user.login.failed")).isEqualTo(5);
	}

	@Test
	void aNameWithoutAccountIsSlowedDownTheSameWay() throws Exception {
		String nobody = (tree.prefix() + ".nobody").toLowerCase();
		for (int i = 0; i < 5; i++) {
			signIn(nobody, "wrong-password-" + i, attacker).andExpect(redirectedUrl("/login?error"));
		}
		assertThat(signIn(nobody, "wrong-password", attacker).andReturn().getResponse().getRedirectedUrl())
			.matches("/login\\?wait=\\d+");
	}

	@Test
	void oneAddressGuessingManyNamesIsSlowedDownForEveryName() throws Exception {
		for (int i = 0; i < 30; i++) {
			signIn((tree.prefix() + ".guess" + i).toLowerCase(), "wrong-password", attacker)
				.andExpect(redirectedUrl("/login?error"));
		}
		TestUser officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		assertThat(signIn(officer.username(), TestTree.PASSWORD, attacker).andReturn().getResponse().getRedirectedUrl())
			.matches("/login\\?wait=\\d+");
		signIn(officer.username(), TestTree.PASSWORD, OWN_ADDRESS).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAdministratorSeesTheFailuresAndClearsTheDelaysAudited() throws Exception {
		for (int i = 0; i < 6; i++) {
			signIn(admin.username(), "wrong-password-" + i, attacker);
		}
		TestUser colleague = tree.user("colleague", Role.PROVINCE_ADMIN, tree.province());
		String details = mvc.perform(get("/users/" + admin.id()).with(user(colleague.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(details).contains(attacker, "Đang bị làm chậm", "/users/" + admin.id() + "/unlock");
		mvc.perform(get("/api/v1/users/" + admin.id()).with(user(colleague.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signIns.throttled[0].address").value(attacker))
			.andExpect(jsonPath("$.signIns.recentFailures.length()").value(5));

		// an officer cannot clear them
		TestUser officer = tree.user("officer", Role.UNIT_OFFICER, tree.province());
		mvc.perform(post("/api/v1/users/" + admin.id() + "/unlock").with(user(officer.principal())).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(signIn(admin.username(), TestTree.PASSWORD, attacker).andReturn().getResponse().getRedirectedUrl())
			.startsWith("/login?wait=");

		mvc.perform(post("/users/" + admin.id() + "/unlock").with(user(colleague.principal())).with(csrf()))
			.andExpect(redirectedUrl("/users/" + admin.id()));
		signIn(admin.username(), TestTree.PASSWORD, attacker).andExpect(redirectedUrl("/"));
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE actor = :actor AND action = 'user.unlock' AND entity_id = :id""")
			.param("actor", colleague.username())
			.param("id", Long.toString(admin.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(post("/api/v1/users/" + admin.id() + "/unlock").with(user(colleague.principal())).with(csrf()))
			.andExpect(status().isNoContent());
	}

	@Test
	void theOwnerIsToldAboutFailedSignInsAtItsNextSignInOnce() throws Exception {
		for (int i = 0; i < 3; i++) {
			signIn(admin.username(), "wrong-password-" + i, attacker);
		}
		MockHttpSession session = (MockHttpSession) signIn(admin.username(), TestTree.PASSWORD, OWN_ADDRESS)
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		String home = mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(home).contains("Có 3 lần đăng nhập sai vào tài khoản của bạn", "từ địa chỉ " + attacker);
		assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString())
			.doesNotContain("sign-in-notice");
		MockHttpSession next = (MockHttpSession) signIn(admin.username(), TestTree.PASSWORD, OWN_ADDRESS).andReturn()
			.getRequest()
			.getSession(false);
		assertThat(mvc.perform(get("/").session(next)).andReturn().getResponse().getContentAsString())
			.doesNotContain("sign-in-notice");
	}

	private ResultActions signIn(String username, String password, String address) throws Exception {
		MockHttpServletRequestBuilder request = post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address));
		return mvc.perform(request);
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long count(String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = :actor AND action = :action")
			.param("actor", admin.username())
			.param("action", action)
			.query(Long.class)
			.single();
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** An address no other test or run (on a kept database) is likely to have guessed from. */
	static String freshAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(10, 256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
