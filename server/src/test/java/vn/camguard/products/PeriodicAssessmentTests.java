package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.levels.ApprovedLevels;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Periodic assessments fall due per information system from its approved level: the interval from the
 * level framework's data (Decree 85: levels 3-4 yearly, level 5 every six months), otherwise from the
 * setting (levels 1-2, 24 months by default), counted from the approval or the last periodic assessment
 * after it. The unit's to-do list shows those due within the set days and those overdue, within the
 * caller's scope; starting one from its item opens a periodic assessment of that system, which moves the
 * next due date on at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodicAssessmentTests {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApprovedLevels approvedLevels;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser approverA;

	TestTree.TestUser officerB;

	LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	long dueSoon;

	long overdue;

	long notYet;

	long levelOne;

	long assessedLevelFive;

	long unapproved;

	long otherDistrict;

	@BeforeAll
	void systems() throws Exception {
		tree = TestTree.create(setup);
		officerA = tree.user("officer.a", Role.UNIT_OFFICER, tree.districtA());
		approverA = tree.user("approver.a", Role.UNIT_APPROVER, tree.districtA());
		officerB = tree.user("officer.b", Role.UNIT_OFFICER, tree.districtB());
		dueSoon = approved(system("due soon", tree.districtA(), officerA), 3, today.minusMonths(12).plusDays(10));
		overdue = approved(system("overdue", tree.districtA(), officerA), 4, today.minusMonths(13));
		notYet = approved(system("not yet", tree.districtA(), officerA), 3, today.minusMonths(6));
		levelOne = approved(system("level one", tree.districtA(), officerA), 1, today.minusMonths(24).plusDays(5));
		assessedLevelFive = approved(system("level five", tree.districtA(), officerA), 5, today.minusMonths(8));
		unapproved = system("unapproved", tree.districtA(), officerA);
		otherDistrict = approved(system("other district", tree.districtB(), officerB), 3, today.minusMonths(14));
		// a periodic assessment a month ago puts level 5 (every six months) out of the list
		open(assessedLevelFive, "PERIODIC", today.minusMonths(1), officerA);
		// one before the approval does not count, nor does an ad hoc one after it
		open(overdue, "PERIODIC", today.minusMonths(14), officerA);
		open(overdue, "AD_HOC", today.minusMonths(1), officerA);
	}

	@Test
	void theIntervalComesFromTheLevelFrameworkWhereItSetsOne() {
		ApprovedLevels.ApprovedLevel three = approvedLevels.of(dueSoon).orElseThrow();
		assertThat(approvedLevels.assessmentInterval(three)).contains(Period.ofMonths(12));
		assertThat(approvedLevels.assessmentInterval(approvedLevels.of(assessedLevelFive).orElseThrow()))
			.contains(Period.ofMonths(6));
		assertThat(approvedLevels.assessmentInterval(approvedLevels.of(levelOne).orElseThrow())).isEmpty();
	}

	@Test
	void theToDoListShowsWhatIsDueSoonAndWhatIsOverdueInScope() throws Exception {
		String page = page(officerA);
		assertThat(row(page, dueSoon)).contains("data-state=\"DUE\"")
			.contains(DAY.format(today.plusDays(10)))
			.contains("due in 10 days")
			.contains("(level framework)")
			.contains("12 months");
		assertThat(row(page, overdue)).contains("data-state=\"OVERDUE\"")
			.contains(DAY.format(today.minusMonths(1)))
			.contains("level approved " + DAY.format(today.minusMonths(13)));
		assertThat(row(page, levelOne)).contains("data-state=\"DUE\"")
			.contains("(platform setting)")
			.contains("24 months")
			.contains(DAY.format(today.plusDays(5)));
		assertThat(page).doesNotContain("id=\"due-" + notYet + "\"")
			.doesNotContain("id=\"due-" + assessedLevelFive + "\"")
			.doesNotContain("id=\"due-" + unapproved + "\"")
			.doesNotContain("id=\"due-" + otherDistrict + "\"");
		assertThat(row(page(officerB), otherDistrict)).contains("data-state=\"OVERDUE\"");
		assertThat(page(officerB)).doesNotContain("id=\"due-" + dueSoon + "\"");
		// the approver reads the list but does not open assessments
		String approvers = page(approverA);
		assertThat(row(approvers, overdue)).doesNotContain("id=\"start-");
		assertThat(row(page, overdue)).contains("id=\"start-" + overdue + "\"");
	}

	@Test
	void startingFromTheToDoItemOpensAPeriodicAssessmentOfTheSystemAndTheItemLeaves() throws Exception {
		long system = approved(system("started", tree.districtA(), officerA), 3, today.minusMonths(15));
		String item = row(page(officerA), system);
		Map<String, String> form = Map.of("subject", value(item, "subject"), "subjectId", value(item, "subjectId"),
				"kind", value(item, "kind"), "assessedOn", value(item, "assessedOn"));
		assertThat(form).containsEntry("subject", "SYSTEM")
			.containsEntry("subjectId", Long.toString(system))
			.containsEntry("kind", "PERIODIC")
			.containsEntry("assessedOn", DAY.format(today));
		MockHttpServletRequestBuilder start = post("/products/assessments");
		form.forEach(start::param);
		MockHttpServletResponse opened = send(start, officerA);
		assertThat(opened.getStatus()).isEqualTo(302);
		String location = opened.getRedirectedUrl();
		long assessment = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT kind FROM product_assessment WHERE id = :id AND subject_id = :s")
			.param("id", assessment)
			.param("s", system)
			.query(String.class)
			.single()).isEqualTo("PERIODIC");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'assessment.open' AND entity_id = :id")
			.param("id", Long.toString(assessment))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(page(officerA)).doesNotContain("id=\"due-" + system + "\"");
	}

	@Test
	void theNavigationLinksTheToDoList() throws Exception {
		assertThat(page(officerA)).contains("href=\"/products/periodic\"");
		String vietnamese = send(get("/products/periodic").param("lang", "vi"), officerA).getContentAsString(StandardCharsets.UTF_8);
		assertThat(vietnamese).contains("Đánh giá định kỳ");
	}

	private String page(TestTree.TestUser caller) throws Exception {
		MockHttpServletResponse response = send(get("/products/periodic").param("lang", "en"), caller);
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String row(String html, long system) {
		int start = html.indexOf("id=\"due-" + system + "\"");
		assertThat(start).as("due-" + system).isPositive();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	private static String value(String html, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"" + name + "\"")
			.matcher(html);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
	}

	private long system(String name, UnitRef unit, TestTree.TestUser caller) throws Exception {
		MockHttpServletResponse created = send(post("/api/v1/inventory/systems").contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.builder().build().writeValueAsString(Map.of("unitId", unit.id(), "name",
					name + " " + tree.prefix(), "status", "OPERATING"))), caller);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String location = created.getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** An approved level as the dossier workflow leaves it (the workflow itself is DossierFlowTests' subject). */
	private long approved(long system, int level, LocalDate decisionDate) {
		long unit = jdbc.sql("SELECT unit_id FROM inventory_system WHERE id = :id").param("id", system).query(Long.class).single();
		long version = jdbc.sql("""
				SELECT id FROM level_framework_version WHERE framework_code = 'ND85_2016'
				ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now();
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO level_determination (system_id, unit_id, framework_version_id, answers_json, proposed_min,
				  proposed_max, deciding_rules, chosen_level, status, created_by, created_at)
				VALUES (:s, :u, :v, '{}', :l, :l, '', :l, 'SUBMITTED', 'test', :now)""")
			.param("s", system)
			.param("u", unit)
			.param("v", version)
			.param("l", level)
			.param("now", now)
			.update(keys, "id");
		jdbc.sql("""
				INSERT INTO level_dossier (system_id, unit_id, determination_id, framework_version_id, level, status,
				  decision_number, decision_date, decision_signer, created_by, created_at, updated_at)
				VALUES (:s, :u, :d, :v, :l, 'APPROVED', :number, :date, 'Giám đốc Sở', 'test', :now, :now)""")
			.param("s", system)
			.param("u", unit)
			.param("d", keys.getKey().longValue())
			.param("v", version)
			.param("l", level)
			.param("number", "QĐ " + system)
			.param("date", decisionDate)
			.param("now", now)
			.update();
		return system;
	}

	private void open(long system, String kind, LocalDate on, TestTree.TestUser caller) throws Exception {
		MockHttpServletResponse opened = send(post("/products/assessments").param("subject", "SYSTEM")
			.param("subjectId", Long.toString(system))
			.param("kind", kind)
			.param("assessedOn", DAY.format(on)), caller);
		assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(302);
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
