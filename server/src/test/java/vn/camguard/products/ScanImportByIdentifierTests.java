package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.ScanRequest;
import vn.camguard.scanner.Scanner;
import vn.camguard.scanner.credentials.LoginPacing;
import vn.camguard.scanner.report.JsonLinesWriter;
import vn.camguard.scanner.target.Scope;
import vn.camguard.scanner.target.Targets;

/**
 * A scan of the lab whose devices have moved: the inventory lists them at other addresses, so the scanner's JSON
 * Lines report reaches them by the MAC (a Dahua camera whose factory account the login check found, so its serial and
 * MAC were read with it) and by the serial (a D-Link camera whose ONVIF answers strangers), and the findings land on
 * them as evidence.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ScanImportByIdentifierTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDeviceAtAnotherAddressIsMatchedByItsMacOrSerialFromTheScan() throws Exception {
		// the lab's serial and MAC follow the address; a fresh one per run keeps them unique in a kept database
		String subnet = "127.84." + ThreadLocalRandom.current().nextInt(100, 250) + ".";
		int host = ThreadLocalRandom.current().nextInt(1, 120) * 2;
		DeviceSpec dahua = DeviceSpec.of("dahua", subnet + host, Profile.DAHUA_IPC,
				Set.of(Weakness.DEFAULT_CREDENTIALS, Weakness.TELNET_OPEN));
		DeviceSpec dlink = DeviceSpec.of("dlink", subnet + (host + 1), Profile.ONVIF_GENERIC,
				Set.of(Weakness.ONVIF_NO_AUTH));
		StringWriter jsonl = new StringWriter();
		Map<String, DeviceReport> reports = new HashMap<>();
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(dahua, dlink), 0));
				JsonLinesWriter writer = new JsonLinesWriter(jsonl)) {
			ScanRequest request = ScanRequest
				.of(Targets.of(List.of(dahua.address() + "-" + dlink.address()), List.of(),
						Scope.of(List.of("127.84.0.0/16"))))
				.withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(2000))
				.withLoginPacing(LoginPacing.NONE);
			new Scanner(request).scan(report -> {
				reports.put(report.address(), report);
				try {
					writer.write(report);
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
		assertThat(reports.get(dahua.address()).mac()).as(jsonl.toString()).isEqualTo(dahua.mac());
		assertThat(reports.get(dahua.address()).has("CG-SVC-TELNET")).isTrue();
		assertThat(reports.get(dlink.address()).serial()).as(jsonl.toString()).isEqualTo(dlink.serial());

		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		long system = created(officer, post("/api/v1/inventory/systems").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("unitId", tree.districtA().id(), "name", "Cổng " + tree.prefix(),
					"status", "OPERATING"))));
		// the MAC as the unit typed it (upper case, dashes), the serial as the device tells it; both elsewhere now
		long byMac = device(officer, tree, system, Map.of("vendor", "Dahua", "serial", "SN-" + tree.prefix() + "-m",
				"mac", dahua.mac().toUpperCase(Locale.ROOT).replace(':', '-'), "address", "10.84.0.1"));
		long bySerial = device(officer, tree, system,
				Map.of("vendor", "D-Link", "serial", dlink.serial(), "address", "10.84.0.2"));

		long assessment = open(officer, system);
		MockHttpServletResponse imported = send(officer, multipart("/products/assessments/" + assessment + "/scan")
			.file(new MockMultipartFile("file", "scan.jsonl", "application/x-ndjson",
					jsonl.toString().getBytes(StandardCharsets.UTF_8)))
			.param("lang", "en"));
		assertThat(imported.getStatus()).as(imported.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);

		Map<Long, String> addresses = new HashMap<>();
		jdbc.sql("SELECT DISTINCT device_id, address FROM product_assessment_evidence WHERE assessment_id = :a")
			.param("a", assessment)
			.query((rs, row) -> addresses.put(rs.getLong("device_id"), rs.getString("address")))
			.list();
		assertThat(addresses).containsOnly(Map.entry(byMac, dahua.address()), Map.entry(bySerial, dlink.address()));
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM product_assessment_evidence
				WHERE assessment_id = :a AND device_id = :d AND check_id = 'CG-SVC-TELNET' AND outcome = 'FINDING'""")
			.param("a", assessment)
			.param("d", byMac)
			.query(Long.class)
			.single()).as("the Dahua's telnet finding is filed on the device found by its MAC").isPositive();
		String audit = jdbc.sql("""
				SELECT after_json FROM audit_entry
				WHERE action = 'assessment.scan.import' AND entity_id = :id""")
			.param("id", Long.toString(assessment))
			.query(String.class)
			.single();
		assertThat(audit).contains("\"" + byMac + "\":\"MAC\"").contains("\"" + bySerial + "\":\"SERIAL\"");
	}

	private long device(TestTree.TestUser officer, TestTree tree, long system, Map<String, String> fields)
			throws Exception {
		Map<String, Object> body = new HashMap<>(fields);
		body.putAll(Map.of("unitId", tree.districtA().id(), "systemId", system, "kind", "CAMERA", "model", "M1"));
		return created(officer, post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body)));
	}

	private long open(TestTree.TestUser officer, long system) throws Exception {
		MockHttpServletResponse opened = send(officer, post("/products/assessments").param("subject", "SYSTEM")
			.param("subjectId", Long.toString(system))
			.param("kind", "AD_HOC")
			.param("assessedOn", "04/12/2026"));
		assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(302);
		String location = opened.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long created(TestTree.TestUser officer, MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse created = send(officer, request);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String location = created.getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private MockHttpServletResponse send(TestTree.TestUser caller, AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
