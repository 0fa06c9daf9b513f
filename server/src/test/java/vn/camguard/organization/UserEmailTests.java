package vn.camguard.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.camguard.TestTree;
import vn.camguard.TestTree.TestUser;

/**
 * The optional e-mail address of a user account: set by the administrators who manage the user (web form and REST)
 * and by the user on its own account page; one plain address or nothing (a second address, a display name or a line
 * break is refused with the typed text kept and nothing changed); audited with the address masked; seen only by the
 * user and its administrators.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UserEmailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestUser districtAdmin;

	TestUser officer;

	TestUser colleague;

	@BeforeEach
	void tree() {
		tree = TestTree.create(setup);
		districtAdmin = tree.user("em.admin", Role.PROVINCE_ADMIN, tree.districtA());
		officer = tree.user("em.officer", Role.UNIT_OFFICER, tree.communeA());
		colleague = tree.user("em.colleague", Role.UNIT_OFFICER, tree.communeA());
	}

	@Test
	void anAdministratorSetsTheAddressAndOnlyTheUserAndItsAdministratorsSeeIt() throws Exception {
		String address = "Officer." + tree.prefix() + "@Xa.Example.VN";
		MockHttpServletResponse saved = send(post("/users/" + officer.id()).param("displayName", "Cán bộ")
			.param("enabled", "true").param("email", address), districtAdmin);
		assertThat(saved.getRedirectedUrl()).isEqualTo("/users/" + officer.id());
		String stored = "Officer." + tree.prefix() + "@xa.example.vn";
		assertThat(storedEmail(officer)).isEqualTo(stored);
		assertThat(page(get("/users/" + officer.id()), districtAdmin)).contains(stored);
		assertThat(page(get("/account"), officer)).contains(stored);

		assertThat(send(get("/users/" + officer.id()), colleague).getStatus()).isIn(403, 404);
		assertThat(send(get("/api/v1/users/" + officer.id()), colleague).getStatus()).isIn(403, 404);
		assertThat(page(get("/account"), colleague)).doesNotContain(stored);

		String audited = jdbc.sql("""
				SELECT after_json FROM audit_entry WHERE action = 'user.update' AND entity_id = :id ORDER BY seq DESC""")
			.param("id", Long.toString(officer.id())).query(String.class).list().getFirst();
		assertThat(audited).contains("O***@xa.example.vn").doesNotContain(stored);

		MockHttpServletResponse api = send(put("/api/v1/users/" + officer.id()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"\"}"), districtAdmin);
		assertThat(api.getStatus()).isEqualTo(200);
		assertThat(storedEmail(officer)).isNull();
	}

	@Test
	void aBadAddressIsRefusedWithWhatWasTypedKeptAndNothingChanged() throws Exception {
		jdbc.sql("UPDATE organization_user SET email = 'giu@example.vn' WHERE id = :id").param("id", officer.id()).update();
		for (String bad : List.of("no-at-sign", "a@b", "Tên <a@example.vn>", "a@example.vn,b@example.vn",
				"a@example.vn\r\nBcc: evil@attacker.example", "a b@example.vn", "x".repeat(250) + "@example.vn")) {
			MockHttpServletResponse refused = send(post("/users/" + officer.id()).param("displayName", "Tên gõ lại")
				.param("enabled", "true").param("email", bad), districtAdmin);
			assertThat(refused.getRedirectedUrl()).isEqualTo("/users/" + officer.id());
			assertThat(storedEmail(officer)).as(bad).isEqualTo("giu@example.vn");
			MockHttpServletResponse own = send(post("/account/email").param("email", bad).param("lang", "en"), officer);
			assertThat(own.getStatus()).isEqualTo(200);
			assertThat(own.getContentAsString(StandardCharsets.UTF_8)).contains("Not a valid e-mail address");
			assertThat(storedEmail(officer)).as(bad).isEqualTo("giu@example.vn");
		}
		assertThat(send(post("/account/email").param("email", "Tên <a@example.vn>").param("lang", "en"), officer)
			.getContentAsString(StandardCharsets.UTF_8)).contains("value=\"Tên &lt;a@example.vn&gt;\"");
	}

	@Test
	void theUserKeepsItsOwnAddressAudited() throws Exception {
		String address = "tu." + tree.prefix().toLowerCase() + "@example.vn";
		MockHttpServletResponse saved = send(post("/account/email").param("email", address), officer);
		assertThat(saved.getRedirectedUrl()).isEqualTo("/account");
		assertThat(storedEmail(officer)).isEqualTo(address);
		String audited = jdbc.sql("""
				SELECT after_json FROM audit_entry WHERE action = 'user.email.change' AND entity_id = :id""")
			.param("id", Long.toString(officer.id())).query(String.class).single();
		assertThat(audited).contains("t***@example.vn").doesNotContain(address);
		assertThat(send(post("/account/email").param("email", ""), officer).getRedirectedUrl()).isEqualTo("/account");
		assertThat(storedEmail(officer)).isNull();
	}

	private String storedEmail(TestUser user) {
		return jdbc.sql("SELECT email FROM organization_user WHERE id = :id").param("id", user.id())
			.query((rs, row) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
	}

	private String page(MockHttpServletRequestBuilder request, TestUser caller) throws Exception {
		MockHttpServletResponse response = send(request, caller);
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestUser caller) throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
