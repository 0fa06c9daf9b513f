package vn.camguard.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.camguard.TestTree;
import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditTrail;
import vn.camguard.audit.SourceAddress;
import vn.camguard.audit.chain.Tampering;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * The audit page in the reader's words (action names in Vietnamese and English, the changed fields
 * as old → new text, local time, one address format), the red banner of a failed verification for
 * province readers, and the signed head as a download that can be checked again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	OrganizationSetup setup;

	@Test
	void entriesShowTheActionsNameTheChangedFieldsAndLocalTime() throws Exception {
		TestTree tree = TestTree.create(setup);
		var auditor = tree.user("words", Role.AUDITOR, tree.province());
		String actor = "words-" + System.nanoTime();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("fullName", "Nguyễn Văn An");
		before.put("phone", "0912 345 678");
		before.put("note", "<b>cũ</b>");
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("fullName", "Nguyễn Văn Bình");
		after.put("note", "<script>alert(1)</script>");
		after.put("active", false);
		trail.recordFor(actor, "user.password.reset", "user", "42", tree.province().id(), before, after);
		OffsetDateTime at = jdbc.sql("SELECT at FROM audit_entry WHERE actor = :actor")
			.param("actor", actor)
			.query(OffsetDateTime.class)
			.single();
		String local = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
			.format(at.atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")));

		String english = page(auditor, "en", actor);
		assertThat(english).contains("Password reset", "User 42", local, "Asia/Ho_Chi_Minh")
			.contains("fullName:", "Nguyễn Văn An", "Nguyễn Văn Bình", "Active:", "false", "Note:")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;cũ&lt;/b&gt;")
			.doesNotContain("<script>alert(1)", "phone:", "Phone", "0912 345 678", "&quot;fullName&quot;");
		String vietnamese = page(auditor, "vi", actor);
		assertThat(vietnamese).contains("Đặt lại mật khẩu", "Người dùng 42", local, "Đang hoạt động:", "Ghi chú:");
	}

	@Test
	void theSourceAddressHasOneFormat() {
		assertThat(SourceAddress.canonical("::ffff:10.1.2.3")).isEqualTo("10.1.2.3");
		assertThat(SourceAddress.canonical("0:0:0:0:0:0:0:1")).isEqualTo("::1");
		assertThat(SourceAddress.canonical("::1")).isEqualTo("::1");
		assertThat(SourceAddress.canonical("2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
		assertThat(SourceAddress.canonical("192.168.1.20")).isEqualTo("192.168.1.20");
		assertThat(SourceAddress.canonical("proxy.internal")).isEqualTo("proxy.internal");
		// forms that a lenient parser would turn into another address stay as they came
		assertThat(SourceAddress.canonical("010.1.2.3")).isEqualTo("010.1.2.3");
		assertThat(SourceAddress.canonical("10.1")).isEqualTo("10.1");
		assertThat(SourceAddress.canonical("1.2.3.4:8080")).isEqualTo("1.2.3.4:8080");
		assertThat(SourceAddress.canonical(null)).isNull();
	}

	@Test
	void aFailedVerificationIsABannerForProvinceReaders() throws Exception {
		TestTree tree = TestTree.create(setup);
		var province = tree.user("alarm", Role.AUDITOR, tree.province());
		var district = tree.user("alarmd", Role.AUDITOR, tree.districtA());
		trail.recordFor("alarm", "test.alarm", "test", "1", null, null, Map.of("n", 1));
		trail.recordFor("alarm", "test.alarm", "test", "2", null, null, Map.of("n", 2));
		Tampering tampering = new Tampering(dataSource);
		long victim = tampering.headSeq() - 1;
		var originals = tampering.rowsFrom(victim);
		long headSeq = tampering.headSeq();
		String headHash = originals.get(originals.size() - 1).entry().hash();
		try {
			tampering.asOwner(db -> db.sql("UPDATE audit_entry SET actor = 'someone else' WHERE seq = :seq")
				.param("seq", victim)
				.update());
			assertThat(log.verify().intact()).isFalse();
			assertThat(page(province, "en", "nobody")).contains("id=\"chain-alarm\"", "The audit log is no longer intact.",
					"the first bad entry is #" + victim + " (the entry was altered)");
			assertThat(page(district, "en", "nobody")).doesNotContain("chain-alarm");
		}
		finally {
			tampering.restore(originals, headSeq, headHash);
		}
		assertThat(log.verify().intact()).isTrue();
		assertThat(page(province, "en", "nobody")).doesNotContain("chain-alarm");
	}

	@Test
	void theSignedHeadIsDownloadedAndCheckedAgainAndBothAreAudited() throws Exception {
		TestTree tree = TestTree.create(setup);
		var province = tree.user("head", Role.PROVINCE_ADMIN, tree.province());
		var district = tree.user("headd", Role.PROVINCE_ADMIN, tree.districtA());
		var response = mvc.perform(get("/audit/head.json").with(user(province.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains(".json");
		byte[] head = response.getContentAsByteArray();
		assertThat(new String(head, StandardCharsets.UTF_8)).contains("\"seq\"", "\"hash\"", "\"signature\"");

		String checked = mvc
			.perform(multipart("/audit/head/verify").file(new MockMultipartFile("file", "head.json", "application/json", head))
				.param("lang", "en")
				.with(user(province.principal()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(checked).contains("id=\"head-check\"", "alert-success", "The log still holds entry #");

		byte[] altered = new String(head, StandardCharsets.UTF_8).replaceFirst("\"hash\":\"[0-9a-f]", "\"hash\":\"x")
			.getBytes(StandardCharsets.UTF_8);
		String refused = mvc
			.perform(multipart("/audit/head/verify").file(new MockMultipartFile("file", "head.json", "application/json", altered))
				.param("lang", "en")
				.with(user(province.principal()))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("alert-danger", "is not a head signed by CamGuard");

		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE actor = :actor ORDER BY seq")
			.param("actor", province.username())
			.query(String.class)
			.list()).containsSubsequence("audit.head.export", "audit.head.verify", "audit.head.verify");

		mvc.perform(get("/audit/head.json").with(user(district.principal()))).andExpect(status().isForbidden());
		assertThat(page(province, "en", "nobody")).contains("Download signed head");
		assertThat(page(district, "en", "nobody")).doesNotContain("Download signed head");
	}

	@Test
	void scriptsKeepTheHeadThroughTheApi() throws Exception {
		TestTree tree = TestTree.create(setup);
		var province = tree.user("apihead", Role.PROVINCE_ADMIN, tree.province());
		String head = mvc.perform(get("/api/v1/audit/head").with(user(province.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String check = mvc
			.perform(post("/api/v1/audit/head/check").contentType(MediaType.APPLICATION_JSON)
				.content(head)
				.with(user(province.principal()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(check).contains("\"matches\":true");
		String forged = mvc
			.perform(post("/api/v1/audit/head/check").contentType(MediaType.APPLICATION_JSON)
				.content(head.replaceFirst("\"seq\":\\d+", "\"seq\":1"))
				.with(user(province.principal()))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(forged).contains("\"matches\":false", "\"reason\":\"signature\"");
	}

	/** Codes passed to AuditTrail anywhere in the code, literal or built from an entity type constant. */
	@Test
	void everyRecordedActionHasANameInBothLanguages() throws IOException {
		Pattern call = Pattern.compile("\\.record(?:For|ForUnits)?\\(([^;]*?)\"([a-z][a-z-]*(?:\\.[a-z-]+)+|\\.[a-z-]+)\"",
				Pattern.DOTALL);
		Pattern constant = Pattern.compile("static final String \\w+ = \"([a-z-]+)\";");
		Set<String> codes = new TreeSet<>();
		try (var files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher found = call.matcher(source);
				while (found.find()) {
					String code = found.group(2);
					if (code.startsWith(".")) {
						Matcher entity = constant.matcher(source);
						while (entity.find()) {
							codes.add(entity.group(1) + code);
						}
					}
					else {
						codes.add(code);
					}
				}
			}
		}
		assertThat(codes).contains("user.password.reset", "device.import.unit", "system.create", "site.update",
				"user.login.throttled", "audit.head.export");
		// every bundle the application reads its messages from (a feature may keep its action names in its own)
		Properties application = new Properties();
		try (var in = getClass().getResourceAsStream("/application.properties")) {
			application.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		String[] bundles = application.getProperty("spring.messages.basename").split(",");
		for (String language : new String[] { "vi", "en" }) {
			Properties messages = new Properties();
			for (String bundle : bundles) {
				try (var in = getClass().getResourceAsStream("/" + bundle.strip() + "_" + language + ".properties")) {
					messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
			}
			assertThat(codes).as("actions without a name in the %s bundles", language)
				.allMatch(code -> messages.containsKey("audit.action." + code));
		}
	}

	private String page(TestTree.TestUser reader, String language, String actor) throws Exception {
		RequestPostProcessor signedIn = user(reader.principal());
		return mvc.perform(get("/audit").param("actor", actor).param("lang", language).with(signedIn))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
