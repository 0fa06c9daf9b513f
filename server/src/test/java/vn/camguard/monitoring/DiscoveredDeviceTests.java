package vn.camguard.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

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

import vn.camguard.TestTree;
import vn.camguard.TestTree.TestUser;
import vn.camguard.lab.DeviceSpec;
import vn.camguard.lab.DeviceTruth;
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.schedule.WorkPlanner;

/**
 * Discovered devices with the camera lab on 127.77.1.x: a discovery-only job records the lab's devices with their
 * fingerprint and no finding; a part recorded twice is recorded once; a device is adopted into the inventory in one
 * action or matched to the entry with its address (audited, linked once); device text stays text; a recurring job's
 * run that falls due while the previous run still runs is skipped and recorded so.
 */
@SpringBootTest(properties = { "camguard.schedule.polling-interval=200ms", "camguard.monitoring.part-size=4",
		"camguard.monitoring.connect-timeout=1s", "camguard.monitoring.read-timeout=3s" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveredDeviceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeviceSightings sightings;

	@Autowired
	WorkPlanner planner;

	TestTree tree;

	UnitRef isp;

	TestUser operator;

	TestUser admin;

	@BeforeAll
	void organisations() {
		tree = TestTree.create(setup);
		isp = tree.unit("ISP", "ISP", tree.province());
		operator = tree.user("isp-operator", Role.ISP_OPERATOR, isp);
		admin = tree.user("province-admin", Role.PROVINCE_ADMIN, tree.province());
	}

	@Test
	void aDiscoveryJobRecordsTheLabsDevicesWithTheirFingerprintAndNoFinding() throws Exception {
		long range = registerRange("127.77.1.0/29");
		approve(range);
		List<DeviceSpec> specs = List.of(
				DeviceSpec.of("cam-1", "127.77.1.1", Profile.HIKVISION_IPC,
						Set.of(Weakness.TELNET_OPEN, Weakness.RTSP_NO_AUTH)),
				DeviceSpec.of("cam-2", "127.77.1.2", Profile.DAHUA_IPC, Set.of(Weakness.CLEARTEXT_MANAGEMENT)),
				DeviceSpec.of("cam-3", "127.77.1.3", Profile.HIKVISION_IPC, Set.of(Weakness.SNAPSHOT_NO_AUTH)));
		long job;
		List<DeviceTruth> truths;
		try (RunningLab lab = Lab.start(new FleetSpec(specs, 0))) {
			truths = lab.manifest().devices();
			job = createJob("127.77.1.1-127.77.1.6", "DISCOVERY");
			awaitStatus(job, "FINISHED");
		}
		record Row(String address, String openPorts, String vendor, String model, int timesSeen, long firstJobId) {
		}
		List<Row> rows = jdbc.sql("SELECT address, open_ports, vendor, model, times_seen, first_job_id "
				+ "FROM monitoring_device WHERE organization_id = :org ORDER BY address")
			.param("org", isp.id()).query(Row.class).list();
		assertThat(rows).extracting(Row::address).containsExactly("127.77.1.1", "127.77.1.2", "127.77.1.3");
		for (DeviceTruth truth : truths) {
			Row row = rows.stream().filter(r -> r.address().equals(truth.address())).findFirst().orElseThrow();
			assertThat(row.model()).as(truth.id()).isEqualTo(truth.model());
			assertThat(row.vendor()).as(truth.id()).isNotBlank();
			assertThat(row.openPorts()).as(truth.id()).contains("80");
			assertThat(row.timesSeen()).isEqualTo(1);
			assertThat(row.firstJobId()).isEqualTo(job);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_finding WHERE organization_id = :org")
			.param("org", isp.id()).query(Long.class).single()).as("a discovery job records no finding").isZero();

		String listed = mvc.perform(get("/api/v1/monitoring/devices").param("jobId", Long.toString(job))
			.with(user(operator.principal()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(listed).contains("127.77.1.1", "127.77.1.2", "127.77.1.3");
		String page = mvc.perform(get("/monitoring/devices").param("jobId", Long.toString(job))
			.with(user(operator.principal()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("127.77.1.2", truths.get(1).model());
		TestUser stranger = tree.user("other-isp", Role.ISP_OPERATOR, tree.unit("ISP2", "ISP", tree.province()));
		assertThat(mvc.perform(get("/api/v1/monitoring/devices").param("jobId", Long.toString(job))
			.with(user(stranger.principal()))).andReturn().getResponse().getContentAsString())
			.as("another organisation's operator sees none of them").isEqualTo("[]");
	}

	@Test
	void aPartRecordedAgainAfterARestartChangesNothing() {
		long job = jobRow("DAILY", "SCHEDULED", 0);
		List<SeenDevice> seen = List.of(new SeenDevice("127.77.2.1", List.of(80, 554), "Hikvision", "DS-2CD", "V5.5",
				"CAMERA", null, null));
		Instant at = Instant.now();
		sightings.recordPart(isp.id(), job, "job-" + job + "/run-1/part-1", seen, at);
		sightings.recordPart(isp.id(), job, "job-" + job + "/run-1/part-1", seen, at.plusSeconds(5));
		assertThat(timesSeen("127.77.2.1")).isEqualTo(1);
		sightings.recordPart(isp.id(), job, "job-" + job + "/run-2/part-1", seen, at.plusSeconds(60));
		assertThat(timesSeen("127.77.2.1")).as("the next run is a new sighting").isEqualTo(2);
	}

	@Test
	void aDeviceIsAdoptedIntoTheInventoryInOneActionWithItsFingerprintAndOnlyOnce() throws Exception {
		long device = discovered("127.77.3.1", "Hikvision", "DS-2CD2143G2-I", "V5.7.3", "80,554");
		UnitRef owner = tree.communeA();

		MockHttpServletResponse noSerial = adopt(device, "{\"unitId\":" + owner.id() + "}");
		assertThat(noSerial.getStatus()).isEqualTo(422);
		assertThat(noSerial.getContentType()).contains("application/problem+json");
		assertThat(noSerial.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"serial\"");

		MockHttpServletResponse adopted = adopt(device,
				"{\"unitId\":" + owner.id() + ",\"serial\":\"SN-ADOPT-" + device + "\",\"name\":\"Cổng chính\"}");
		assertThat(adopted.getStatus()).as(adopted.getContentAsString()).isEqualTo(201);
		long inventoryId = Long.parseLong(adopted.getHeader("Location").replaceAll(".*/", ""));
		record Entry(long unitId, String vendor, String model, String firmware, String address, String openPorts) {
		}
		Entry entry = jdbc.sql("SELECT unit_id, vendor, model, firmware, address, open_ports FROM inventory_device "
				+ "WHERE id = :id").param("id", inventoryId).query(Entry.class).single();
		assertThat(entry).isEqualTo(new Entry(owner.id(), "Hikvision", "DS-2CD2143G2-I", "V5.7.3", "127.77.3.1",
				"80,554"));
		assertThat(jdbc.sql("SELECT linked_as FROM monitoring_device WHERE id = :id").param("id", device)
			.query(String.class).single()).isEqualTo("ADOPTED");
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE (entity_type = 'monitoring-device' AND entity_id = :d) "
				+ "OR (entity_type = 'device' AND entity_id = :i) ORDER BY seq")
			.param("d", Long.toString(device)).param("i", Long.toString(inventoryId)).query(String.class).list())
			.containsExactly("device.create", "monitoring.device.adopt");

		MockHttpServletResponse again = adopt(device,
				"{\"unitId\":" + owner.id() + ",\"serial\":\"SN-AGAIN-" + device + "\"}");
		assertThat(again.getStatus()).isEqualTo(422);
		assertThat(again.getContentAsString()).contains("monitoring.device.linked");

		// an ISP operator may see the device but holds no inventory write on the unit
		long other = discovered("127.77.3.2", "Dahua", "IPC-HFW", "2.8", "80");
		MockHttpServletResponse denied = mvc.perform(post("/api/v1/monitoring/devices/" + other + "/adopt").with(csrf())
			.with(user(operator.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":" + owner.id() + ",\"serial\":\"SN-DENIED\"}")).andReturn().getResponse();
		assertThat(denied.getStatus()).isEqualTo(403);
	}

	@Test
	void aDeviceIsMatchedToTheInventoryEntryWithItsAddressAsSuggested() throws Exception {
		long device = discovered("127.77.4.1", "Dahua", "IPC-HDW", "2.800", "80");
		long existing = inventoryEntry(tree.communeB(), "SN-MATCH-" + device, "127.77.4.1");
		long unrelated = inventoryEntry(tree.communeB(), "SN-OTHER-" + device, "127.77.4.99");

		String shown = mvc.perform(get("/api/v1/monitoring/devices/" + device).with(user(admin.principal())))
			.andReturn().getResponse().getContentAsString();
		assertThat(shown).contains("SN-MATCH-" + device).doesNotContain("SN-OTHER-" + device);

		MockHttpServletResponse wrong = match(device, unrelated);
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString()).contains("monitoring.device.noMatch");
		MockHttpServletResponse matched = match(device, existing);
		assertThat(matched.getStatus()).as(matched.getContentAsString()).isEqualTo(200);
		assertThat(matched.getContentAsString()).contains("\"linkedAs\":\"MATCHED\"", "\"inventoryDeviceId\":" + existing);
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'monitoring-device' AND entity_id = :d")
			.param("d", Long.toString(device)).query(String.class).list()).containsExactly("monitoring.device.match");
	}

	@Test
	void textADeviceSentIsShownAsText() throws Exception {
		long device = discovered("127.77.5.1", "<script>alert(1)</script>", "<b>x</b>", "1", "80");
		for (String path : List.of("/monitoring/devices/" + device, "/monitoring/devices?organizationId=" + isp.id())) {
			String page = mvc.perform(get(path).with(user(admin.principal()))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).as(path).doesNotContain("<script>alert(1)", "<b>x</b>").contains("&lt;script&gt;");
		}
	}

	@Test
	void aRunDueWhileThePreviousRunStillRunsIsSkippedAndTheNextOnePlanned() throws Exception {
		long job = jobRow("DAILY", "RUNNING", 1);
		Timestamp hourAgo = Timestamp.from(Instant.now().minusSeconds(3600));
		jdbc.sql("INSERT INTO monitoring_job_run (job_id, run_number, status, parts, hosts_total, started_at) "
				+ "VALUES (:job, 1, 'RUNNING', 1, 1, :at)").param("job", job).param("at", hourAgo).update();
		jdbc.sql("""
				INSERT INTO monitoring_job_part (job_id, run_number, part_number, first_address, last_address, hosts,
				  status, hosts_done, devices_found, weaknesses_seen, started_at, attempts)
				VALUES (:job, 1, 1, '127.77.6.1', '127.77.6.1', 1, 'SCANNING', 0, 0, 0, :at, 1)""")
			.param("job", job).param("at", hourAgo).update();
		planner.plan("monitoring-scan-start", "job-" + job + "-run-2", job + ":2", Instant.now());

		String status = null;
		for (int i = 0; i < 600 && status == null; i++) {
			Thread.sleep(100);
			status = jdbc.sql("SELECT status FROM monitoring_job_run WHERE job_id = :job AND run_number = 2")
				.param("job", job).query(String.class).optional().orElse(null);
		}
		assertThat(status).isEqualTo("SKIPPED");
		assertThat(jdbc.sql("SELECT refusal FROM monitoring_job_run WHERE job_id = :job AND run_number = 2")
			.param("job", job).query(String.class).single()).isEqualTo("monitoring.run.skipped.overlap|1");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_job_part WHERE job_id = :job AND run_number = 2")
			.param("job", job).query(Long.class).single()).as("nothing scanned for the skipped run").isZero();
		assertThat(jdbc.sql("SELECT status FROM monitoring_job_run WHERE job_id = :job AND run_number = 1")
			.param("job", job).query(String.class).single()).isEqualTo("RUNNING");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'monitoring-scan-start' "
				+ "AND task_instance = :instance").param("instance", "job-" + job + "-run-3").query(Long.class).single())
			.as("the run after is planned").isEqualTo(1);
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'monitoring-job' AND entity_id = :id")
			.param("id", Long.toString(job)).query(String.class).list()).containsExactly("monitoring.job.run.skipped");
		String page = mvc.perform(get("/api/v1/monitoring/jobs/" + job).with(user(operator.principal())))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).as("the progress shown is the running run's").contains("\"runNumber\":1");
		planner.drop("monitoring-scan-start", "job-" + job + "-run-3");
	}

	private long jobRow(String recurrence, String status, int run) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO monitoring_job (organization_id, name, targets, profile, rate_per_second, concurrency,
				  recurrence, first_run, status, created_by, created_at, next_run, run_number)
				VALUES (:org, 'overlap', '127.77.6.1', 'STANDARD', 10, 4, :recurrence, :at, :status, 'test', :at, :at,
				  :run)""")
			.param("org", isp.id()).param("recurrence", recurrence).param("status", status).param("at", now)
			.param("run", run).update();
		return jdbc.sql("SELECT MAX(id) FROM monitoring_job WHERE organization_id = :org").param("org", isp.id())
			.query(Long.class).single();
	}

	/** A device as a scan would have left it, with the given (device-sent) text. */
	private long discovered(String address, String vendor, String model, String firmware, String ports) {
		long job = jobRow("ONCE", "FINISHED", 1);
		sightings.recordPart(isp.id(), job, "job-" + job + "/run-1/part-1",
				List.of(new SeenDevice(address, java.util.Arrays.stream(ports.split(",")).map(Integer::valueOf).toList(),
						vendor, model, firmware, "CAMERA", null, null)),
				Instant.now());
		return jdbc.sql("SELECT id FROM monitoring_device WHERE organization_id = :org AND address = :address")
			.param("org", isp.id()).param("address", address).query(Long.class).single();
	}

	private long inventoryEntry(UnitRef unit, String serial, String address) throws Exception {
		MockHttpServletResponse created = mvc.perform(post("/api/v1/inventory/devices").with(csrf())
			.with(user(admin.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":" + unit.id() + ",\"kind\":\"CAMERA\",\"vendor\":\"Dahua\",\"serial\":\"" + serial
					+ "\",\"address\":\"" + address + "\"}"))
			.andReturn().getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return Long.parseLong(created.getHeader("Location").replaceAll(".*/", ""));
	}

	private MockHttpServletResponse adopt(long device, String body) throws Exception {
		return mvc.perform(post("/api/v1/monitoring/devices/" + device + "/adopt").with(csrf())
			.with(user(admin.principal())).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
			.getResponse();
	}

	private MockHttpServletResponse match(long device, long inventoryId) throws Exception {
		return mvc.perform(post("/api/v1/monitoring/devices/" + device + "/match").with(csrf())
			.with(user(admin.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"inventoryDeviceId\":" + inventoryId + "}")).andReturn().getResponse();
	}

	private int timesSeen(String address) {
		return jdbc.sql("SELECT times_seen FROM monitoring_device WHERE organization_id = :org AND address = :address")
			.param("org", isp.id()).param("address", address).query(Integer.class).single();
	}

	private long registerRange(String range) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/monitoring/ranges").with(csrf())
			.with(user(operator.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + isp.id() + ",\"range\":\"" + range + "\",\"purpose\":\"test\"}"))
			.andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return Long.parseLong(response.getHeader("Location").replaceAll(".*/", ""));
	}

	private void approve(long range) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/monitoring/ranges/" + range + "/decision")
			.with(csrf()).with(user(admin.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"approve\":true,\"validUntil\":\"" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30)
					+ "\"}"))
			.andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
	}

	private long createJob(String targets, String profile) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/monitoring/jobs").with(csrf())
			.with(user(operator.principal())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + isp.id() + ",\"name\":\"discovery\",\"targets\":\"" + targets
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
