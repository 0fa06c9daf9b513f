package vn.camguard.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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

import vn.camguard.TestTree;
import vn.camguard.notices.domain.AddressSpan;
import vn.camguard.notices.domain.MappingEntry;
import vn.camguard.notices.domain.SubscriberMapping;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * An ISP operator imports its subscriber mapping (CSV and XLSX), all or nothing with every bad row listed; an address
 * held by two subscribers on one day is refused; an address moving between subscribers is not; another ISP can
 * neither see nor replace the mapping; the import is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriberMappingImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	UnitRef ispA;

	UnitRef ispB;

	TestTree.TestUser operatorA;

	TestTree.TestUser operatorB;

	@BeforeAll
	void people() {
		tree = TestTree.create(setup);
		ispA = tree.unit("ISPA", "ISP", tree.province());
		ispB = tree.unit("ISPB", "ISP", tree.province());
		operatorA = tree.user("isp.a", Role.ISP_OPERATOR, ispA);
		operatorB = tree.user("isp.b", Role.ISP_OPERATOR, ispB);
	}

	@Test
	void goodCsvIsSavedWholeAndAudited() throws Exception {
		String csv = """
				subscriber_code,subscriber_name,email,address,valid_from,valid_to,language
				TB-1,Nguyễn Văn An,an@example.vn,113.160.10.0/29,01/01/2026,30/06/2026,vi
				TB-2,Trần Thị Bình,binh@example.vn,113.160.10.0/29,01/07/2026,,en
				TB-1,Nguyễn Văn An,an@example.vn,2001:db8::1,2026-01-01,,vi
				TB-3,=HYPERLINK("x"),,10.1.1.1-10.1.1.20,01/01/2026,,
				""";
		MockHttpServletResponse response = upload(ispA, "mapping.csv", csv.getBytes(StandardCharsets.UTF_8), operatorA);
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"import-accepted\"").contains("Imported 4 rows");
		assertThat(count(ispA)).isEqualTo(4);
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'subscriber-mapping' AND entity_id = :id")
			.param("id", Long.toString(ispA.id()))
			.query(String.class)
			.list()).contains("subscriber-mapping.import");
		// device or subscriber text is shown as text
		assertThat(html).contains("=HYPERLINK(&quot;x&quot;)");

		// the other ISP sees none of it and cannot replace it
		MockHttpServletResponse other = send(get("/notices/subscribers").param("lang", "en"), operatorB);
		assertThat(other.getStatus()).isEqualTo(200);
		assertThat(other.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Trần Thị Bình")
			.doesNotContain("binh@example.vn");
		assertThat(send(get("/notices/subscribers").param("organizationId", Long.toString(ispA.id())), operatorB)
			.getStatus()).isEqualTo(403);
		assertThat(upload(ispA, "evil.csv",
				"subscriber_code,subscriber_name,address,valid_from\nX,X,1.2.3.4,01/01/2026\n".getBytes(
						StandardCharsets.UTF_8), operatorB).getStatus()).isEqualTo(403);
		assertThat(count(ispA)).isEqualTo(4);
	}

	@Test
	void badFileSavesNothingAndListsEveryBadRow() throws Exception {
		String good = "subscriber_code,subscriber_name,address,valid_from\nOK-1,Khách hàng,10.200.0.1,01/01/2026\n";
		assertThat(upload(ispB, "good.csv", good.getBytes(StandardCharsets.UTF_8), operatorB).getContentAsString(
				StandardCharsets.UTF_8)).contains("id=\"import-accepted\"");
		String bad = """
				subscriber_code,subscriber_name,email,address,valid_from,valid_to
				TB-1,Lê Văn Cường,cuong@example.vn,10.0.0.0/24,01/01/2026,
				TB-2,Phạm Thị Dung,dung@example.vn,10.0.0.128-10.0.0.140,01/03/2026,
				TB-3,Hoàng Văn Em,not-an-email,10.0.0.5/24,31/02/2026,
				TB-4,,,10.0.1.1,01/01/2026,01/01/2025
				""";
		MockHttpServletResponse response = upload(ispB, "bad.csv", bad.getBytes(StandardCharsets.UTF_8), operatorB);
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"import-refused\"");
		assertThat(rows(html)).containsExactly(
				"3|address|Address 10.0.0.128-10.0.0.140 overlaps row 2 in the same period.",
				"4|email|\"not-an-email\" is not an e-mail address.",
				"4|address|\"10.0.0.5/24\" is not an IP address, a CIDR block (without host bits) or a first-last range.",
				"4|valid_from|\"31/02/2026\" is not a dd/MM/yyyy date.", "5|subscriber_name|Column subscriber_name is required.",
				"5|valid_to|The last day 01/01/2025 is before the first day.");
		assertThat(count(ispB)).as("the earlier mapping stays whole").isEqualTo(1);
	}

	@Test
	void xlsxImportsLikeCsv() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("mapping");
		List<List<String>> rows = List.of(List.of("subscriber_code", "subscriber_name", "address", "valid_from"),
				List.of("X-1", "Công ty Ánh Dương", "192.0.2.0/28", "01/01/2026"),
				List.of("X-2", "Trường Tiểu học Sông Công", "192.0.2.16/28", "01/01/2026"));
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				sheet.inlineString(r, c, rows.get(r).get(c));
			}
		}
		workbook.finish();
		UnitRef isp = tree.unit("ISPX", "ISP", tree.province());
		TestTree.TestUser operator = tree.user("isp.x", Role.ISP_OPERATOR, isp);
		assertThat(upload(isp, "mapping.xlsx", out.toByteArray(), operator).getContentAsString(StandardCharsets.UTF_8))
			.contains("id=\"import-accepted\"");
		assertThat(count(isp)).isEqualTo(2);
	}

	@Test
	void anAddressMovesBetweenSubscribersByDate() {
		MappingEntry an = entry("TB-1", "113.160.10.0/29", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), 2);
		MappingEntry binh = entry("TB-2", "113.160.10.4", LocalDate.of(2026, 7, 1), null, 3);
		MappingEntry wide = entry("TB-3", "113.0.0.0/8", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), 4);
		SubscriberMapping mapping = new SubscriberMapping(List.of(an, binh, wide));
		assertThat(mapping.holder("113.160.10.4", LocalDate.of(2026, 6, 30)).orElseThrow().subscriberCode())
			.isEqualTo("TB-1");
		assertThat(mapping.holder("113.160.10.4", LocalDate.of(2026, 7, 1)).orElseThrow().subscriberCode())
			.isEqualTo("TB-2");
		assertThat(mapping.holder("113.160.10.5", LocalDate.of(2026, 7, 1))).isEmpty();
		assertThat(mapping.holder("113.5.5.5", LocalDate.of(2020, 5, 1)).orElseThrow().subscriberCode())
			.isEqualTo("TB-3");
		assertThat(SubscriberMapping.overlaps(List.of(an, binh, wide))).isEmpty();
		MappingEntry clash = entry("TB-4", "113.160.10.7", LocalDate.of(2026, 6, 30), null, 5);
		List<MappingEntry[]> clashes = SubscriberMapping.overlaps(List.of(an, binh, wide, clash));
		assertThat(clashes).hasSize(1);
		assertThat(clashes.getFirst()).containsExactly(clash, an);
	}

	private static MappingEntry entry(String code, String addresses, LocalDate from, LocalDate to, int row) {
		return new MappingEntry(code, code, null, "vi", addresses, AddressSpan.parse(addresses).orElseThrow(), from,
				to, row);
	}

	private static List<String> rows(String html) {
		String table = html.substring(html.indexOf("id=\"import-problems\""));
		table = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
		return java.util.Arrays.stream(table.split("<tr>"))
			.skip(1)
			.map(tr -> java.util.regex.Pattern.compile("<td[^>]*>(.*?)</td>", java.util.regex.Pattern.DOTALL)
				.matcher(tr)
				.results()
				.map(m -> org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1).strip()))
				.collect(java.util.stream.Collectors.joining("|")))
			.toList();
	}

	private long count(UnitRef organization) {
		return jdbc.sql("SELECT COUNT(*) FROM subscriber_mapping WHERE organization_id = :org")
			.param("org", organization.id())
			.query(Long.class)
			.single();
	}

	private MockHttpServletResponse upload(UnitRef organization, String name, byte[] content,
			TestTree.TestUser caller) throws Exception {
		return send(multipart("/notices/subscribers/import").file(new MockMultipartFile("file", name, null, content))
			.param("organizationId", Long.toString(organization.id()))
			.param("lang", "en"), caller);
	}

	private MockHttpServletResponse send(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
