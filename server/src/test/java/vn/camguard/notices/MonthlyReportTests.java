package vn.camguard.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.shared.spreadsheet.TabularFile;

/**
 * The monthly report of an ISP for the province, PDF in the official layout and XLSX: cameras found, findings seen,
 * notified and fixed in the month, still open, by check; a check id that looks like a formula stays text; another ISP
 * cannot download it, the province can.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MonthlyReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@org.junit.jupiter.api.io.TempDir
	java.nio.file.Path temporary;

	@Test
	void novemberInFiguresAsPdfAndXlsx() throws Exception {
		TestTree tree = TestTree.create(setup);
		UnitRef isp = tree.unit("ISP", "ISP", tree.province());
		TestTree.TestUser operator = tree.user("noc", Role.ISP_OPERATOR, isp);
		NoticeTestData data = new NoticeTestData(jdbc);
		long notified = data.finding(isp.id(), "100.64.0.1", 80, "CG-CRED-DEFAULT", "HIGH", "admin/12345", "NOTIFIED",
				Instant.parse("2026-11-20T03:00:00Z"));
		set(notified, "notified_at", "2026-11-21T03:00:00Z");
		long fixed = data.finding(isp.id(), "100.64.0.1", 554, "CG-RTSP-OPEN", "MEDIUM", "RTSP", "FIXED",
				Instant.parse("2026-11-10T03:00:00Z"));
		set(fixed, "fixed_at", "2026-11-25T03:00:00Z");
		data.finding(isp.id(), "100.64.0.2", 80, "CG-CRED-DEFAULT", "HIGH", "old", "NEW",
				Instant.parse("2026-10-01T03:00:00Z"));
		data.finding(isp.id(), "100.64.0.3", 23, "CG-TELNET", "HIGH", "later", "NEW",
				Instant.parse("2026-12-25T03:00:00Z"));
		jdbc.sql("UPDATE monitoring_finding SET first_seen = last_seen WHERE organization_id = :org AND address = '100.64.0.3'")
			.param("org", isp.id())
			.update();
		data.finding(isp.id(), "100.64.0.4", 80, "=HYPERLINK(\"http://x\")", "LOW", "odd", "NEW",
				Instant.parse("2026-11-15T03:00:00Z"));

		MockHttpServletResponse pdf = download(isp, "pdf", operator);
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		String text = SubscriberNoticeMailTests.pdfText(pdf.getContentAsByteArray());
		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO",
				"Kết quả kiểm tra, xử lý camera giám sát", "mạng tháng 11/2026",
				"Số camera phát hiện có điểm yếu (địa chỉ) 2", "Số điểm yếu phát hiện trong tháng 3",
				"Số điểm yếu đã thông báo cho thuê bao 1", "Số điểm yếu đã được khắc phục 1",
				"Số điểm yếu còn tồn tại 3", "CG-CRED-DEFAULT HIGH 1 1 0 2", "=HYPERLINK(\"http://x\")");

		MockHttpServletResponse xlsx = download(isp, "xlsx", operator);
		assertThat(xlsx.getStatus()).isEqualTo(200);
		List<List<String>> summary = new ArrayList<>();
		new TabularFile(1000, TabularFile.BlankLines.COUNTED).read(new ByteArrayInputStream(xlsx.getContentAsByteArray()),
				row -> summary.add(row.cells()));
		assertThat(summary).contains(List.of("Số camera phát hiện có điểm yếu (địa chỉ)", "2"),
				List.of("Số điểm yếu đã được khắc phục", "1"), List.of("Số điểm yếu còn tồn tại", "3"));
		String byCheck = sheet(xlsx.getContentAsByteArray(), "xl/worksheets/sheet2.xml");
		assertThat(byCheck).contains("=HYPERLINK(&quot;http://x&quot;)").doesNotContain("<f>");

		UnitRef other = tree.unit("ISPO", "ISP", tree.province());
		assertThat(download(isp, "pdf", tree.user("other", Role.ISP_OPERATOR, other)).getStatus()).isEqualTo(403);
		assertThat(download(isp, "xlsx", tree.user("admin", Role.PROVINCE_ADMIN, tree.province())).getStatus())
			.isEqualTo(200);
	}

	private void set(long findingId, String column, String at) {
		jdbc.sql("UPDATE monitoring_finding SET " + column + " = :at WHERE id = :id")
			.param("at", OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC))
			.param("id", findingId)
			.update();
	}

	private String sheet(byte[] xlsx, String name) throws java.io.IOException {
		java.nio.file.Path file = temporary.resolve("report.xlsx");
		java.nio.file.Files.write(file, xlsx);
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry entry = zip.getEntry(name);
			assertThat(entry).as(name).isNotNull();
			return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private MockHttpServletResponse download(UnitRef isp, String format, TestTree.TestUser caller) throws Exception {
		return mvc.perform(get("/notices/report").param("organizationId", Long.toString(isp.id()))
			.param("month", "2026-11")
			.param("format", format)
			.with(user(caller.principal()))).andReturn().getResponse();
	}

}
