package vn.camguard.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The notices REST API (no mail server here): the subscriber mapping is imported all or nothing (row problems as
 * problem details) and its status read back; the pending subscribers are listed; notices are made per subscriber,
 * retried (a printed letter is refused with 409), their letter and the monthly report downloaded; another ISP's
 * operator reaches none of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoticeApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noticesThroughTheApiFromMappingToMonthlyReport() throws Exception {
		TestTree tree = TestTree.create(setup);
		UnitRef isp = tree.unit("ISP", "ISP", tree.province());
		TestTree.TestUser operator = tree.user("api.noc", Role.ISP_OPERATOR, isp);
		String org = Long.toString(isp.id());

		MockHttpServletResponse refused = send(multipart("/api/v1/notices/subscribers/import")
			.file(csv("subscriber_code,subscriber_name,email,address,valid_from,language\n"
					+ "M-1,Mail Customer,m@home.example,192.0.2.1,01/01/2026,en\n"
					+ "B-2,Broken,,not-an-address,01/01/2026,vi\n"))
			.param("organizationId", org), operator);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentType()).contains("application/problem+json");
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"row\":3", "\"column\":\"address\"",
				"notices.api.import.refused");
		assertThat(send(get("/api/v1/notices/subscribers").param("organizationId", org), operator)
			.getContentAsString()).as("nothing saved").contains("\"rows\":0");

		MockHttpServletResponse imported = send(multipart("/api/v1/notices/subscribers/import")
			.file(csv("subscriber_code,subscriber_name,email,address,valid_from,language\n"
					+ "M-1,Mail Customer,m@home.example,192.0.2.1,01/01/2026,en\n"
					+ "P-2,Trường Mầm non Hoa Sen,,192.0.2.2,01/01/2026,vi\n"))
			.param("organizationId", org), operator);
		assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
		assertThat(send(get("/api/v1/notices/subscribers").param("organizationId", org), operator)
			.getContentAsString()).contains("\"rows\":2", "\"importedBy\":\"" + operator.username() + "\"");

		NoticeTestData data = new NoticeTestData(jdbc);
		Instant seen = Instant.parse("2026-09-10T02:00:00Z");
		data.finding(isp.id(), "192.0.2.1", 80, "CG-CRED-DEFAULT", "HIGH", "admin/admin", "NEW", seen);
		long printed = data.finding(isp.id(), "192.0.2.2", 554, "CG-RTSP-OPEN", "MEDIUM", "<b>RTSP</b>", "NEW", seen);
		String pending = send(get("/api/v1/notices").param("organizationId", org), operator)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(pending).contains("\"subscriberCode\":\"M-1\"", "\"subscriberCode\":\"P-2\"", "\"findings\":1");

		MockHttpServletResponse mailed = send(post("/api/v1/notices").contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + org + ",\"subscribers\":[\"M-1\"]}"), operator);
		assertThat(mailed.getStatus()).as(mailed.getContentAsString()).isEqualTo(201);
		assertThat(mailed.getContentAsString()).contains("\"subscriberCode\":\"M-1\"", "\"status\":\"NOT_SENT\"")
			.doesNotContain("\"subscriberCode\":\"P-2\"");
		MockHttpServletResponse lettered = send(post("/api/v1/notices").contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + org + ",\"subscribers\":[\"P-2\"]}"), operator);
		assertThat(lettered.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"LETTER\"",
				"<b>RTSP</b>");
		assertThat(data.status(printed)).isEqualTo("NOTIFIED");
		long mailNotice = noticeOf(isp, "M-1");
		long letterNotice = noticeOf(isp, "P-2");

		MockHttpServletResponse retried = send(post("/api/v1/notices/" + mailNotice + "/retry"), operator);
		assertThat(retried.getStatus()).isEqualTo(200);
		assertThat(retried.getContentAsString()).contains("\"attempts\":2");
		MockHttpServletResponse notAgain = send(post("/api/v1/notices/" + letterNotice + "/retry"), operator);
		assertThat(notAgain.getStatus()).isEqualTo(409);
		assertThat(notAgain.getContentType()).contains("application/problem+json");
		assertThat(notAgain.getContentAsString()).contains("notices.api.notRetriable");
		assertThat(send(post("/api/v1/notices/999999999/retry"), operator).getStatus()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'subscriber-notice' AND entity_id = :id "
				+ "ORDER BY seq").param("id", Long.toString(mailNotice)).query(String.class).list())
			.containsExactly("notice.create", "notice.delivery", "notice.retry", "notice.delivery");

		MockHttpServletResponse letter = send(get("/api/v1/notices/" + letterNotice + "/letter"), operator);
		assertThat(letter.getContentType()).isEqualTo("application/pdf");
		assertThat(SubscriberNoticeMailTests.pdfText(letter.getContentAsByteArray())).contains("Trường Mầm non Hoa Sen");
		String month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		MockHttpServletResponse pdf = send(get("/api/v1/notices/report").param("organizationId", org)
			.param("month", month), operator);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment");
		MockHttpServletResponse xlsx = send(get("/api/v1/notices/report").param("organizationId", org)
			.param("month", month).param("format", "xlsx"), operator);
		assertThat(xlsx.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
		assertThat(xlsx.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
		MockHttpServletResponse badMonth = send(get("/api/v1/notices/report").param("organizationId", org)
			.param("month", "11/2026"), operator);
		assertThat(badMonth.getStatus()).isEqualTo(400);
		assertThat(badMonth.getContentAsString()).contains("notices.api.month");

		UnitRef other = tree.unit("ISPO", "ISP", tree.province());
		TestTree.TestUser stranger = tree.user("other.api.noc", Role.ISP_OPERATOR, other);
		assertThat(send(get("/api/v1/notices").param("organizationId", org), stranger).getStatus()).isEqualTo(403);
		assertThat(send(get("/api/v1/notices/" + mailNotice), stranger).getStatus()).isEqualTo(403);
		assertThat(send(post("/api/v1/notices/" + mailNotice + "/retry"), stranger).getStatus()).isEqualTo(403);
		assertThat(send(get("/api/v1/notices/subscribers").param("organizationId", org), stranger).getStatus())
			.isEqualTo(403);
	}

	private long noticeOf(UnitRef isp, String subscriber) {
		return jdbc.sql("SELECT id FROM subscriber_notice WHERE organization_id = :org AND subscriber_code = :code")
			.param("org", isp.id()).param("code", subscriber).query(Long.class).single();
	}

	private static MockMultipartFile csv(String text) {
		return new MockMultipartFile("file", "map.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
