package vn.camguard.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;
import vn.camguard.TestTree.TestUser;

/** Users and grants: one-time passwords, scope of a province admin granted on a district, grants. */
@SpringBootTest
@AutoConfigureMockMvc
class UserAdministrationTests {

	private static final Pattern PASSWORD = Pattern.compile("\"oneTimePassword\":\"([^\"]+)\"");

	private static final Pattern ID = Pattern.compile("\"user\":\\{\"id\":(\\d+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestUser districtAdmin;

	@BeforeEach
	void tree() {
		tree = TestTree.create(setup);
		districtAdmin = tree.user("dadmin", Role.PROVINCE_ADMIN, tree.districtA());
	}

	@Test
	void aNewUserGetsARandomOneTimePasswordThatMustBeChanged() throws Exception {
		String username = (tree.prefix() + ".new").toLowerCase();
		String answer = create(username, tree.communeA().id()).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher password = PASSWORD.matcher(answer);
		assertThat(password.find()).isTrue();
		assertThat(password.group(1)).hasSize(20);
		assertThat(answer).doesNotContain("bcrypt", "passwordHash");
		mvc.perform(formLogin("/login").user(username).password(password.group(1))).andExpect(redirectedUrl("/"));
		mvc.perform(get("/api/v1/users").with(user(districtAdmin.principal())))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains(username,
					"\"mustChangePassword\":true"));
	}

	@Test
	void aDistrictAdminManagesOnlyUsersAndGrantsInsideItsDistrict() throws Exception {
		create((tree.prefix() + ".outside").toLowerCase(), tree.communeB().id()).andExpect(status().isForbidden());
		TestUser inB = tree.user("inb", Role.UNIT_OFFICER, tree.districtB());
		mvc.perform(get("/api/v1/users/" + inB.id()).with(user(districtAdmin.principal())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/users/" + inB.id() + "/password-reset").with(user(districtAdmin.principal()))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/api/v1/users").with(user(districtAdmin.principal())))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(inB.username());

		TestUser inA = tree.user("ina", Role.UNIT_OFFICER, tree.communeA());
		grant(inA.id(), "AUDITOR", tree.districtB().id()).andExpect(status().isNotFound());
		grant(inA.id(), "AUDITOR", tree.communeA().id()).andExpect(status().isCreated());
		TestUser officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		mvc.perform(get("/api/v1/users").with(user(officer.principal()))).andExpect(status().isForbidden());
		mvc.perform(get("/users").with(user(officer.principal()))).andExpect(status().isForbidden());
	}

