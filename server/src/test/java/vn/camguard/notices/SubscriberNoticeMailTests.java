package vn.camguard.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
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
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Notices end to end over a real SMTP server (GreenMail on this helper's loopback block): two subscribers each get
 * only the findings on the addresses they held when each was last seen, in their own language, with the letter
 * attached; the findings are marked notified with the notice's reference; a finding nobody held and another ISP's
 * finding go to nobody; a device's text stays text; a failed send is visible and retried.
 */
@SpringBootTest(properties = { "spring.mail.host=127.65.0.1", "spring.mail.port=3025",
		"camguard.mail.from=ISP <noc@isp.example>" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriberNoticeMailTests {

	private static final ServerSetup SMTP = new ServerSetup(3025, "127.65.0.1", ServerSetup.PROTOCOL_SMTP);

	private static final String HOSTILE_TITLE = "<script>alert(1)</script>\r\nBcc: evil@attacker.example =cmd|' /C calc'!A0";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	GreenMail greenMail;

	TestTree tree;

	UnitRef isp;

	UnitRef otherIsp;

	TestTree.TestUser operator;

	NoticeTestData data;

	@BeforeAll
	void start() {
		greenMail = new GreenMail(SMTP);
		greenMail.start();
		tree = TestTree.create(setup);
		isp = tree.unit("ISP", "ISP", tree.province());
		otherIsp = tree.unit("ISP2", "ISP", tree.province());
		operator = tree.user("noc", Role.ISP_OPERATOR, isp);
		data = new NoticeTestData(jdbc);
	}

	@AfterAll
	void stop() {
		greenMail.stop();
	}

	@Test
	void eachSubscriberGetsOnlyItsOwnFindings() throws Exception {
		String csv = """
				subscriber_code,subscriber_name,email,address,valid_from,valid_to,language
				A-1,Nguyễn Văn An,an@home.example,198.51.100.0/30,01/01/2026,,vi
				A-1,Nguyễn Văn An,an@home.example,198.51.100.9,01/01/2026,30/06/2026,vi
				B-2,Brown Trading Co.,b@shop.example,198.51.100.4-198.51.100.7,01/01/2026,,en
				B-2,Brown Trading Co.,b@shop.example,198.51.100.9,01/07/2026,,en
				""";
		assertThat(send(multipart("/notices/subscribers/import")
			.file(new MockMultipartFile("file", "map.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("organizationId", id(isp))).getContentAsString(StandardCharsets.UTF_8)).contains("import-accepted");
		Instant august = Instant.parse("2026-08-01T03:00:00Z");
		Instant may = Instant.parse("2026-05-01T03:00:00Z");
		long a1 = data.finding(isp.id(), "198.51.100.2", 80, "CG-CRED-DEFAULT", "HIGH", "Hikvision DS-2CD2143G2-I: admin/12345", "NEW", august);
		long a2 = data.finding(isp.id(), "198.51.100.9", 554, "CG-RTSP-OPEN", "MEDIUM", HOSTILE_TITLE, "NEW", may);
		long b1 = data.finding(isp.id(), "198.51.100.5", 23, "CG-TELNET", "HIGH", "Dahua XVR telnet", "NEW", august);
		long b2 = data.finding(isp.id(), "198.51.100.9", 80, "CG-FW-CVE", "CRITICAL", "CVE-2021-36260", "NOTIFIED", august);
		long fixed = data.finding(isp.id(), "198.51.100.1", 80, "CG-HTTP-CLEAR", "LOW", "fixed one", "FIXED", august);
		long nobody = data.finding(isp.id(), "203.0.113.50", 80, "CG-CRED-DEFAULT", "HIGH", "nobody's camera", "NEW", august);
		long foreign = data.finding(otherIsp.id(), "198.51.100.3", 80, "CG-CRED-DEFAULT", "HIGH", "another ISP's camera", "NEW", august);

		String preview = send(get("/notices/preview").param("organizationId", id(isp)).param("subscriber", "A-1"))
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(preview).contains("198.51.100.2").contains("&lt;script&gt;").doesNotContain("<script>alert")
			.doesNotContain("198.51.100.5");

		assertThat(send(post("/notices/send").param("organizationId", id(isp))).getStatus()).isEqualTo(302);
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(2);
		MimeMessage toA = to(received, "an@home.example");
		MimeMessage toB = to(received, "b@shop.example");
		String textA = text(toA);
		String textB = text(toB);
		assertThat(textA).contains("Kính gửi Nguyễn Văn An").contains("198.51.100.2:80").contains("198.51.100.9:554")
			.contains("<script>alert(1)</script> Bcc: evil@attacker.example")
			.doesNotContain("198.51.100.5").doesNotContain("CVE-2021-36260").doesNotContain("203.0.113.50")
			.doesNotContain("another ISP").doesNotContain("fixed one");
		assertThat(textB).contains("Dear Brown Trading Co.").contains("198.51.100.5:23").contains("CVE-2021-36260")
			.doesNotContain("198.51.100.2").doesNotContain("script").doesNotContain("203.0.113.50")
			.doesNotContain("another ISP");
		assertThat(toA.getHeader("Bcc")).isNull();
		assertThat(toA.getAllRecipients()).hasSize(1);

		// the attached letter: official layout, Vietnamese text, only A's findings, device text as text
		String letterA = pdfText(attachment(toA));
		assertThat(letterA).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
			.contains("THÔNG BÁO").contains("Kính gửi: Nguyễn Văn An (mã thuê bao A-1)").contains("Nơi nhận:")
			.contains("198.51.100.2:80").contains("<script>alert(1)</script>").doesNotContain("198.51.100.5");

		assertThat(data.status(a1)).isEqualTo("NOTIFIED");
		assertThat(data.status(a2)).isEqualTo("NOTIFIED");
		assertThat(data.status(b1)).isEqualTo("NOTIFIED");
		assertThat(data.status(b2)).isEqualTo("NOTIFIED");
		assertThat(data.noticeReference(a1)).isEqualTo(data.noticeReference(a2)).startsWith("TB-");
		assertThat(data.noticeReference(b1)).isEqualTo(data.noticeReference(b2)).isNotEqualTo(data.noticeReference(a1));
		assertThat(data.status(fixed)).isEqualTo("FIXED");
		assertThat(data.noticeReference(fixed)).isNull();
		assertThat(data.status(nobody)).isEqualTo("NEW");
		assertThat(data.status(foreign)).isEqualTo("NEW");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM subscriber_notice WHERE organization_id = :org AND status = 'SENT'")
			.param("org", isp.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'subscriber-notice' AND unit_id = :org")
			.param("org", isp.id())
			.query(String.class)
			.list()).contains("notice.create", "notice.delivery");

		// the SMTP server goes away: the failure is shown and the notice retried once it is back
		greenMail.stop();
		long a3 = data.finding(isp.id(), "198.51.100.1", 443, "CG-TLS-OLD", "LOW", "TLS 1.0", "NEW", august);
		send(post("/notices/send").param("organizationId", id(isp)).param("subscriber", "A-1"));
		long failedId = jdbc.sql("SELECT MAX(id) FROM subscriber_notice WHERE organization_id = :org")
			.param("org", isp.id())
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT status FROM subscriber_notice WHERE id = :id").param("id", failedId)
			.query(String.class).single()).isEqualTo("FAILED");
		assertThat(data.status(a3)).isEqualTo("NEW");
		String page = send(get("/notices").param("organizationId", id(isp)).param("lang", "en"))
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("data-notice=\"" + failedId + "\" data-status=\"FAILED\"").contains("Sending failed")
			.contains("/notices/" + failedId + "/retry");
		greenMail = new GreenMail(SMTP);
		greenMail.start();
		assertThat(send(post("/notices/" + failedId + "/retry")).getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT status FROM subscriber_notice WHERE id = :id").param("id", failedId)
			.query(String.class).single()).isEqualTo("SENT");
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(greenMail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("an@home.example");
		assertThat(data.status(a3)).isEqualTo("NOTIFIED");
		// sent once, not again
		assertThat(send(post("/notices/" + failedId + "/retry")).getStatus()).isEqualTo(409);
	}

	private static MimeMessage to(MimeMessage[] messages, String address) throws MessagingException {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : messages) {
			if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
				found.add(message);
			}
		}
		assertThat(found).as("mails to " + address).hasSize(1);
		return found.getFirst();
	}

	static String text(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		StringBuilder text = new StringBuilder();
		if (part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i)));
			}
		}
		return text.toString();
	}

	private static byte[] attachment(Part part) throws MessagingException, IOException {
		if (part.isMimeType("application/pdf")) {
			return part.getInputStream().readAllBytes();
		}
		if (part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				byte[] found = attachment(child);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static String pdfText(byte[] pdf) throws IOException {
		assertThat(pdf).isNotNull();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (var page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as("font " + font.getName() + " embedded").isTrue();
				}
			}
			return new PDFTextStripper().getText(document);
		}
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(csrf()).with(user(operator.principal()))).andReturn().getResponse();
	}

	private static String id(UnitRef unit) {
		return Long.toString(unit.id());
	}

}
