package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Issue 18: adding a warning mails each owning unit once over a real SMTP server (GreenMail on this helper's
 * loopback block): to the unit's users who manage its devices (a grant on that unit with INVENTORY_WRITE) and gave an
 * address; not to a unit without matching devices, not to a reader of the unit (auditor), not to a user without an
 * address. The mail is plain text and the warning's typed text cannot add a header or markup.
 */
@SpringBootTest(properties = { "spring.mail.host=127.74.0.1", "spring.mail.port=3126",
		"camguard.mail.from=CamGuard <no-reply@camguard.example>" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningMailTests {

	private static final ServerSetup SMTP = new ServerSetup(3126, "127.74.0.1", ServerSetup.PROTOCOL_SMTP);

	private static final String HOSTILE = "<b>A05</b>\r\nBcc: evil@attacker.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	GreenMail greenMail;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser officerB;

	TestTree.TestUser officerC;

	TestTree.TestUser inspector;

	String model;

	@BeforeAll
	void fleet() throws Exception {
		greenMail = new GreenMail(SMTP);
		greenMail.start();
		tree = TestTree.create(setup);
		officerA = tree.user("wm.officer.a", Role.UNIT_OFFICER, tree.districtA());
		TestTree.TestUser officerA2 = tree.user("wm.officer.a2", Role.UNIT_OFFICER, tree.districtA());
		TestTree.TestUser auditorA = tree.user("wm.auditor.a", Role.AUDITOR, tree.districtA());
		officerB = tree.user("wm.officer.b", Role.UNIT_OFFICER, tree.districtB());
		UnitRef districtC = tree.unit("WMC", "DISTRICT", tree.province());
		officerC = tree.user("wm.officer.c", Role.UNIT_OFFICER, districtC);
		UnitRef market = tree.unit("WMQLTT", "MARKET_MANAGEMENT", tree.province());
		inspector = tree.user("wm.inspector", Role.MARKET_INSPECTOR, market);
		email(officerA, "a");
		email(auditorA, "auditor");
		email(officerB, "b");
		email(officerC, "c");
		email(inspector, "inspector");
		// officerA2 manages the devices too but gave no address
		assertThat(officerA2.id()).isPositive();
		model = "IPC-M" + tree.prefix();
		device(officerA, tree.districtA(), "Dahua", model, "V2.800", "a1");
		device(officerA, tree.communeA(), "Dahua", model, "V2.800", "a2");
		device(officerB, tree.districtB(), "Imou", model, "V2.100", "b1");
		device(officerC, districtC, "Dahua", "IPC-OTHER" + tree.prefix(), "V2.800", "c1");
	}

	@AfterAll
	void stop() {
		greenMail.stop();
	}

	@Test
	void addingOneWarningSendsExactlyOneMailPerOwningUnit() throws Exception {
		MockHttpServletResponse added = send(post("/products/warnings").param("vendor", "Dahua")
			.param("model", model)
			.param("authority", HOSTILE)
			.param("issuedOn", "20/11/2026")
			.param("reference", "CV 9/A05-" + tree.prefix())
			.param("reason", "Lộ luồng video")
			.param("severity", "CRITICAL"), inspector);
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);

		// sent once the warning committed, before the request answered
		MimeMessage[] received = greenMail.getReceivedMessages();
		List<String> to = Arrays.stream(received).flatMap(m -> recipients(m).stream()).sorted().toList();
		// districtA owns two devices (one in its commune): one mail for the district, one for the commune would need
		// a device manager granted on the commune, and there is none
		assertThat(to).containsExactly(address("a"), address("b"));
		for (MimeMessage message : received) {
			assertThat(message.getContentType()).startsWith("text/plain");
			assertThat(message.getHeader("Bcc")).isNull();
			assertThat(message.getAllRecipients()).hasSize(1);
			assertThat(message.getSubject()).doesNotContain("\n").doesNotContain("\r").contains(model);
			String text = ((String) message.getContent());
			assertThat(text).contains(model).contains("CV 9/A05-" + tree.prefix()).contains("/products/warnings/devices");
		}
		long warningId = jdbc.sql("SELECT id FROM product_warning WHERE reference = :r")
			.param("r", "CV 9/A05-" + tree.prefix()).query(Long.class).single();
		List<Map<String, Object>> outcomes = jdbc.sql("""
				SELECT m.user_id, m.outcome FROM notification_mail m JOIN notification n ON n.id = m.notification_id
				WHERE n.subject_ref = :ref ORDER BY m.user_id""")
			.param("ref", "product_warning:" + warningId).query().listOfRows();
		assertThat(outcomes).extracting(row -> ((Number) row.get("user_id")).longValue())
			.containsExactlyInAnyOrder(officerA.id(), officerB.id());
		assertThat(outcomes).allSatisfy(row -> assertThat(row.get("outcome")).isEqualTo("SENT"));
		assertThat(jdbc.sql("SELECT unit_id FROM notification WHERE subject_ref = :ref")
			.param("ref", "product_warning:" + warningId).query(Long.class).list())
			.containsExactlyInAnyOrder(tree.districtA().id(), tree.communeA().id(), tree.districtB().id());
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.map(a -> ((InternetAddress) a).getAddress())
				.toList();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String address(String who) {
		return "wm-" + who + "-" + tree.prefix().toLowerCase() + "@example.vn";
	}

	private void email(TestTree.TestUser user, String who) {
		jdbc.sql("UPDATE organization_user SET email = :e WHERE id = :id").param("e", address(who))
			.param("id", user.id()).update();
	}

	private void device(TestTree.TestUser officer, UnitRef unit, String vendor, String model, String firmware,
			String serial) throws Exception {
		String json = JsonMapper.builder().build().writeValueAsString(Map.of("unitId", unit.id(), "kind", "CAMERA",
				"vendor", vendor, "model", model, "firmware", firmware, "serial", "SN-" + tree.prefix() + "-" + serial));
		MockHttpServletResponse created = send(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(json), officer);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