	@Test
	void aDistrictAdminCannotChangeAUserHomedInTheDistrictWhoHoldsAProvinceGrant() throws Exception {
		TestUser provinceAdmin = tree.user("padmin", Role.AUDITOR, tree.communeA());
		setup.grant(provinceAdmin.id(), Role.PROVINCE_ADMIN, tree.province().id());
		long localGrant = grantId(provinceAdmin.id(), tree.communeA().id());
		long provinceGrant = grantId(provinceAdmin.id(), tree.province().id());
		String hashBefore = passwordHash(provinceAdmin.id());
		String base = "/api/v1/users/" + provinceAdmin.id();
		var asDistrictAdmin = user(districtAdmin.principal());

		String refusal = mvc.perform(post(base + "/password-reset").with(asDistrictAdmin).with(csrf()))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refusal).contains("\"error\":\"outside_authority\"", "ngoài phạm vi bạn quản lý")
			.doesNotContain("oneTimePassword");
		mvc.perform(post(base + "/password-reset").with(asDistrictAdmin).with(csrf()).param("lang", "en"))
			.andExpect(status().isForbidden())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("outside the units you manage"));
		mvc.perform(put(base).with(asDistrictAdmin)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":false}")).andExpect(status().isForbidden());
		mvc.perform(put(base).with(asDistrictAdmin)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"displayName\":\"Bị đổi tên\"}")).andExpect(status().isForbidden());
		grant(provinceAdmin.id(), "UNIT_OFFICER", tree.communeA().id()).andExpect(status().isForbidden());
		mvc.perform(delete(base + "/grants/" + localGrant).with(asDistrictAdmin).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(delete(base + "/grants/" + provinceGrant).with(asDistrictAdmin).with(csrf()))
			.andExpect(status().isForbidden());

		String webBase = "/users/" + provinceAdmin.id();
		String page = mvc.perform(post(webBase + "/password-reset").with(asDistrictAdmin).with(csrf()))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("ngoài phạm vi bạn quản lý").doesNotContain("Mật khẩu dùng một lần");
		mvc.perform(post(webBase).with(asDistrictAdmin).with(csrf()).param("displayName", "Bị đổi tên"))
			.andExpect(status().isForbidden());
		mvc.perform(post(webBase + "/grants").with(asDistrictAdmin)
			.with(csrf())
			.param("role", "PROVINCE_ADMIN")
			.param("unitId", Long.toString(tree.communeA().id()))).andExpect(status().isForbidden());
		mvc.perform(post(webBase + "/grants/" + localGrant + "/delete").with(asDistrictAdmin).with(csrf()))
			.andExpect(status().isForbidden());
		// looking stays possible, and the page says why nothing can be changed
		assertThat(mvc.perform(get(webBase).with(asDistrictAdmin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("bạn chỉ được xem").doesNotContain("/password-reset");

		assertThat(passwordHash(provinceAdmin.id())).isEqualTo(hashBefore);
		var after = jdbc.sql("SELECT display_name, enabled, must_change_password FROM organization_user WHERE id = :id")
			.param("id", provinceAdmin.id())
			.query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
			.single();
		assertThat(after).containsExactly("Người thử padmin", true, false);
		assertThat(jdbc.sql("SELECT role FROM organization_grant WHERE user_id = :user ORDER BY role")
			.param("user", provinceAdmin.id())
			.query(String.class)
			.list()).containsExactly("AUDITOR", "PROVINCE_ADMIN");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE actor = :actor AND action = 'user.change.refused'
				AND entity_id = :id""")
			.param("actor", districtAdmin.username())
			.param("id", Long.toString(provinceAdmin.id()))
			.query(Long.class)
			.single()).isEqualTo(11);
		mvc.perform(formLogin("/login").user(provinceAdmin.username()).password(TestTree.PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aDistrictAdminStillChangesAUserWhoseGrantsAllLieInTheDistrict() throws Exception {
		TestUser local = tree.user("local", Role.UNIT_OFFICER, tree.communeA());
		setup.grant(local.id(), Role.PROVINCE_ADMIN, tree.districtA().id());
		String hashBefore = passwordHash(local.id());
		var asDistrictAdmin = user(districtAdmin.principal());
		mvc.perform(post("/api/v1/users/" + local.id() + "/password-reset").with(asDistrictAdmin).with(csrf()))
			.andExpect(status().isOk());
		assertThat(passwordHash(local.id())).isNotEqualTo(hashBefore);
		mvc.perform(put("/api/v1/users/" + local.id()).with(asDistrictAdmin)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":false,\"displayName\":\"Đổi tên\"}")).andExpect(status().isOk());
		grant(local.id(), "AUDITOR", tree.districtA().id()).andExpect(status().isCreated());
	}

	private String passwordHash(long id) {
		return jdbc.sql("SELECT password_hash FROM organization_user WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private long grantId(long userId, long unitId) {
		return jdbc.sql("SELECT id FROM organization_grant WHERE user_id = :user AND unit_id = :unit")
			.param("user", userId)
			.param("unit", unitId)
			.query(Long.class)
			.single();
	}

	@Test
	void aUserIsCreatedWithAFirstGrantInOneStepOrNotAtAll() throws Exception {
		String username = (tree.prefix() + ".granted").toLowerCase();
		String answer = mvc.perform(post("/api/v1/users").with(user(districtAdmin.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"displayName\":\"Cán bộ\",\"unitId\":" + tree.communeA().id()
					+ ",\"grant\":{\"role\":\"UNIT_OFFICER\",\"unitId\":" + tree.communeA().id() + "}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).contains("\"role\":\"UNIT_OFFICER\"", "\"oneTimePassword\"");
		long id = jdbc.sql("SELECT id FROM organization_user WHERE username = :u").param("u", username).query(Long.class).single();
		assertThat(jdbc.sql("SELECT role FROM organization_grant WHERE user_id = :id").param("id", id).query(String.class).list())
			.containsExactly("UNIT_OFFICER");
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE actor = :actor AND (entity_id = :id OR action = 'grant.add') ORDER BY seq")
			.param("actor", districtAdmin.username())
			.param("id", Long.toString(id))
			.query(String.class)
			.list()).containsSubsequence("user.create", "grant.add");

		String outside = (tree.prefix() + ".outside").toLowerCase();
		mvc.perform(post("/api/v1/users").with(user(districtAdmin.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + outside + "\",\"displayName\":\"Cán bộ\",\"unitId\":" + tree.communeA().id()
					+ ",\"grant\":{\"role\":\"PROVINCE_ADMIN\",\"unitId\":" + tree.province().id() + "}}"))
			.andExpect(status().is4xxClientError());
		String incomplete = (tree.prefix() + ".incomplete").toLowerCase();
		mvc.perform(post("/users").with(user(districtAdmin.principal()))
			.with(csrf())
			.param("username", incomplete)
			.param("displayName", "Cán bộ")
			.param("unitId", Long.toString(tree.communeA().id()))
			.param("grantRole", "AUDITOR")
			.param("grantUnitId", "")).andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("Hãy chọn vai trò và đơn vị", "<option value=\"AUDITOR\" selected=\"selected\">"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organization_user WHERE username IN (:a, :b)")
			.param("a", outside)
			.param("b", incomplete)
			.query(Long.class)
			.single()).isZero();

		String web = (tree.prefix() + ".webgrant").toLowerCase();
		mvc.perform(post("/users").with(user(districtAdmin.principal()))
			.with(csrf())
			.param("username", web)
			.param("displayName", "Cán bộ")
			.param("unitId", Long.toString(tree.communeA().id()))
			.param("grantRole", "AUDITOR")
			.param("grantUnitId", Long.toString(tree.districtA().id())))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("Mật khẩu dùng một lần"));
		assertThat(jdbc.sql("""
				SELECT g.role FROM organization_grant g JOIN organization_user u ON u.id = g.user_id
				WHERE u.username = :u AND g.unit_id = :unit""")
			.param("u", web)
			.param("unit", tree.districtA().id())
			.query(String.class)
			.list()).containsExactly("AUDITOR");
	}

	@Test
	void grantFormsPreselectNeitherARoleNorAUnit() throws Exception {
		String form = mvc.perform(get("/users/new").with(user(districtAdmin.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		TestUser subject = tree.user("subject", Role.AUDITOR, tree.communeA());
		String details = mvc.perform(get("/users/" + subject.id()).with(user(districtAdmin.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		for (String page : List.of(form, details)) {
			assertThat(firstOption(page, "(grantRole|role)")).contains("value=\"\"", "Chọn vai trò");
			assertThat(firstOption(page, "(grantUnitId|unitId\" required)")).contains("value=\"\"", "Chọn đơn vị");
			assertThat(page).doesNotContainPattern("value=\"[A-Z_]+\" selected");
		}
	}

	/** The first option of the select whose name matches, e.g. {@code <option value="" selected>}. */
	private static String firstOption(String page, String name) {
		Matcher option = Pattern.compile("name=\"" + name + "[^>]*>\\s*(<option[^>]*>[^<]*)").matcher(page);
		assertThat(option.find()).as("select " + name).isTrue();
		return option.group(option.groupCount());
	}

	@Test
	void grantsChangeWhatTheUserMaySeeAtOnce() throws Exception {
		TestUser subject = tree.user("subject", null, tree.communeA());
		mvc.perform(get("/api/v1/units").with(user(subject.principal()))).andExpect(status().isForbidden());
		String grant = grant(subject.id(), "UNIT_OFFICER", tree.communeA().id()).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(get("/api/v1/units").with(user(subject.principal()))).andExpect(status().isOk());
		String grantId = grant.replaceAll("^\\{\"id\":(\\d+).*$", "$1");
		mvc.perform(delete("/api/v1/users/" + subject.id() + "/grants/" + grantId).with(user(districtAdmin.principal()))
			.with(csrf())).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/units").with(user(subject.principal()))).andExpect(status().isForbidden());
	}

	@Test
	void disablingAUserStopsItsSignInAndResetGivesANewPassword() throws Exception {
		TestUser subject = tree.user("subject", Role.AUDITOR, tree.communeA());
		String answer = mvc
			.perform(post("/api/v1/users/" + subject.id() + "/password-reset").with(user(districtAdmin.principal()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher password = PASSWORD.matcher(answer);
		assertThat(password.find()).isTrue();
		mvc.perform(formLogin("/login").user(subject.username()).password(TestTree.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		var session = (org.springframework.mock.web.MockHttpSession) mvc
			.perform(formLogin("/login").user(subject.username()).password(password.group(1)))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(put("/api/v1/users/" + subject.id()).with(user(districtAdmin.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":false}")).andExpect(status().isOk());
		mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin("/login").user(subject.username()).password(password.group(1)))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theWebFormShowsTheOneTimePasswordOnce() throws Exception {
		String username = (tree.prefix() + ".web").toLowerCase();
		String page = mvc
			.perform(post("/users").with(user(districtAdmin.principal()))
				.with(csrf())
				.param("username", username)
				.param("displayName", "Nguyễn Văn Web")
				.param("unitId", Long.toString(tree.communeA().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Mật khẩu dùng một lần", username);
		String rejected = mvc
			.perform(post("/users").with(user(districtAdmin.principal()))
				.with(csrf())
				.param("username", "X")
				.param("displayName", "")
				.param("unitId", Long.toString(tree.communeA().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains("Tên đăng nhập gồm 3–60 ký tự", "Họ và tên là bắt buộc");
	}

	private org.springframework.test.web.servlet.ResultActions create(String username, long unitId) throws Exception {
		return mvc.perform(post("/api/v1/users").with(user(districtAdmin.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"displayName\":\"Người dùng\",\"unitId\":" + unitId + "}"));
	}

	private org.springframework.test.web.servlet.ResultActions grant(long userId, String role, long unitId)
			throws Exception {
		return mvc.perform(post("/api/v1/users/" + userId + "/grants").with(user(districtAdmin.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"" + role + "\",\"unitId\":" + unitId + "}"));
	}

}
