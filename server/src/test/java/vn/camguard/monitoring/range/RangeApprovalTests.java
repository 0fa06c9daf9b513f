package vn.camguard.monitoring.range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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

import vn.camguard.TestTree;
import vn.camguard.TestTree.TestUser;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Ranges: an organisation registers, only the province approves (who, when, until when) or rejects, every step
 * is audited; a bad range comes back with its reason and the typed text; the approval's end makes it unscannable.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RangeApprovalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RangeRegistry registry;

	UnitRef isp;

	UnitRef otherIsp;

	TestUser operator;

	TestUser otherOperator;

	TestUser admin;

	@BeforeAll
	void organisations() {
		TestTree tree = TestTree.create(setup);
		isp = tree.unit("ISP", "ISP", tree.province());
		otherIsp = tree.unit("ISP2", "ISP", tree.province());
		operator = tree.user("isp", Role.ISP_OPERATOR, isp);
		otherOperator = tree.user("isp2", Role.ISP_OPERATOR, otherIsp);
		admin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
	}

	@Test
	void onlyTheProvinceApprovesAndEveryStepIsAudited() throws Exception {
		long range = register(operator, isp, "127.64.1.0/28");
		LocalDate until = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(90);
		String approval = "{\"approve\":true,\"validUntil\":\"" + until + "\"}";
		assertThat(decide(operator, range, approval).getStatus()).as("its own organisation cannot approve")
			.isEqualTo(403);
		assertThat(decide(otherOperator, range, approval).getStatus()).as("another ISP does not see it").isEqualTo(404);
		assertThat(jdbc.sql("SELECT status FROM monitoring_range WHERE id = :id").param("id", range).query(String.class)
			.single()).isEqualTo("PENDING");

		MockHttpServletResponse approved = decide(admin, range, approval);
		assertThat(approved.getStatus()).isEqualTo(200);
		assertThat(approved.getContentAsString()).contains("\"status\":\"APPROVED\"", "\"decidedBy\":\"" + admin.username())
			.contains("\"validUntil\":\"" + until.plusDays(1).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
		assertThat(registry.scannable(isp.id(), java.time.Instant.now())).extracting(AddressRange::id).contains(range);
		assertThat(registry.scannable(isp.id(),
				until.plusDays(1).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()))
			.as("from the day after the last day of validity").isEmpty();

		List<String> actions = jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'monitoring-range' "
				+ "AND entity_id = :id ORDER BY seq").param("id", Long.toString(range)).query(String.class).list();
		assertThat(actions).containsExactly("monitoring.range.register", "monitoring.range.approve");
	}

	@Test
	void aRejectionNeedsAReasonAndIsKept() throws Exception {
		long range = register(operator, isp, "127.64.2.0-127.64.2.9");
		MockHttpServletResponse noReason = decide(admin, range, "{\"approve\":false}");
		assertThat(noReason.getStatus()).isEqualTo(422);
		assertThat(noReason.getContentAsString()).contains("monitoring.range.reasonMissing");
		MockHttpServletResponse rejected = decide(admin, range, "{\"approve\":false,\"reason\":\"Không thuộc mạng ISP\"}");
		assertThat(rejected.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"REJECTED\"",
				"Không thuộc mạng ISP");
	}

	@Test
	void aBadRangeComesBackWithItsReasonAndTheTypedTextAsText() throws Exception {
		String page = mvc.perform(post("/monitoring/ranges").with(csrf()).with(user(operator.principal()))
			.param("organizationId", Long.toString(isp.id()))
			.param("range", "10.0.0.1-<b>x</b>")
			.param("purpose", "<i>mạng</i>"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("không phải dải IPv4 hợp lệ").contains("10.0.0.1-&lt;b&gt;x&lt;/b&gt;")
			.contains("&lt;i&gt;mạng&lt;/i&gt;").doesNotContain("<b>x</b>");
		assertThat(mvc.perform(get("/monitoring/ranges").with(user(operator.principal()))).andReturn().getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void overlappingRangesOfOneOrganisationAreRefused() throws Exception {
		register(operator, isp, "127.64.3.0/24");
		MockHttpServletResponse overlapping = mvc.perform(post("/api/v1/monitoring/ranges").with(csrf())
			.with(user(operator.principal()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + isp.id() + ",\"range\":\"127.64.3.128/25\"}"))
			.andReturn()
			.getResponse();
		assertThat(overlapping.getStatus()).isEqualTo(422);
		assertThat(overlapping.getContentAsString()).contains("monitoring.range.overlaps");
	}

	private long register(TestUser who, UnitRef organisation, String range) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/monitoring/ranges").with(csrf())
			.with(user(who.principal()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + organisation.id() + ",\"range\":\"" + range + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return Long.parseLong(response.getHeader("Location").replaceAll(".*/", ""));
	}

	private MockHttpServletResponse decide(TestUser who, long range, String body) throws Exception {
		return mvc.perform(post("/api/v1/monitoring/ranges/" + range + "/decision").with(csrf())
			.with(user(who.principal()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andReturn()
			.getResponse();
	}

}
