package vn.camguard.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
 * Without a mail server the application runs: a notice is kept as "not sent: no mail server configured" and its
 * findings stay new; a subscriber without e-mail gets a printed letter, which counts as notified; the letter is in
 * the subscriber's language and in the official layout.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoticesWithoutMailServerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noticesWaitForAMailServerAndLettersPrint() throws Exception {
		TestTree tree = TestTree.create(setup);
		UnitRef isp = tree.unit("ISP", "ISP", tree.province());
		TestTree.TestUser operator = tree.user("noc", Role.ISP_OPERATOR, isp);
		String csv = """
				subscriber_code,subscriber_name,email,address,valid_from,language
				M-1,Mail Customer,m@home.example,192.0.2.1,01/01/2026,en
				P-2,Trường Mầm non Hoa Sen,,192.0.2.2,01/01/2026,vi
				""";
		send(multipart("/notices/subscribers/import")
			.file(new MockMultipartFile("file", "map.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("organizationId", Long.toString(isp.id())), operator);
		NoticeTestData data = new NoticeTestData(jdbc);
		Instant seen = Instant.parse("2026-09-10T02:00:00Z");
		long mailed = data.finding(isp.id(), "192.0.2.1", 80, "CG-CRED-DEFAULT", "HIGH", "admin/admin", "NEW", seen);
		long printed = data.finding(isp.id(), "192.0.2.2", 554, "CG-RTSP-OPEN", "MEDIUM", "RTSP không mật khẩu", "NEW", seen);

		assertThat(send(post("/notices/send").param("organizationId", Long.toString(isp.id())), operator).getStatus())
			.isEqualTo(302);
		String page = send(get("/notices").param("organizationId", Long.toString(isp.id())).param("lang", "en"), operator)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"no-mail-server\"").contains("Not sent: no mail server configured")
			// no bounce mailbox either: the page says bounces are not read
			.contains("id=\"bounce-mailbox-off\"").contains("No bounce mailbox is configured")
			.contains("Printed letter (subscriber has no e-mail)");
		assertThat(data.status(mailed)).isEqualTo("NEW");
		assertThat(data.status(printed)).isEqualTo("NOTIFIED");

		long letterNotice = jdbc.sql("SELECT id FROM subscriber_notice WHERE organization_id = :org AND subscriber_code = 'P-2'")
			.param("org", isp.id())
			.query(Long.class)
			.single();
		MockHttpServletResponse letter = send(get("/notices/" + letterNotice + "/letter"), operator);
		assertThat(letter.getContentType()).isEqualTo("application/pdf");
		assertThat(SubscriberNoticeMailTests.pdfText(letter.getContentAsByteArray()))
			.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kính gửi: Trường Mầm non Hoa Sen (mã thuê bao P-2)",
					"RTSP không mật khẩu", "192.0.2.2:554", "Nơi nhận:");
		long mailNotice = jdbc.sql("SELECT id FROM subscriber_notice WHERE organization_id = :org AND subscriber_code = 'M-1'")
			.param("org", isp.id())
			.query(Long.class)
			.single();
		assertThat(SubscriberNoticeMailTests.pdfText(send(get("/notices/" + mailNotice + "/letter"), operator)
			.getContentAsByteArray())).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "NOTICE", "To: Mail Customer (subscriber M-1)");

		// another ISP's operator reaches neither the page nor the letter
		UnitRef other = tree.unit("ISPO", "ISP", tree.province());
		TestTree.TestUser stranger = tree.user("other.noc", Role.ISP_OPERATOR, other);
		assertThat(send(get("/notices/" + letterNotice + "/letter"), stranger).getStatus()).isEqualTo(403);
		assertThat(send(get("/notices").param("organizationId", Long.toString(isp.id())), stranger).getStatus())
			.isEqualTo(403);
		assertThat(send(get("/notices"), stranger).getContentAsString(StandardCharsets.UTF_8))
			.doesNotContain("Trường Mầm non Hoa Sen");
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
