package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.products.domain.CatalogueItem;
import vn.camguard.products.persistence.Catalogues;

/**
 * A scan report's lines reach the assessed devices by address, else MAC, else serial (where a line
 * carries them; {@code ScanImportByIdentifierTests} imports a report the scanner wrote from the lab); a doubtful
 * match is refused whole with the rows named, and nothing is saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanImportMatchingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	Catalogues catalogues;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser officer;

	long system;

	long addressed;

	long byMac;

	long bySerial;

	String mac;

	String serial;

	String twinSerial;

	@BeforeAll
	void devices() throws Exception {
		tree = TestTree.create(setup);
		officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		system = created(post("/api/v1/inventory/systems").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("unitId", tree.districtA().id(), "name", "Cổng " + tree.prefix(),
					"status", "OPERATING"))));
		String hex = String.format("%06X", Math.abs(tree.prefix().hashCode()) % 0xFFFFFF);
		mac = "02:76:00:" + hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6);
		serial = "SN-" + tree.prefix() + "-s";
		twinSerial = "TWIN-" + tree.prefix();
		addressed = device("Dahua", "SN-" + tree.prefix() + "-a", null, "127.76.0.21");
		byMac = device("Dahua", "SN-" + tree.prefix() + "-m", mac, null);
		bySerial = device("Axis", serial, null, null);
		device("Dahua", twinSerial, null, null);
		device("Hikvision", twinSerial, null, null);
	}

	@Test
	void linesReachTheDevicesByAddressThenMacThenSerial() throws Exception {
		long assessment = open();
		String report = line("127.76.0.21", null, null, "CG-CRED-DEFAULT")
				+ line("127.76.9.1", mac.toLowerCase().replace(':', '-'), null, "CG-SVC-TELNET")
				+ line("127.76.9.2", null, serial.toLowerCase(), null) + line("127.76.9.3", null, "NOBODY", "CG-SVC-TELNET");
		MockHttpServletResponse imported = importScan(assessment, report);
		assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(302);
		Map<Long, String> addresses = new HashMap<>();
		jdbc.sql("SELECT DISTINCT device_id, address FROM product_assessment_evidence WHERE assessment_id = :a")
			.param("a", assessment)
			.query((rs, row) -> addresses.put(rs.getLong("device_id"), rs.getString("address")))
			.list();
		assertThat(addresses).containsOnly(Map.entry(addressed, "127.76.0.21"), Map.entry(byMac, "127.76.9.1"),
				Map.entry(bySerial, "127.76.9.2"));
		CatalogueItem telnet = catalogues.find(catalogueCode(assessment))
			.orElseThrow()
			.items()
			.stream()
			.filter(i -> i.scannerChecks().contains("CG-SVC-TELNET"))
			.findFirst()
			.orElseThrow();
		assertThat(jdbc.sql("""
				SELECT outcome FROM product_assessment_evidence
				WHERE assessment_id = :a AND item_id = :i AND device_id = :d AND check_id = 'CG-SVC-TELNET'""")
			.param("a", assessment)
			.param("i", telnet.id())
			.param("d", byMac)
			.query(String.class)
			.single()).isEqualTo("FINDING");
		String audit = jdbc.sql("""
				SELECT after_json FROM audit_entry
				WHERE action = 'assessment.scan.import' AND entity_id = :id""")
			.param("id", Long.toString(assessment))
			.query(String.class)
			.single();
		assertThat(audit).contains("\"" + byMac + "\":\"MAC\"").contains("\"" + bySerial + "\":\"SERIAL\"")
			.contains("\"" + addressed + "\":\"ADDRESS\"");
	}

	@Test
	void aDoubtfulMatchIsRefusedWholeNamingTheRows() throws Exception {
		long assessment = open();
		String twoLinesOneDevice = line("127.76.0.21", null, null, null) + "\n" + line("127.76.9.5", mac, null, null)
				+ line("127.76.9.6", mac.replace(":", ""), null, "CG-CRED-DEFAULT");
		MockHttpServletResponse refused = importScan(assessment, twoLinesOneDevice);
		assertThat(refused.getStatus()).isEqualTo(200);
		String page = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"scan-refused\"").contains("nothing was saved").contains("id=\"scan-ambiguous\"");
		assertThat(page).contains("lines 3, 4 all match the device SN-" + tree.prefix() + "-m");

		MockHttpServletResponse twins = importScan(assessment,
				line("127.76.0.21", null, null, null) + line("127.76.9.7", null, twinSerial, null));
		String twinsPage = twins.getContentAsString(StandardCharsets.UTF_8);
		assertThat(twinsPage).contains("line 2 (127.76.9.7) matches several assessed devices by serial: " + twinSerial
				+ ", " + twinSerial);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM product_assessment_evidence WHERE assessment_id = :a")
			.param("a", assessment)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM product_assessment_answer WHERE assessment_id = :a")
			.param("a", assessment)
			.query(Long.class)
			.single()).isZero();
	}

	private String catalogueCode(long assessment) {
		return jdbc.sql("SELECT catalogue_code FROM product_assessment WHERE id = :id")
			.param("id", assessment)
			.query(String.class)
			.single();
	}

	private static String line(String address, String mac, String serial, String finding) throws Exception {
		Map<String, Object> line = new java.util.LinkedHashMap<>();
		line.put("address", address);
		line.put("openPorts", List.of(80));
		line.put("fingerprint", Map.of("vendor", "", "model", "", "firmware", "", "kind", "UNKNOWN", "evidence", List.of()));
		line.put("findings", finding == null ? List.of()
				: List.of(Map.of("checkId", finding, "severity", "HIGH", "qcvnGroup", "1", "title", finding, "evidence",
						List.of(Map.of("source", "test", "detail", "seen")), "references", List.of())));
		line.put("notes", List.of());
		line.put("millis", 3);
		if (mac != null) {
			line.put("mac", mac);
		}
		if (serial != null) {
			line.put("serial", serial);
		}
		return JSON.writeValueAsString(line) + "\n";
	}

	private MockHttpServletResponse importScan(long assessment, String report) throws Exception {
		return send(multipart("/products/assessments/" + assessment + "/scan")
			.file(new MockMultipartFile("file", "scan.jsonl", "application/x-ndjson", report.getBytes(StandardCharsets.UTF_8)))
			.param("lang", "en"), officer);
	}

	private long open() throws Exception {
		MockHttpServletResponse opened = send(post("/products/assessments").param("subject", "SYSTEM")
			.param("subjectId", Long.toString(system))
			.param("kind", "AD_HOC")
			.param("assessedOn", "04/12/2026"), officer);
		assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(302);
		String location = opened.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long device(String vendor, String serialNumber, String macAddress, String address) throws Exception {
		Map<String, Object> body = new HashMap<>(Map.of("unitId", tree.districtA().id(), "systemId", system, "kind",
				"CAMERA", "vendor", vendor, "model", "M1", "serial", serialNumber));
		if (macAddress != null) {
			body.put("mac", macAddress);
		}
		if (address != null) {
			body.put("address", address);
		}
		return created(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body)));
	}

	private long created(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse created = send(request, officer);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String location = created.getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
