package vn.camguard.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;

/**
 * A password change ends the user's other sessions (a stolen session cookie does not outlive it) and keeps the one
 * that made the change; an administrator's reset ends every session of the user. The check reads the database, so it
 * holds for sessions on any server instance. Other users' sessions and Basic API calls go on.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionsAfterPasswordChangeTests {

	static final String NEW_PASSWORD = "Doi-Mat-Khau-2026-x7";

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
	void ownChangeEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
		var officer = tree.user("owner", Role.UNIT_OFFICER, tree.districtA());
		var colleague = tree.user("colleague", Role.UNIT_OFFICER, tree.districtA());
		MockHttpSession changing = signIn(officer.username(), TestTree.PASSWORD);
		MockHttpSession stolen = signIn(officer.username(), TestTree.PASSWORD);
		MockHttpSession other = signIn(colleague.username(), TestTree.PASSWORD);
		mvc.perform(get("/units").session(stolen)).andExpect(status().isOk());

		mvc.perform(post("/account/password").session(changing)
			.with(csrf())
			.param("currentPassword", TestTree.PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("repeated", NEW_PASSWORD)).andExpect(redirectedUrl("/"));

		mvc.perform(get("/units").session(stolen)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/units").session(changing)).andExpect(status().isOk());
		mvc.perform(get("/units").session(other)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/units").with(httpBasic(officer.username(), NEW_PASSWORD))).andExpect(status().isOk());
		assertThat(signIn(officer.username(), NEW_PASSWORD)).isNotNull();
		assertThat(details("user.password.change", officer.username())).contains("otherSessionsEnded");
	}

	@Test
	void adminResetEndsEverySessionOfTheUserOnly() throws Exception {
		var admin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
		var officer = tree.user("reset", Role.UNIT_OFFICER, tree.districtA());
		var colleague = tree.user("bystander", Role.UNIT_OFFICER, tree.districtA());
		MockHttpSession first = signIn(officer.username(), TestTree.PASSWORD);
		MockHttpSession second = signIn(officer.username(), TestTree.PASSWORD);
		MockHttpSession other = signIn(colleague.username(), TestTree.PASSWORD);
		MockHttpSession adminSession = signIn(admin.username(), TestTree.PASSWORD);

		mvc.perform(post("/api/v1/users/" + officer.id() + "/password-reset")
			.with(httpBasic(admin.username(), TestTree.PASSWORD))).andExpect(status().isOk());

		mvc.perform(get("/units").session(first)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/units").session(second)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/units").session(other)).andExpect(status().isOk());
		mvc.perform(get("/units").session(adminSession)).andExpect(status().isOk());
		assertThat(details("user.password.reset", admin.username())).contains("sessionsEnded");
	}

	private MockHttpSession signIn(String username, String password) throws Exception {
		var result = mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private String details(String action, String actor) {
		return jdbc.sql("SELECT after_json FROM audit_entry WHERE action = :action AND actor = :actor")
			.param("action", action)
			.param("actor", actor)
			.query(String.class)
			.list()
			.toString();
	}

}
