package vn.camguard.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.camguard.TestTree;
import vn.camguard.notices.application.NoticeBounces;
import vn.camguard.notices.domain.BounceCheck;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Bounces end to end in one GreenMail (SMTP for the notices, IMAP for the bounce mailbox, on this helper's loopback
 * block): notices go out from a VERP envelope sender, a delivery status notification for one recipient comes back into
 * the mailbox, the scheduled check marks that notice bounced and no other (recipient, status code and diagnostic shown
 * as text on the pages and the API), a foreign and a malformed mail are counted and skipped, a second run changes
 * nothing, and a retry after the mapping's address is corrected mails the new address.
 */
@SpringBootTest(properties = { "spring.mail.host=127.86.0.1", "spring.mail.port=3025",
		"camguard.mail.from=ISP <noc@isp.example>", "camguard.notices.bounces.protocol=imap",
		"camguard.notices.bounces.host=127.86.0.1", "camguard.notices.bounces.port=3143",
		"camguard.notices.bounces.username=bounces", "camguard.notices.bounces.password=" + NoticeBounceTests.PASSWORD,
		"camguard.notices.bounces.address=bounces@isp.example", "camguard.notices.bounces.interval=1h" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class NoticeBounceTests {

	static final String PASSWORD = "Mailbox-Secret-4711";

	private static final GreenMail GREEN_MAIL = new GreenMail(new ServerSetup[] {
			new ServerSetup(3025, "127.86.0.1", ServerSetup.PROTOCOL_SMTP),
			new ServerSetup(3143, "127.86.0.1", ServerSetup.PROTOCOL_IMAP) });

	private static final GreenMailUser MAILBOX;

	static {
		// up before the application context, whose scheduler reads the mailbox once at start
		GREEN_MAIL.start();
		MAILBOX = GREEN_MAIL.setUser("bounces@isp.example", "bounces", PASSWORD);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoticeBounces bounces;

	TestTree tree;

	TestTree.TestUser operator;

	NoticeTestData data;

	@BeforeAll
	void start() throws InterruptedException {
		tree = TestTree.create(setup);
		data = new NoticeTestData(jdbc);
		BounceCheckFixture.waitForFirstScheduledCheck(jdbc);
	}

	@AfterAll
	void stop() {
		GREEN_MAIL.stop();
	}

	@Test
	void aReturnedNoticeShowsBouncedAndIsRetriedToTheCorrectedAddress(CapturedOutput output) throws Exception {
		UnitRef isp = tree.unit("BISP", "ISP", tree.province());
		operator = tree.user("bounce.noc", Role.ISP_OPERATOR, isp);
		importMapping(isp, """
				subscriber_code,subscriber_name,email,address,valid_from,valid_to,language
				A-1,Nguyễn Văn An,an@home.example,198.51.100.2,01/01/2026,,vi
				B-2,Brown Trading Co.,b@shop.example,198.51.100.5,01/01/2026,,en
				""");
		Instant seen = Instant.parse("2026-08-01T03:00:00Z");
		long findingA = data.finding(isp.id(), "198.51.100.2", 80, "CG-CRED-DEFAULT", "HIGH", "camera A", "NEW", seen);
		long findingB = data.finding(isp.id(), "198.51.100.5", 23, "CG-TELNET", "HIGH", "camera B", "NEW", seen);
		int before = GREEN_MAIL.getReceivedMessages().length;
		assertThat(send(post("/notices/send").param("organizationId", id(isp))).getStatus()).isEqualTo(302);
		MimeMessage toA = to("an@home.example");
		MimeMessage toB = to("b@shop.example");
		assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(before + 2);
		long noticeA = noticeOf(isp, "A-1");
		long noticeB = noticeOf(isp, "B-2");
		assertThat(finding(findingA, "status")).isEqualTo("NOTIFIED");
		assertThat(finding(findingB, "status")).isEqualTo("NOTIFIED");

		// each notice went out from its own VERP envelope sender, kept with its Message-ID
		String returnPathA = toA.getHeader("Return-Path")[0].replaceAll("[<>]", "");
		String returnPathB = toB.getHeader("Return-Path")[0].replaceAll("[<>]", "");
		assertThat(returnPathA).startsWith("bounces+").endsWith("@isp.example").isNotEqualTo(returnPathB);
		assertThat(column(noticeA, "message_id")).isEqualTo(toA.getMessageID());
		assertThat(toA.getContentType()).as("the letter is still attached").startsWith("multipart/mixed");
		assertThat(SubscriberNoticeMailTests.text(toA)).contains("198.51.100.2");

		// A's mail server refuses the address; a reply and a broken report arrive as well
		MAILBOX.deliver(mail(dsn(returnPathA, "an@home.example", toA.getMessageID(), "5.1.1",
				"smtp; 550 5.1.1 <an@home.example>: Recipient address rejected:\r\n    User unknown <script>alert(2)</script>")));
		MAILBOX.deliver(mail("""
				From: An <an.other@home.example>
				To: bounces@isp.example
				Subject: Re: Thông báo
				Message-ID: <reply-1@home.example>
				Content-Type: text/plain; charset=utf-8

				Cảm ơn, tôi sẽ đổi mật khẩu.
				"""));
		MAILBOX.deliver(mail("""
				From: MAILER-DAEMON@mx.home.example
				To: bounces@isp.example
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <broken-1@mx.home.example>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="none-here"

				nothing but text, no parts at all
				"""));
		// a report for a token that is none of ours
		MAILBOX.deliver(mail(dsn("bounces+00000000000000000000000000000000@isp.example", "b@shop.example",
				"<someone-else@isp.example>", "5.2.2", "smtp; 552 mailbox full")));

		BounceCheck first = bounces.check().orElseThrow();
		assertThat(first.error()).isNull();
		assertThat(first.read()).isEqualTo(4);
		assertThat(first.bounced()).isEqualTo(1);
		assertThat(first.unmatched()).isEqualTo(2);
		assertThat(first.malformed()).isEqualTo(1);
		assertThat(column(noticeA, "status")).isEqualTo("BOUNCED");
		assertThat(column(noticeA, "bounce_recipient")).isEqualTo("an@home.example");
		assertThat(column(noticeA, "bounce_status")).isEqualTo("5.1.1");
		assertThat(column(noticeA, "bounce_diagnostic")).startsWith("smtp; 550 5.1.1")
			.contains("User unknown <script>alert(2)</script>").doesNotContain("\n");
		assertThat(column(noticeB, "status")).isEqualTo("SENT");
		assertThat(column(noticeB, "bounce_status")).isNull();
		assertThat(bounceAudits(noticeA)).isEqualTo(1);
		assertThat(bounceAudits(noticeB)).isZero();
		// A's subscriber was not told: its finding is no longer notified (audited with the bounce); B's still is
		assertThat(finding(findingA, "status")).isEqualTo("NEW");
		assertThat(finding(findingA, "notified_at")).isNull();
		assertThat(finding(findingA, "notice_reference")).isNull();
		assertThat(finding(findingB, "status")).isEqualTo("NOTIFIED");
		assertThat(finding(findingB, "notice_reference")).isNotNull();
		assertThat(jdbc.sql("SELECT after_json FROM audit_entry WHERE action = 'notice.bounce' AND entity_id = :id")
			.param("id", Long.toString(noticeA))
			.query(String.class)
			.single()).contains("findingsNoLongerNotified").contains(Long.toString(findingA));

		// the pages and the API show it, the server's text as text; the mailbox password nowhere
		String page = send(get("/notices").param("organizationId", id(isp)).param("lang", "en"))
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("data-notice=\"" + noticeA + "\" data-status=\"BOUNCED\"")
			.contains("data-notice=\"" + noticeB + "\" data-status=\"SENT\"").contains("Bounced (not delivered)")
			.contains("Status code: 5.1.1").contains("User unknown &lt;script&gt;alert(2)&lt;/script&gt;")
			.doesNotContain("<script>alert(2)").contains("/notices/" + noticeA + "/retry")
			.doesNotContain("/notices/" + noticeB + "/retry").contains("id=\"bounce-mailbox-checked\"")
			.contains("4 mails read, 1 notices bounced, 2 mails matching no notice, 1 unreadable mails skipped")
			.doesNotContain(PASSWORD);
		String subscribers = send(get("/notices/subscribers").param("organizationId", id(isp)).param("lang", "vi"))
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(subscribers).contains("Thuê bao có thông báo bị trả lại")
			.contains("data-notice=\"" + noticeA + "\" data-subscriber=\"A-1\"")
			.doesNotContain("data-subscriber=\"B-2\"").contains("Mã trạng thái: 5.1.1")
			.contains("&lt;script&gt;").doesNotContain("<script>alert(2)");
		String api = send(get("/api/v1/notices").param("organizationId", id(isp))).getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains("\"status\":\"BOUNCED\"").contains("\"recipient\":\"an@home.example\"")
			.contains("\"status\":\"5.1.1\"").contains("\"configured\":true").contains("\"bounced\":1")
			.doesNotContain(PASSWORD);
		assertThat(send(get("/api/v1/notices/" + noticeA)).getContentAsString(StandardCharsets.UTF_8))
			.contains("\"bounce\":{\"recipient\":\"an@home.example\",\"status\":\"5.1.1\"");

		// read twice: every mail was marked the first time, nothing changes
		BounceCheck second = bounces.check().orElseThrow();
		assertThat(second.read()).isZero();
		assertThat(second.bounced()).isZero();
		assertThat(column(noticeA, "status")).isEqualTo("BOUNCED");
		assertThat(column(noticeB, "status")).isEqualTo("SENT");
		assertThat(bounceAudits(noticeA)).isEqualTo(1);

		// the ISP corrects A's address in its mapping; the retry mails the new one and forgets the bounce
		importMapping(isp, """
				subscriber_code,subscriber_name,email,address,valid_from,valid_to,language
				A-1,Nguyễn Văn An,an.new@home.example,198.51.100.2,01/01/2026,,vi
				B-2,Brown Trading Co.,b@shop.example,198.51.100.5,01/01/2026,,en
				""");
		assertThat(send(post("/api/v1/notices/" + noticeB + "/retry")).getStatus()).isEqualTo(409);
		assertThat(send(post("/notices/" + noticeA + "/retry")).getStatus()).isEqualTo(302);
		MimeMessage again = to("an.new@home.example");
		assertThat(again.getSubject()).isEqualTo(toA.getSubject());
		assertThat(column(noticeA, "status")).isEqualTo("SENT");
		assertThat(column(noticeA, "email")).isEqualTo("an.new@home.example");
		assertThat(column(noticeA, "bounce_status")).isNull();
		assertThat(column(noticeA, "attempts")).isEqualTo("2");
		assertThat(finding(findingA, "status")).as("notified again once the notice went out again").isEqualTo("NOTIFIED");
		assertThat(finding(findingA, "notice_reference")).isEqualTo(column(noticeA, "reference"));
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE action = 'notice.retry' AND entity_id = :id
				  AND after_json LIKE '%an.new@home.example%'""")
			.param("id", Long.toString(noticeA))
			.query(Long.class)
			.single()).isEqualTo(1);

		// the first attempt's bounce arriving late again does not bounce the new attempt
		MAILBOX.deliver(mail(dsn(returnPathA, "an@home.example", toA.getMessageID(), "5.1.1", "smtp; 550 unknown")));
		BounceCheck late = bounces.check().orElseThrow();
		assertThat(late.read()).isEqualTo(1);
		assertThat(late.bounced()).isZero();
		assertThat(column(noticeA, "status")).isEqualTo("SENT");

		assertThat(output.getAll()).doesNotContain(PASSWORD);
	}

	@Test
	void withoutTheEnvelopeTokenABounceIsMatchedByTheReturnedMessageIdForItsOwnRecipientOnly() throws Exception {
		UnitRef isp = tree.unit("CISP", "ISP", tree.province());
		operator = tree.user("bounce.noc2", Role.ISP_OPERATOR, isp);
		importMapping(isp, """
				subscriber_code,subscriber_name,email,address,valid_from,valid_to,language
				C-1,Chi Nhánh Cà Mau,c@cafe.example,198.51.100.20,01/01/2026,,vi
				D-2,Dong Son Ltd,d@dong.example,198.51.100.21,01/01/2026,,en
				""");
		Instant seen = Instant.parse("2026-08-01T03:00:00Z");
		data.finding(isp.id(), "198.51.100.20", 80, "CG-CRED-DEFAULT", "HIGH", "camera C", "NEW", seen);
		data.finding(isp.id(), "198.51.100.21", 80, "CG-CRED-DEFAULT", "HIGH", "camera D", "NEW", seen);
		send(post("/notices/send").param("organizationId", id(isp)));
		MimeMessage toC = to("c@cafe.example");
		MimeMessage toD = to("d@dong.example");
		long noticeC = noticeOf(isp, "C-1");
		long noticeD = noticeOf(isp, "D-2");

		// D's Message-ID with C's address is no bounce of D's notice; C's Message-ID with C's address is
		MAILBOX.deliver(mail(dsn("bounces@isp.example", "c@cafe.example", toD.getMessageID(), "5.1.1", "smtp; 550")));
		MAILBOX.deliver(mail(dsn("bounces@isp.example", "c@cafe.example", toC.getMessageID(), "5.7.1",
				"smtp; 550 5.7.1 rejected by policy")));
		BounceCheck check = bounces.check().orElseThrow();
		assertThat(check.bounced()).isEqualTo(1);
		assertThat(check.unmatched()).isEqualTo(1);
		assertThat(column(noticeC, "status")).isEqualTo("BOUNCED");
		assertThat(column(noticeC, "bounce_status")).isEqualTo("5.7.1");
		assertThat(column(noticeD, "status")).isEqualTo("SENT");
	}

	@Test
	void theMailboxIsReadByARecurringTaskOfTheSharedScheduler() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'notice-bounce-check'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** A report as a receiving mail server writes it (RFC 3464), with the headers of the mail it returns. */
	private static String dsn(String to, String recipient, String messageId, String status, String diagnostic) {
		return """
				From: Mail Delivery System <MAILER-DAEMON@mx.home.example>
				To: %1$s
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <%6$s@mx.home.example>
				Auto-Submitted: auto-replied
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="B0UNDARY"

				--B0UNDARY
				Content-Type: text/plain; charset=us-ascii

				I'm sorry to have to inform you that your message could not be delivered.

				--B0UNDARY
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.home.example
				Arrival-Date: Sat,  5 Dec 2026 05:00:00 +0700 (ICT)

				Final-Recipient: rfc822; %2$s
				Original-Recipient: rfc822;%2$s
				Action: failed
				Status: %4$s
				Diagnostic-Code: %5$s

				--B0UNDARY
				Content-Type: text/rfc822-headers

				Return-Path: <%1$s>
				From: ISP <noc@isp.example>
				To: %2$s
				Subject: notice
				Message-ID: %3$s

				--B0UNDARY--
				""".formatted(to, recipient, messageId, status, diagnostic, Long.toHexString(System.nanoTime()));
	}

	private static MimeMessage mail(String text) throws MessagingException {
		String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(crlf.getBytes(StandardCharsets.UTF_8)));
	}

	private void importMapping(UnitRef isp, String csv) throws Exception {
		assertThat(send(multipart("/notices/subscribers/import")
			.file(new MockMultipartFile("file", "map.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("organizationId", id(isp))).getContentAsString(StandardCharsets.UTF_8)).contains("import-accepted");
	}

	/** The one mail the SMTP server received for the address. */
	private static MimeMessage to(String address) throws MessagingException {
		List<MimeMessage> found = Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
			}
			catch (MessagingException unreadable) {
				return false;
			}
		}).toList();
		assertThat(found).as("mails to " + address).hasSize(1);
		return found.getFirst();
	}

	private long noticeOf(UnitRef isp, String subscriber) {
		return jdbc.sql("SELECT id FROM subscriber_notice WHERE organization_id = :org AND subscriber_code = :code")
			.param("org", isp.id())
			.param("code", subscriber)
			.query(Long.class)
			.single();
	}

	private String column(long notice, String column) {
		return BounceCheckFixture.cell(jdbc, "subscriber_notice", notice, column);
	}

	private String finding(long finding, String column) {
		return BounceCheckFixture.cell(jdbc, "monitoring_finding", finding, column);
	}

	private long bounceAudits(long notice) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'notice.bounce' AND entity_id = :id")
			.param("id", Long.toString(notice))
			.query(Long.class)
			.single();
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(csrf()).with(user(operator.principal()))).andReturn().getResponse();
	}

	private static String id(UnitRef unit) {
		return Long.toString(unit.id());
	}

}
