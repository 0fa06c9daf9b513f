package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * A dossier on the whole application: the officer of a commune opens it from the wizard's level-2
 * result, attaches real files to each part, submits; the province administrator (appraising and, at
 * level 2, approving body) sees it in the queue with its deadline, receives it, returns it with a
 * comment; the officer resubmits; it is approved with the decision and becomes the level other
 * features read; a re-levelling needs a reason and supersedes it once approved. Every step is on the
 * timeline and in the audit log. Files are checked by content and always sent as downloads.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierFlowTests {

	/**
	 * This context's own dossier files: the test counts the files on disk, so no other build or test context may
	 * write there (a shared folder under the system's temporary directory made it fail when two builds ran at once).
	 */
	static final Path ATTACHMENTS = Path.of("target", "test-dossiers", "flow-" + UUID.randomUUID()).toAbsolutePath();

	@DynamicPropertySource
	static void attachments(DynamicPropertyRegistry properties) {
		properties.add("camguard.levels.attachments.directory", ATTACHMENTS::toString);
	}

	private static final String COMMUNE_SQUARE = "system_type=INTERNAL&information=PRIVATE_OR_PERSONAL";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	InformationSystems systems;

	@Autowired
	FrameworkStore frameworks;

	@Autowired
	DossierStore dossiers;

	@Autowired
	ApprovedLevels approvedLevels;

	@Autowired
	JdbcClient jdbc;

	@Value("${camguard.levels.attachments.directory}")
	Path attachmentDirectory;

	TestTree tree;

	TestTree.TestUser officer;

	TestTree.TestUser admin;

	TestTree.TestUser approver;

	TestTree.TestUser officerB;

	@BeforeAll
	void users() {
		tree = TestTree.create(setup);
		officer = tree.user("fl.officer", Role.UNIT_OFFICER, tree.communeA());
		admin = tree.user("fl.admin", Role.PROVINCE_ADMIN, tree.province());
		approver = tree.user("fl.approver", Role.UNIT_APPROVER, tree.districtA());
		officerB = tree.user("fl.officer.b", Role.UNIT_OFFICER, tree.communeB());
	}

	@Test
	void submittedReturnedResubmittedApprovedAndRelevelled() throws Exception {
		long system = system("Camera quảng trường xã");
		long determination = determine(system);
		String determinationPage = body(officer, get("/levels/determinations/" + determination));
		assertThat(determinationPage).contains("id=\"open-dossier\"");

		MockHttpServletResponse opened = post(officer, "/levels/determinations/" + determination + "/dossier", Map.of());
		assertThat(opened.getRedirectedUrl()).matches("/levels/dossiers/\\d+");
		long dossier = Long.parseLong(opened.getRedirectedUrl().substring(opened.getRedirectedUrl().lastIndexOf('/') + 1));
		assertThat(dossiers.find(dossier).orElseThrow().level()).isEqualTo(2);
		assertThat(post(officer, "/levels/determinations/" + determination + "/dossier", Map.of()).getRedirectedUrl())
			.as("a second dossier of the same determination").isEqualTo("/levels/determinations/" + determination);

		upload(dossier, "D1", "tong-quan.pdf", DossierFiles.PDF);
		upload(dossier, "D2", "thiet-ke.docx", DossierFiles.docx());
		upload(dossier, "D3", "thuyet-minh.xlsx", DossierFiles.xlsx());
		assertThat(body(officer, post(officer, "/levels/dossiers/" + dossier + "/steps/SUBMIT", Map.of("lang", "en"))))
			.contains("A dossier part has no file: Description of the security plan");
		upload(dossier, "D4", "so-do.png", DossierFiles.png());
		assertThat(post(officer, "/levels/dossiers/" + dossier + "/steps/SUBMIT", Map.of()).getStatus()).isEqualTo(302);

		Dossier submitted = dossiers.find(dossier).orElseThrow();
		assertThat(submitted.status()).isEqualTo(DossierStatus.SUBMITTED);
		assertThat(submitted.stepStartedOn()).isEqualTo(today());
		assertThat(submitted.stepDueOn()).as("completeness check, 5 working days").isAfter(today().plusDays(4));
		String queue = body(admin, get("/levels/queue"));
		assertThat(queue).contains("Camera quảng trường xã").contains("/levels/dossiers/" + dossier);
		assertThat(body(officer, get("/levels/queue"))).doesNotContain("/levels/dossiers/" + dossier);
		assertThat(body(approver, get("/levels/queue"))).as("level 2 is approved by the security unit")
			.doesNotContain("/levels/dossiers/" + dossier);

		assertThat(post(admin, "/levels/dossiers/" + dossier + "/steps/RECEIVE", Map.of()).getStatus()).isEqualTo(302);
		assertThat(post(admin, "/levels/dossiers/" + dossier + "/steps/RETURN",
				Map.of("comment", "Bổ sung <i>sơ đồ</i> mạng")).getStatus()).isEqualTo(302);
		assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.RETURNED);
		upload(dossier, "D4", "so-do-moi.jpg", DossierFiles.jpeg());
		assertThat(post(officer, "/levels/dossiers/" + dossier + "/steps/RESUBMIT", Map.of()).getStatus()).isEqualTo(302);
		assertThat(post(admin, "/levels/dossiers/" + dossier + "/steps/RECEIVE", Map.of()).getStatus()).isEqualTo(302);
		assertThat(approvedLevels.of(system)).isEmpty();
		assertThat(post(admin, "/levels/dossiers/" + dossier + "/steps/APPROVE", Map.of("decisionNumber", "27/QĐ-STTTT",
				"decisionDate", today().toString(), "decisionSigner", "Giám đốc Sở")).getStatus()).isEqualTo(302);

		ApprovedLevels.ApprovedLevel level = approvedLevels.of(system).orElseThrow();
		assertThat(level.level()).isEqualTo(2);
		assertThat(level.frameworkCode()).isEqualTo("ND85_2016");
		assertThat(level.decisionNumber()).isEqualTo("27/QĐ-STTTT");
		assertThat(approvedLevels.of(List.of(system, system + 1_000_000))).containsOnlyKeys(system);

		String page = body(officer, get("/levels/dossiers/" + dossier).param("lang", "en"));
		assertThat(page).contains("27/QĐ-STTTT")
			.contains("Bổ sung &lt;i&gt;sơ đồ&lt;/i&gt; mạng")
			.doesNotContain("<i>sơ đồ</i>");
		assertThat(timeline(page)).containsSubsequence("Dossier opened", "Submitted", "Received, appraisal started",
				"Returned with comments", "Resubmitted", "Received, appraisal started", "Approved");
		for (String action : List.of("create", "submit", "receive", "return", "resubmit", "approve")) {
			assertThat(audit("level.dossier." + action, dossier)).as(action).isPositive();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'level.dossier.attach' AND entity_id IN "
				+ "(SELECT CAST(id AS VARCHAR(20)) FROM level_dossier_attachment WHERE dossier_id = :d)")
			.param("d", dossier)
			.query(Long.class)
			.single()).isEqualTo(5);
		assertThat(body(officer, get("/levels/systems/" + system))).contains("id=\"approved-level\"");

		// the system changed: a re-levelling needs the reason; the approved level holds until it is approved
		long second = determine(system);
		assertThat(post(officer, "/levels/determinations/" + second + "/dossier", Map.of()).getRedirectedUrl())
			.isEqualTo("/levels/determinations/" + second);
		MockHttpServletResponse relevel = post(officer, "/levels/determinations/" + second + "/dossier",
				Map.of("relevelReason", "Kết nối vào nền tảng dùng chung của tỉnh"));
		long relevelled = Long.parseLong(relevel.getRedirectedUrl().substring(relevel.getRedirectedUrl().lastIndexOf('/') + 1));
		assertThat(dossiers.find(relevelled).orElseThrow().relevelOfId()).isEqualTo(dossier);
		for (String part : List.of("D1", "D2", "D3", "D4")) {
			upload(relevelled, part, part + ".pdf", DossierFiles.PDF);
		}
		post(officer, "/levels/dossiers/" + relevelled + "/steps/SUBMIT", Map.of());
		post(admin, "/levels/dossiers/" + relevelled + "/steps/RECEIVE", Map.of());
		assertThat(approvedLevels.of(system).orElseThrow().dossierId()).isEqualTo(dossier);
		post(admin, "/levels/dossiers/" + relevelled + "/steps/APPROVE", Map.of("decisionNumber", "31/QĐ-STTTT",
				"decisionDate", today().toString(), "decisionSigner", "Giám đốc Sở"));
		assertThat(approvedLevels.of(system).orElseThrow().dossierId()).isEqualTo(relevelled);
		assertThat(dossiers.find(dossier).orElseThrow().status()).isEqualTo(DossierStatus.SUPERSEDED);
		assertThat(audit("level.dossier.supersede", dossier)).isEqualTo(1);
	}

	@Test
	void filesAreCheckedByContentAndSentOnlyAsDownloadsInScope() throws Exception {
		long dossier = openDossier(system("Camera tệp"));
		long filesBefore = fileCount();

		MockHttpServletResponse html = upload(dossier, "D1", "quyet-dinh.pdf", DossierFiles.HTML, "application/pdf");
		assertThat(html.getStatus()).isEqualTo(200);
		assertThat(html.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-errors\"")
			.contains("checked by content");
		assertThat(upload(dossier, "D1", "van-ban.docx", DossierFiles.docWithMacros(), "application/octet-stream")
			.getContentAsString()).contains("id=\"form-errors\"");
		assertThat(upload(dossier, "D1", "bang.xlsx", DossierFiles.plainZip(), "application/octet-stream")
			.getContentAsString()).contains("id=\"form-errors\"");
		assertThat(upload(dossier, "D9", "x.pdf", DossierFiles.PDF, "application/pdf").getContentAsString())
			.as("a part the level does not have").contains("id=\"form-errors\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM level_dossier_attachment WHERE dossier_id = :d")
			.param("d", dossier)
			.query(Long.class)
			.single()).isZero();
		assertThat(fileCount()).as("a refused upload leaves no file behind").isEqualTo(filesBefore);

		// a PNG that calls itself .pdf is kept as the PNG it is
		upload(dossier, "D1", "anh.pdf", DossierFiles.png(), "application/pdf");
		Map<String, Object> row = jdbc.sql("SELECT * FROM level_dossier_attachment WHERE dossier_id = :d")
			.param("d", dossier)
			.query()
			.singleRow();
		assertThat(row.get("media_type")).isEqualTo("PNG");
		assertThat(row.get("file_name")).isEqualTo("anh.png");
		assertThat(fileCount()).isEqualTo(filesBefore + 1);

		String url = "/levels/dossiers/" + dossier + "/attachments/" + row.get("id");
		MockHttpServletResponse download = mvc.perform(get(url).with(user(approver.principal()))).andReturn().getResponse();
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentAsByteArray()).isEqualTo(DossierFiles.png());
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("anh.png");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getContentType()).isEqualTo("image/png");
		assertThat(mvc.perform(get(url).with(user(officerB.principal()))).andReturn().getResponse().getStatus())
			.isEqualTo(404);

		// a file changed on disk no longer has its checksum: it is not served
		Path stored = attachmentDirectory.resolve(((String) row.get("storage_key")).substring(0, 2))
			.resolve((String) row.get("storage_key"));
		Files.write(stored, DossierFiles.HTML);
		assertThat(mvc.perform(get(url).with(user(approver.principal()))).andReturn().getResponse().getStatus())
			.isEqualTo(500);
	}

	@Test
	void levelThreeIsAppraisedByTheSecurityUnitAndApprovedByTheSystemOwner() throws Exception {
		long system = system("Nền tảng camera dùng chung");
		long determination = determine(system, "system_type=INFRASTRUCTURE&information=PRIVATE_OR_PERSONAL"
				+ "&infrastructure_scope=SECTOR_OR_PROVINCES");
		long dossier = Long.parseLong(post(officer, "/levels/determinations/" + determination + "/dossier", Map.of())
			.getRedirectedUrl()
			.replaceAll("\\D+", ""));
		assertThat(dossiers.find(dossier).orElseThrow().level()).isEqualTo(3);
		for (String part : List.of("D1", "D2", "D3", "D4")) {
			upload(dossier, part, part + ".pdf", DossierFiles.PDF);
		}
		post(officer, "/levels/dossiers/" + dossier + "/steps/SUBMIT", Map.of());
		post(admin, "/levels/dossiers/" + dossier + "/steps/RECEIVE", Map.of());
		Dossier appraising = dossiers.find(dossier).orElseThrow();
		assertThat(appraising.stepDueOn()).as("15 days, moved off a day off")
			.isBetween(today().plusDays(15), today().plusDays(25));
		assertThat(post(admin, "/levels/dossiers/" + dossier + "/steps/APPROVE", Map.of("decisionNumber", "1",
				"decisionDate", today().toString(), "decisionSigner", "x")).getStatus()).isEqualTo(403);
		post(admin, "/levels/dossiers/" + dossier + "/steps/APPRAISE", Map.of("comment", "Đủ điều kiện"));
		assertThat(body(approver, get("/levels/queue"))).contains("/levels/dossiers/" + dossier);
		assertThat(body(admin, get("/levels/queue"))).doesNotContain("/levels/dossiers/" + dossier + "\"");
		assertThat(post(approver, "/levels/dossiers/" + dossier + "/steps/APPROVE", Map.of("decisionNumber",
				"88/QĐ-UBND", "decisionDate", today().toString(), "decisionSigner", "Chủ tịch UBND tỉnh")).getStatus())
			.isEqualTo(302);
		assertThat(approvedLevels.of(system).orElseThrow().level()).isEqualTo(3);
	}

	private long openDossier(long system) throws Exception {
		long determination = determine(system);
		return Long.parseLong(post(officer, "/levels/determinations/" + determination + "/dossier", Map.of())
			.getRedirectedUrl()
			.replaceAll("\\D+", ""));
	}

	private long determine(long system) throws Exception {
		return determine(system, COMMUNE_SQUARE);
	}

	private long determine(long system, String answers) throws Exception {
		long framework = LevelsMatrixFixture.current(frameworks, "ND85_2016").id();
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/levels/systems/" + system + "/determinations").with(csrf())
			.with(user(officer.principal()))
			.param("frameworkVersionId", Long.toString(framework));
		List<String> questions = List.of("system_type", "information", "defence_security", "citizen_service",
				"personal_data_users", "infrastructure_scope", "industrial_works", "national_role");
		Map<String, String> given = new java.util.HashMap<>();
		for (String pair : answers.split("&")) {
			given.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		for (String question : questions) {
			request.param("q." + question, given.getOrDefault(question, switch (question) {
				case "defence_security", "personal_data_users", "national_role" -> "NONE";
				default -> "NOT_APPLICABLE";
			}));
		}
		String location = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).as("determination saved").matches("/levels/determinations/\\d+");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private MockHttpServletResponse upload(long dossier, String part, String name, byte[] content) throws Exception {
		MockHttpServletResponse response = upload(dossier, part, name, content, "application/octet-stream");
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		return response;
	}

	private MockHttpServletResponse upload(long dossier, String part, String name, byte[] content, String type)
			throws Exception {
		return mvc
			.perform(multipart("/levels/dossiers/" + dossier + "/attachments").file(new MockMultipartFile("file", name,
					type, content)).param("part", part).param("lang", "en").with(csrf()).with(user(officer.principal())))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletResponse post(TestTree.TestUser caller, String path, Map<String, String> params)
			throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.with(csrf())
			.with(user(caller.principal()));
		params.forEach(request::param);
		return mvc.perform(request).andReturn().getResponse();
	}

	private String body(TestTree.TestUser caller, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(user(caller.principal()))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private String body(TestTree.TestUser caller, MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<String> timeline(String page) {
		String list = page.substring(page.indexOf("id=\"timeline\""));
		return java.util.regex.Pattern.compile("<strong>([^<]+)</strong>")
			.matcher(list)
			.results()
			.map(m -> m.group(1))
			.toList();
	}

	private long system(String name) {
		return systems.insert(new SystemDraft(tree.communeA().id(), name + " " + tree.prefix(), null, null, null,
				SystemStatus.OPERATING), OffsetDateTime.now(ZoneOffset.UTC));
	}

	private long audit(String action, long dossier) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND entity_id = :id")
			.param("a", action)
			.param("id", Long.toString(dossier))
			.query(Long.class)
			.single();
	}

	private long fileCount() throws Exception {
		if (!Files.isDirectory(attachmentDirectory)) {
			return 0;
		}
		try (var files = Files.walk(attachmentDirectory)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

}
