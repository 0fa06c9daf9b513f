package vn.camguard.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import vn.camguard.TestTree;
import vn.camguard.TestTree.TestUser;
import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * A scan job over the lab records the MAC and serial its devices told (a D-Link whose ONVIF answers strangers, a Dahua
 * whose factory account the login check found), shows them, and each device is matched to the inventory entry that
 * has its MAC or its serial although the inventory lists it at another address.
 */
@SpringBootTest(properties = { "camguard.schedule.polling-interval=200ms", "camguard.monitoring.part-size=4",
		"camguard.monitoring.connect-timeout=1s", "camguard.monitoring.read-timeout=3s" })
@AutoConfigureMockMvc
class DiscoveredDeviceIdentifierTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aScanRecordsMacAndSerialAndTheDeviceIsMatchedByThemAtAnotherAddress() throws Exception {
		TestTree tree = TestTree.create(setup);
		UnitRef isp = tree.unit("ISP", "ISP", tree.province());
		TestUser operator = tree.user("isp-operator", Role.ISP_OPERATOR, isp);
		TestUser admin = tree.user("province-admin", Role.PROVINCE_ADMIN, tree.province());
		// the lab's serial and MAC follow the address; a fresh subnet per run keeps them unique in a kept database
		String subnet = "127.84." + ThreadLocalRandom.current().nextInt(10, 100) + ".";
		DeviceSpec dlink = DeviceSpec.of("dlink", subnet + "1", Profile.ONVIF_GENERIC, Set.of(Weakness.ONVIF_NO_AUTH));
		DeviceSpec dahua = DeviceSpec.of("dahua", subnet + "2", Profile.DAHUA_IPC, Set.of(Weakness.DEFAULT_CREDENTIALS));

		long range = registerRange(operator, isp, subnet + "0/29");
		approve(admin, range);
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(dlink, dahua), 0))) {
			long job = createJob(operator, isp, subnet + "1-" + subnet + "2", "STANDARD_WITH_LOGINS");
			awaitStatus(job, "FINISHED");
		}
		record Row(long id, String address, String mac, String serial) {
		}
		List<Row> rows = jdbc.sql("SELECT id, address, mac, serial FROM monitoring_device WHERE organization_id = :org "
				+ "ORDER BY address").param("org", isp.id()).query(Row.class).list();
		assertThat(rows).extracting(Row::address, Row::mac, Row::serial).containsExactly(
				org.assertj.core.groups.Tuple.tuple(dlink.address(), dlink.mac(), dlink.serial()),
				org.assertj.core.groups.Tuple.tuple(dahua.address(), dahua.mac(), dahua.serial()));
		long dlinkId = rows.get(0).id();
		long dahuaId = rows.get(1).id();

		String list = mvc.perform(get("/monitoring/devices").param("organizationId", Long.toString(isp.id()))
			.with(user(operator.principal()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains(dlink.mac(), dlink.serial(), dahua.mac(), dahua.serial());
		String page = mvc.perform(get("/monitoring/devices/" + dahuaId).with(user(admin.principal()))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(dahua.mac(), dahua.serial());

		// the inventory has them elsewhere: the D-Link by its MAC as typed (upper case), the Dahua by its serial
		long byMac = inventoryEntry(admin, tree.communeA(), "SN-" + tree.prefix() + "-mac",
				dlink.mac().toUpperCase(Locale.ROOT), "10.84.1.1");
		long bySerial = inventoryEntry(admin, tree.communeA(), dahua.serial(), null, "10.84.1.2");
		long unrelated = inventoryEntry(admin, tree.communeA(), "SN-" + tree.prefix() + "-other", null, "10.84.1.3");

		String suggested = mvc.perform(get("/api/v1/monitoring/devices/" + dlinkId).with(user(admin.principal())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(suggested).contains("SN-" + tree.prefix() + "-mac").doesNotContain("SN-" + tree.prefix() + "-other");
		assertThat(mvc.perform(get("/api/v1/monitoring/devices/" + dahuaId).with(user(admin.principal()))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"id\":" + bySerial);

		assertThat(match(admin, dlinkId, unrelated).getStatus()).isEqualTo(422);
		MockHttpServletResponse macMatch = match(admin, dlinkId, byMac);
		assertThat(macMatch.getStatus()).as(macMatch.getContentAsString()).isEqualTo(200);
		assertThat(macMatch.getContentAsString()).contains("\"linkedAs\":\"MATCHED\"", "\"inventoryDeviceId\":" + byMac);
		MockHttpServletResponse serialMatch = match(admin, dahuaId, bySerial);
		assertThat(serialMatch.getStatus()).as(serialMatch.getContentAsString()).isEqualTo(200);
		assertThat(serialMatch.getContentAsString()).contains("\"inventoryDeviceId\":" + bySerial);
	}

	private long inventoryEntry(TestUser admin, UnitRef unit, String serial, String mac, String address)
			throws Exception {
		MockHttpServletResponse created = mvc.perform(post("/api/v1/inventory/devices").with(csrf())
			.with(user(admin.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":" + unit.id() + ",\"kind\":\"CAMERA\",\"vendor\":\"Dahua\",\"serial\":\"" + serial
					+ "\"," + (mac == null ? "" : "\"mac\":\"" + mac + "\",") + "\"address\":\"" + address + "\"}"))
			.andReturn().getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return Long.parseLong(created.getHeader("Location").replaceAll(".*/", ""));
	}

	private MockHttpServletResponse match(TestUser admin, long device, long inventoryId) throws Exception {
		return mvc.perform(post("/api/v1/monitoring/devices/" + device + "/match").with(csrf())
			.with(user(admin.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"inventoryDeviceId\":" + inventoryId + "}")).andReturn().getResponse();
	}

	private long registerRange(TestUser operator, UnitRef isp, String range) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/monitoring/ranges").with(csrf())
			.with(user(operator.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + isp.id() + ",\"range\":\"" + range + "\",\"purpose\":\"test\"}"))
			.andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return Long.parseLong(response.getHeader("Location").replaceAll(".*/", ""));
	}

	private void approve(TestUser admin, long range) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/monitoring/ranges/" + range + "/decision")
			.with(csrf()).with(user(admin.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"approve\":true,\"validUntil\":\"" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30)
					+ "\"}"))
			.andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
	}

	private long createJob(TestUser operator, UnitRef isp, String targets, String profile) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/monitoring/jobs").with(csrf())
			.with(user(operator.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + isp.id() + ",\"name\":\"identifiers\",\"targets\":\"" + targets
					+ "\",\"profile\":\"" + profile + "\",\"ratePerSecond\":500,\"concurrency\":8}"))
			.andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return Long.parseLong(response.getHeader("Location").replaceAll(".*/", ""));
	}

	/** Waits (bounded: two minutes) for the job to reach the status. */
	private void awaitStatus(long job, String status) throws InterruptedException {
		String current = null;
		for (int i = 0; i < 1200; i++) {
			current = jdbc.sql("SELECT status FROM monitoring_job WHERE id = :id").param("id", job)
				.query(String.class).single();
			if (current.equals(status)) {
				return;
			}
			Thread.sleep(100);
		}
		assertThat(current).as("status of job " + job + " after two minutes").isEqualTo(status);
	}

}
