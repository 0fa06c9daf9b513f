package vn.camguard.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.camguard.TestTree;
import vn.camguard.monitoring.FindingLedger;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * A finding whose accepted risk has run out is open again everywhere: in the findings list (open, overdue), in the
 * monthly report's "still open", in the subscriber notices (sent again over SMTP and marked notified), and in the
 * ledger (absent from a later scan that covered it, it is fixed). A risk accepted until a later day stays closed.
 */
@SpringBootTest(properties = { "spring.mail.host=127.78.9.1", "spring.mail.port=3025",
		"camguard.mail.from=ISP <noc@isp.example>" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpiredAcceptedRiskTests {

	private static final ServerSetup SMTP = new ServerSetup(3025, "127.78.9.1", ServerSetup.PROTOCOL_SMTP);

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FindingLedger ledger;

	GreenMail greenMail;

	TestTree tree;

	UnitRef isp;

	TestTree.TestUser operator;

	NoticeTestData data;

	@BeforeAll
	void start() {
		greenMail = new GreenMail(SMTP);
		greenMail.start();
		tree = TestTree.create(setup);
		isp = tree.unit("ISP", "ISP", tree.province());
		operator = tree.user("noc", Role.ISP_OPERATOR, isp);
		data = new NoticeTestData(jdbc);
	}

	@AfterAll
	void stop() {
		greenMail.stop();
	}

	@Test
	void anAcceptedRiskPastItsExpiryIsOpenInListReportNoticesAndLedger() throws Exception {
		String csv = """
				subscriber_code,subscriber_name,email,address,valid_from,valid_to,language
				R-1,Trần Thị Rủi Ro,risk@home.example,198.51.100.0/29,01/01/2020,,vi
				""";
		assertThat(send(multipart("/notices/subscribers/import")
			.file(new MockMultipartFile("file", "map.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("organizationId", Long.toString(isp.id()))).getContentAsString(StandardCharsets.UTF_8))
			.contains("import-accepted");
		Instant now = Instant.now();
		Instant yesterday = now.minus(Duration.ofDays(1));
		long expired = data.finding(isp.id(), "198.51.100.2", 80, "CG-CRED-DEFAULT", "HIGH", "acceptance ran out",
				"ACCEPTED_RISK", yesterday);
		accept(expired, now.minus(Duration.ofHours(1)));
		long accepted = data.finding(isp.id(), "198.51.100.3", 80, "CG-CRED-DEFAULT", "HIGH", "still accepted",
				"ACCEPTED_RISK", yesterday);
		accept(accepted, now.plus(Duration.ofDays(30)));

		// the list: open and, first seen 21 days ago with fifteen days to fix a HIGH one, overdue
		String open = send(get("/api/v1/findings").param("unit", isp.code()).param("state", "OPEN")
			.param("overdue", "true")).getContentAsString(StandardCharsets.UTF_8);
		assertThat(open).contains("\"id\":" + expired + ",").doesNotContain("\"id\":" + accepted + ",");

		// the monthly report counts it as still open
		YearMonth month = YearMonth.from(now.atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
		MockHttpServletResponse report = send(get("/notices/report").param("organizationId", Long.toString(isp.id()))
			.param("month", month.toString()).param("format", "pdf"));
		assertThat(report.getStatus()).isEqualTo(200);
		assertThat(SubscriberNoticeMailTests.pdfText(report.getContentAsByteArray()))
			.contains("Số điểm yếu còn tồn tại 1");

		// notified again: the subscriber gets it, not the one still accepted; the finding is NOTIFIED now
		assertThat(send(post("/notices/send").param("organizationId", Long.toString(isp.id()))).getStatus())
			.isEqualTo(302);
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("risk@home.example");
		assertThat(SubscriberNoticeMailTests.text(received[0])).contains("198.51.100.2:80")
			.doesNotContain("198.51.100.3");
		assertThat(data.status(expired)).isEqualTo("NOTIFIED");
		assertThat(data.noticeReference(expired)).startsWith("TB-");
		assertThat(data.status(accepted)).isEqualTo("ACCEPTED_RISK");
		assertThat(data.noticeReference(accepted)).isNull();

		// the ledger: a scan covering both, seeing neither, fixes the expired one and leaves the accepted one
		long lapsed = data.finding(isp.id(), "198.51.100.4", 80, "CG-CRED-DEFAULT", "HIGH", "lapsed", "ACCEPTED_RISK",
				yesterday);
		accept(lapsed, now.minus(Duration.ofMinutes(5)));
		ledger.recordPart(isp.id(), tree.prefix() + "/risk-expiry", "198.51.100.3", "198.51.100.4",
				Set.of("CG-CRED-DEFAULT"), List.of(), now);
		assertThat(data.status(lapsed)).isEqualTo("FIXED");
		assertThat(data.status(accepted)).isEqualTo("ACCEPTED_RISK");
	}

	private void accept(long findingId, Instant until) {
		jdbc.sql("""
				UPDATE monitoring_finding SET status_reason = 'compensating control', status_by = 'approver',
				  status_until = :until WHERE id = :id""")
			.param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
			.param("id", findingId)
			.update();
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(csrf()).with(user(operator.principal()))).andReturn().getResponse();
	}

}
