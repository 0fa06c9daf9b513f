package vn.camguard.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

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
import vn.camguard.lab.FleetSpec;
import vn.camguard.lab.Lab;
import vn.camguard.lab.Profile;
import vn.camguard.lab.RunningLab;
import vn.camguard.lab.Weakness;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Scan jobs end to end with the camera lab on 127.63.x.y: an ISP registers a range, the province approves it, a job
 * scheduled through the API runs on db-scheduler in parts, the lab's weaknesses become findings; after some lab
 * devices are fixed a second scan marks their findings FIXED. An unapproved or expired range is refused in the API
 * and when the scheduler starts the run, and no connection reaches the address.
 */
@SpringBootTest(properties = { "camguard.schedule.polling-interval=200ms", "camguard.monitoring.part-size=4",
		"camguard.monitoring.connect-timeout=1s", "camguard.monitoring.read-timeout=3s",
		// an execution whose instance stops sending heartbeats is taken over within seconds, not 20 minutes
		"camguard.schedule.heartbeat-interval=2s" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanJobLabTests {

	/** What each lab device has; all are checks of the STANDARD profile (no logins, so no lockout pacing). */
	static final Map<String, Set<Weakness>> FLEET = new TreeMap<>(Map.of(
			"127.63.1.1", Set.of(Weakness.TELNET_OPEN, Weakness.CLEARTEXT_MANAGEMENT),
			"127.63.1.2", Set.of(Weakness.RTSP_NO_AUTH),
			"127.63.1.3", Set.of(Weakness.SNAPSHOT_NO_AUTH, Weakness.TELNET_OPEN),
			"127.63.1.4", Set.of(Weakness.TELNET_OPEN),
			"127.63.1.5", Set.of(Weakness.RTSP_NO_AUTH, Weakness.CLEARTEXT_MANAGEMENT),
			"127.63.1.6", Set.of()));

	static final Map<Weakness, String> CHECK_FOR = Map.of(Weakness.TELNET_OPEN, "CG-SVC-TELNET",
			Weakness.CLEARTEXT_MANAGEMENT, "CG-WEB-CLEARTEXT", Weakness.RTSP_NO_AUTH, "CG-RTSP-NOAUTH",
			Weakness.SNAPSHOT_NO_AUTH, "CG-SNAPSHOT-NOAUTH");

	/** The checks this test looks at (the lab devices' firmware and TLS are left as the profile makes them). */
	static final Set<String> WATCHED = Set.copyOf(CHECK_FOR.values());

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

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
	void aScheduledScanOfAnApprovedRangeFindsTheLabsWeaknessesAndASecondScanMarksFixedOnesFixed() throws Exception {
		long range = registerRange("127.63.1.0/29");
		approve(range, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30));

		long firstJob;
		try (RunningLab lab = Lab.start(fleet(Set.of()))) {
			firstJob = createJob("127.63.1.1-127.63.1.6");
			awaitStatus(firstJob, "FINISHED");
		}
		Map<String, Set<String>> expected = new TreeMap<>();
		FLEET.forEach((address, weaknesses) -> expected.put(address,
				new TreeSet<>(weaknesses.stream().map(CHECK_FOR::get).toList())));
		assertThat(openChecks()).isEqualTo(expected);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_job_part WHERE job_id = :job AND status = 'DONE'")
			.param("job", firstJob).query(Long.class).single()).as("6 addresses in parts of 4 aligned: .1-.3, .4-.6")
			.isEqualTo(2);

		// devices .1 and .2 are fixed: the lab serves them again without their weaknesses
		Set<String> fixed = Set.of("127.63.1.1", "127.63.1.2");
		try (RunningLab lab = Lab.start(fleet(fixed))) {
			long job = createJob("127.63.1.0/29");
			awaitStatus(job, "FINISHED");
		}
		Map<String, Set<String>> stillOpen = new TreeMap<>(expected);
		fixed.forEach(address -> stillOpen.put(address, Set.of()));
		assertThat(openChecks()).isEqualTo(stillOpen);
		record Row(String address, String checkId, String status, int timesSeen) {
		}
		List<Row> rows = jdbc.sql("SELECT address, check_id, status, times_seen FROM monitoring_finding "
				+ "WHERE organization_id = :org").param("org", isp.id()).query(Row.class).list();
		for (Row row : rows.stream().filter(r -> WATCHED.contains(r.checkId()) && FLEET.containsKey(r.address())).toList()) {
			if (fixed.contains(row.address())) {
				assertThat(row.status()).as(row.toString()).isEqualTo("FIXED");
				assertThat(row.timesSeen()).as(row.toString()).isEqualTo(1);
			}
			else {
				assertThat(row.status()).as(row.toString()).isEqualTo("NEW");
				assertThat(row.timesSeen()).as(row.toString()).isEqualTo(2);
			}
		}
	}

	@Test
	void anUnapprovedRangeIsRefusedInTheApiAndAnExpiredOneWhenTheSchedulerStartsTheRunAndNothingIsSent()
			throws Exception {
		InetAddress address = InetAddress.getByName("127.63.2.1");
		AtomicInteger connections = new AtomicInteger();
		try (ServerSocket camera = new ServerSocket()) {
			camera.bind(new InetSocketAddress(address, 8080));
			Thread listener = Thread.ofVirtual().start(() -> {
				while (!camera.isClosed()) {
					try (Socket accepted = camera.accept()) {
						connections.incrementAndGet();
					}
					catch (IOException closed) {
						return;
					}
				}
			});
			long range = registerRange("127.63.2.0/30");

			// not approved yet: refused with the reason, no job stored
			MockHttpServletResponse refused = postJob("127.63.2.1", null);
			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("monitoring.scan.refused.pending");
			// outside every range of the organisation
			MockHttpServletResponse outside = postJob("127.63.3.1", null);
			assertThat(outside.getStatus()).isEqualTo(422);
			assertThat(outside.getContentAsString(StandardCharsets.UTF_8)).contains("monitoring.scan.refused.outside");
			assertThat(jobCount()).isZero();

			// approved: the job is accepted for tomorrow; then the approval runs out before the run is due
			approve(range, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10));
			String tomorrow = java.time.LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1)
				.truncatedTo(ChronoUnit.MINUTES).toString();
			MockHttpServletResponse accepted = postJob("127.63.2.1", tomorrow);
			assertThat(accepted.getStatus()).isEqualTo(201);
			long job = jdbc.sql("SELECT MAX(id) FROM monitoring_job WHERE organization_id = :org")
				.param("org", isp.id()).query(Long.class).single();
			jdbc.sql("UPDATE monitoring_range SET valid_until = :past WHERE id = :id")
				.param("past", Timestamp.from(Instant.now().minusSeconds(60)))
				.param("id", range)
				.update();
			// the run falls due now (as if tomorrow had come)
			assertThat(jdbc.sql("UPDATE scheduled_tasks SET execution_time = :now WHERE task_name = "
					+ "'monitoring-scan-start' AND task_instance = :instance")
				.param("now", Timestamp.from(Instant.now()))
				.param("instance", "job-" + job + "-run-1")
				.update()).isEqualTo(1);
			awaitStatus(job, "REFUSED");
			String page = mvc.perform(get("/monitoring/jobs/" + job).with(user(operator.principal())))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains("Từ chối quét 127.63.2.1: dải địa chỉ chứa nó đã hết hạn phê duyệt");
			assertThat(connections.get()).as("connections that reached the refused address").isZero();

			// the listener does count connections: a direct one is seen
			try (Socket probe = new Socket(address, 8080)) {
				probe.getOutputStream().flush();
			}
			for (int i = 0; i < 100 && connections.get() == 0; i++) {
				Thread.sleep(50);
			}
			assertThat(connections.get()).isEqualTo(1);
			camera.close();
			listener.join(5000);
		}
	}

	@Test
	void aPartLeftRunningByADeadInstanceIsTakenOverAndItsFindingsRecordedOnce() throws Exception {
		long range = registerRange("127.63.4.0/30");
		approve(range, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30));
		try (RunningLab lab = Lab.start(new FleetSpec(List.of(DeviceSpec.of("cam-dead", "127.63.4.1",
				Profile.HIKVISION_IPC, Set.of(Weakness.TELNET_OPEN))), 0))) {
			// what an instance killed in the middle of the job's only part leaves behind
			long job = deadInstancesRun("127.63.4.1");
			awaitStatus(job, "FINISHED");
			assertThat(partAttempts(job)).as("scanned again by the live instance").isEqualTo(2);
			assertThat(telnetTimesSeen("127.63.4.1")).isEqualTo(1);

			// died after the ledger recorded the part but before the part was marked done: taken over, not doubled
			long again = deadInstancesRun("127.63.4.1");
			jdbc.sql("INSERT INTO monitoring_ledger_part (part_key, organization_id, recorded_at) VALUES (:key, :org, :at)")
				.param("key", "job-" + again + "/run-1/part-1")
				.param("org", isp.id())
				.param("at", Timestamp.from(Instant.now()))
				.update();
			awaitStatus(again, "FINISHED");
			assertThat(partAttempts(again)).isEqualTo(2);
			assertThat(telnetTimesSeen("127.63.4.1")).as("the part was recorded by the dead instance already")
				.isEqualTo(1);
		}
	}

	@Test
	void aCancelledJobNeverStartsAndItsPlannedRunIsDropped() throws Exception {
		long range = registerRange("127.63.5.0/30");
		approve(range, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30));
		String tomorrow = java.time.LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1)
			.truncatedTo(ChronoUnit.MINUTES).toString();
		MockHttpServletResponse created = postJob("127.63.5.1", tomorrow);
		assertThat(created.getStatus()).isEqualTo(201);
		long job = Long.parseLong(created.getHeader("Location").replaceAll(".*/", ""));
		assertThat(plannedStarts(job)).isEqualTo(1);

		MockHttpServletResponse cancelled = mvc.perform(post("/api/v1/monitoring/jobs/" + job + "/cancel").with(csrf())
			.with(user(operator.principal()))).andReturn().getResponse();
		assertThat(cancelled.getStatus()).isEqualTo(200);
		assertThat(cancelled.getContentAsString()).contains("\"status\":\"CANCELLED\"");
		assertThat(plannedStarts(job)).isZero();
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'monitoring-job' AND entity_id = :id "
				+ "ORDER BY seq").param("id", Long.toString(job)).query(String.class).list())
			.containsExactly("monitoring.job.create", "monitoring.job.cancel");
		assertThat(mvc.perform(post("/api/v1/monitoring/jobs/" + job + "/cancel").with(csrf())
			.with(user(operator.principal()))).andReturn().getResponse().getStatus()).as("nothing left to cancel")
			.isEqualTo(422);
	}

	private long plannedStarts(long job) {
		return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'monitoring-scan-start' "
				+ "AND task_instance = :instance").param("instance", "job-" + job + "-run-1").query(Long.class).single();
	}

	/** A one-part job in the middle of its run, its part picked by an instance that stopped an hour ago. */
	private long deadInstancesRun(String address) {
		Timestamp hourAgo = Timestamp.from(Instant.now().minusSeconds(3600));
		jdbc.sql("""
				INSERT INTO monitoring_job (organization_id, name, targets, profile, rate_per_second, concurrency,
				  recurrence, first_run, status, created_by, created_at, run_number)
				VALUES (:org, 'dead instance', :address, 'STANDARD', 100, 4, 'ONCE', :at, 'RUNNING', 'test', :at, 1)""")
			.param("org", isp.id()).param("address", address).param("at", hourAgo).update();
		long job = jdbc.sql("SELECT MAX(id) FROM monitoring_job WHERE organization_id = :org").param("org", isp.id())
			.query(Long.class).single();
		jdbc.sql("""
				INSERT INTO monitoring_job_run (job_id, run_number, status, parts, hosts_total, started_at)
				VALUES (:job, 1, 'RUNNING', 1, 1, :at)""").param("job", job).param("at", hourAgo).update();
		jdbc.sql("""
				INSERT INTO monitoring_job_part (job_id, run_number, part_number, first_address, last_address, hosts,
				  status, hosts_done, devices_found, weaknesses_seen, started_at, attempts)
				VALUES (:job, 1, 1, :address, :address, 1, 'SCANNING', 0, 0, 0, :at, 1)""")
			.param("job", job).param("address", address).param("at", hourAgo).update();
		jdbc.sql("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
				  consecutive_failures, last_heartbeat, version)
				VALUES ('monitoring-scan-part', :instance, :data, :at, TRUE, 'dead-instance', 0, :at, 1)""")
			.param("instance", "job-" + job + "-run-1-part-1")
			.param("data", com.github.kagkarlsson.scheduler.serializer.Serializer.DEFAULT_JAVA_SERIALIZER
				.serialize(job + ":1:1"))
			.param("at", hourAgo)
			.update();
		return job;
	}

	private int partAttempts(long job) {
		return jdbc.sql("SELECT attempts FROM monitoring_job_part WHERE job_id = :job").param("job", job)
			.query(Integer.class).single();
	}

	private int telnetTimesSeen(String address) {
		return jdbc.sql("SELECT times_seen FROM monitoring_finding WHERE organization_id = :org AND address = :address "
				+ "AND check_id = 'CG-SVC-TELNET'").param("org", isp.id()).param("address", address)
			.query(Integer.class).single();
	}

	private FleetSpec fleet(Set<String> fixed) {
		List<DeviceSpec> devices = FLEET.entrySet().stream()
			.map(e -> DeviceSpec.of("cam-" + e.getKey().substring(e.getKey().lastIndexOf('.') + 1), e.getKey(),
					Profile.HIKVISION_IPC, fixed.contains(e.getKey()) ? Set.of() : e.getValue()))
			.toList();
		return new FleetSpec(devices, 0);
	}

	private Map<String, Set<String>> openChecks() {
		Map<String, Set<String>> open = new TreeMap<>();
		FLEET.keySet().forEach(address -> open.put(address, new TreeSet<>()));
		record Open(String address, String checkId) {
		}
		jdbc.sql("SELECT address, check_id FROM monitoring_finding WHERE organization_id = :org AND status = 'NEW'")
			.param("org", isp.id())
			.query(Open.class)
			.list()
			.stream()
			.filter(o -> WATCHED.contains(o.checkId()) && FLEET.containsKey(o.address()))
			.forEach(o -> open.computeIfAbsent(o.address(), a -> new TreeSet<>()).add(o.checkId()));
		return open;
	}

	private long registerRange(String range) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/monitoring/ranges").with(csrf())
			.with(user(operator.principal()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + isp.id() + ",\"range\":\"" + range + "\",\"purpose\":\"test\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return Long.parseLong(response.getHeader("Location").replaceAll(".*/", ""));
	}

	private void approve(long range, LocalDate until) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/monitoring/ranges/" + range + "/decision")
			.with(csrf())
			.with(user(admin.principal()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"approve\":true,\"validUntil\":\"" + until + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
	}

	private MockHttpServletResponse postJob(String targets, String firstRun) throws Exception {
		return mvc.perform(post("/api/v1/monitoring/jobs").with(csrf())
			.with(user(operator.principal()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + isp.id() + ",\"name\":\"lab scan\",\"targets\":\"" + targets
					+ "\",\"profile\":\"STANDARD\",\"ratePerSecond\":500,\"concurrency\":8"
					+ (firstRun == null ? "" : ",\"firstRun\":\"" + firstRun + "\"") + "}"))
			.andReturn()
			.getResponse();
	}

	private long createJob(String targets) throws Exception {
		MockHttpServletResponse response = postJob(targets, null);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return Long.parseLong(response.getHeader("Location").replaceAll(".*/", ""));
	}

	private long jobCount() {
		return jdbc.sql("SELECT COUNT(*) FROM monitoring_job WHERE organization_id = :org")
			.param("org", isp.id())
			.query(Long.class)
			.single();
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
