package vn.camguard.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * A delivery report is a foreign server's text, and the subscriber's own mail server writes it: a subscriber who runs
 * its mail domain learns its notice's VERP envelope sender and may return a report of any shape. Such a report must
 * never stop the bounce mailbox: a recipient longer than its column once failed the whole read, left every mail
 * unread and failed every later read the same way, so no notice of any ISP was marked bounced again.
 */
@SpringBootTest(properties = { "spring.mail.host=127.94.0.21", "spring.mail.port=3025",
		"camguard.mail.from=ISP <noc@isp.example>", "camguard.notices.bounces.protocol=imap",
		"camguard.notices.bounces.host=127.94.0.21", "camguard.notices.bounces.port=3143",
		"camguard.notices.bounces.username=bounces", "camguard.notices.bounces.password=Hostile-Mailbox-1",
		"camguard.notices.bounces.address=bounces@isp.example", "camguard.notices.bounces.interval=1h" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBounceTests {

	private static final GreenMail GREEN_MAIL = new GreenMail(new ServerSetup[] {
			new ServerSetup(3025, "127.94.0.21", ServerSetup.PROTOCOL_SMTP),
			new ServerSetup(3143, "127.94.0.21", ServerSetup.PROTOCOL_IMAP) });

	private static final GreenMailUser MAILBOX;

	static {
		// up before the application context, whose scheduler reads the mailbox once at start
		GREEN_MAIL.start();
		MAILBOX = GREEN_MAIL.setUser("bounces@isp.example", "bounces", "Hostile-Mailbox-1");
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

	@BeforeAll
	void start() throws InterruptedException {
		tree = TestTree.create(setup);
		BounceCheckFixture.waitForFirstScheduledCheck(jdbc);
	}

	@AfterAll
	void stop() {
		GREEN_MAIL.stop();
	}

	@Test
	void aReportWithAnOverlongRecipientBouncesItsNoticeAndDoesNotStopTheMailbox() throws Exception {
		UnitRef isp = tree.unit("HISP", "ISP", tree.province());
		operator = tree.user("hostile.noc", Role.ISP_OPERATOR, isp);
		assertThat(send(multipart("/notices/subscribers/import")
			.file(new MockMultipartFile("file", "map.csv", "text/csv", """
					subscriber_code,subscriber_name,email,address,valid_from,valid_to,language
					E-1,Evil Mail Co.,e@evil.example,198.51.100.40,01/01/2026,,en
					F-2,Fair Shop,f@fair.example,198.51.100.41,01/01/2026,,en
					""".getBytes(StandardCharsets.UTF_8)))
			.param("organizationId", Long.toString(isp.id())))).contains("import-accepted");
		NoticeTestData data = new NoticeTestData(jdbc);
		Instant seen = Instant.parse("2026-08-01T03:00:00Z");
		data.finding(isp.id(), "198.51.100.40", 80, "CG-CRED-DEFAULT", "HIGH", "camera E", "NEW", seen);
		data.finding(isp.id(), "198.51.100.41", 80, "CG-CRED-DEFAULT", "HIGH", "camera F", "NEW", seen);
		send(post("/notices/send").param("organizationId", Long.toString(isp.id())));
		MimeMessage toE = to("e@evil.example");
		MimeMessage toF = to("f@fair.example");
		long noticeE = noticeOf(isp, "E-1");
		long noticeF = noticeOf(isp, "F-2");

		// E's server answers to E's envelope sender with a recipient of 300 characters, then F's bounces as usual
		String overlong = "x".repeat(287) + "@evil.example";
		MAILBOX.deliver(mail(dsn(returnPath(toE), overlong, toE.getMessageID())));
		MAILBOX.deliver(mail(dsn(returnPath(toF), "f@fair.example", toF.getMessageID())));

		BounceCheck check = bounces.check().orElseThrow();
		assertThat(check.error()).isNull();
		assertThat(check.read()).isEqualTo(2);
		assertThat(check.bounced()).isEqualTo(2);
		assertThat(column(noticeE, "status")).isEqualTo("BOUNCED");
		assertThat(column(noticeE, "bounce_recipient")).startsWith("xxxx").hasSizeLessThanOrEqualTo(254);
		assertThat(column(noticeF, "status")).isEqualTo("BOUNCED");
		assertThat(bounces.check().orElseThrow().read()).as("every mail was marked read").isZero();
	}

	@Test
	void aReportClaimingAnEnvelopeAddressWithANulCharacterDoesNotStopTheMailbox() throws Exception {
		UnitRef isp = tree.unit("NISP", "ISP", tree.province());
		operator = tree.user("nul.noc", Role.ISP_OPERATOR, isp);
		assertThat(send(multipart("/notices/subscribers/import")
			.file(new MockMultipartFile("file", "map.csv", "text/csv", """
					subscriber_code,subscriber_name,email,address,valid_from,valid_to,language
					G-1,Good Shop,g@good.example,198.51.100.50,01/01/2026,,en
					""".getBytes(StandardCharsets.UTF_8)))
			.param("organizationId", Long.toString(isp.id())))).contains("import-accepted");
		new NoticeTestData(jdbc).finding(isp.id(), "198.51.100.50", 80, "CG-CRED-DEFAULT", "HIGH", "camera G", "NEW",
				Instant.parse("2026-08-01T03:00:00Z"));
		send(post("/notices/send").param("organizationId", Long.toString(isp.id())));
		MimeMessage toG = to("g@good.example");
		long noticeG = noticeOf(isp, "G-1");

		// anyone may mail the bounce address, and the headers naming the envelope recipient are the sender's to write;
		// PostgreSQL refuses a NUL character in a query's text, which failed every read of the mailbox
		MAILBOX.deliver(mail(dsn("bounces@isp.example", "g@good.example", "<forged@evil.example>")
			.replace("MIME-Version: 1.0", "Envelope-To: bounces+0a\u00000b@isp.example\r\nMIME-Version: 1.0")));
		MAILBOX.deliver(mail(dsn(returnPath(toG), "g@good.example", toG.getMessageID())));

		BounceCheck check = bounces.check().orElseThrow();
		assertThat(check.error()).isNull();
		assertThat(check.read()).isEqualTo(2);
		assertThat(check.bounced()).isEqualTo(1);
		assertThat(column(noticeG, "status")).isEqualTo("BOUNCED");
	}

	private static String returnPath(MimeMessage sent) throws MessagingException {
		return sent.getHeader("Return-Path")[0].replaceAll("[<>]", "");
	}

	/** A report (RFC 3464) for one failed recipient, with the headers of the mail it returns. */
	private static String dsn(String to, String recipient, String messageId) {
		return """
				From: Mail Delivery System <MAILER-DAEMON@mx.evil.example>
				To: %1$s
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <%4$s@mx.evil.example>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="B0UNDARY"

				--B0UNDARY
				Content-Type: text/plain; charset=us-ascii

				Your message could not be delivered.

				--B0UNDARY
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.evil.example

				Final-Recipient: rfc822; %2$s
				Action: failed
				Status: 5.1.1
				Diagnostic-Code: smtp; 550 5.1.1 unknown

				--B0UNDARY
				Content-Type: text/rfc822-headers

				Return-Path: <%1$s>
				From: ISP <noc@isp.example>
				Subject: notice
				Message-ID: %3$s

				--B0UNDARY--
				""".formatted(to, recipient, messageId, Long.toHexString(System.nanoTime()));
	}

	private static MimeMessage mail(String text) throws MessagingException {
		String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(crlf.getBytes(StandardCharsets.UTF_8)));
	}

	private static MimeMessage to(String address) {
		return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
			}
			catch (MessagingException unreadable) {
				return false;
			}
		}).findFirst().orElseThrow();
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

	private String send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(csrf()).with(user(operator.principal())))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
