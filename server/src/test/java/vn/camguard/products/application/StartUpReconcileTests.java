package vn.camguard.products.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.CamGuardApplication;
import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.schedule.WorkPlanner;

/**
 * A server starts serving before the start-up reconcile of the stored standings has run (it takes about a minute
 * per 100,000 devices); the devices-by-standing list says that it may be stale meanwhile, and the reconcile runs
 * afterwards as scheduled work.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StartUpReconcileTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	StandingComputation computation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aServerServesBeforeItsStartUpReconcileWhichRunsAfterwards() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		long changed = device(tree, officer, "1");
		long missing = device(tree, officer, "2");
		// what a server that was down meanwhile, or a new build's CVE list, finds at its start: a row computed from
		// other inputs, and a device without a row
		jdbc.sql("UPDATE device_standing SET cve_list = 'an older list' WHERE device_id = :id").param("id", changed)
			.update();
		jdbc.sql("DELETE FROM device_standing WHERE device_id = :id").param("id", missing).update();

		try (ConfigurableApplicationContext started = new SpringApplicationBuilder(CamGuardApplication.class)
			.properties("server.port=0", "server.address=127.95.0.1", "spring.jmx.enabled=false",
					"camguard.schedule.polling-interval=200ms",
					// kept from running by itself during the test, so that what is served before it can be seen
					"camguard.standings.start-up-reconcile-delay=1h")
			.run()) {
			int port = Integer.parseInt(started.getEnvironment().getProperty("local.server.port"));
			try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
				HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.95.0.1:" + port + "/login"))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(login.statusCode()).as("served while the reconcile has not run").isEqualTo(200);
			}
			assertThat(cveList(changed)).as("stale row right after start-up").contains("an older list");
			assertThat(cveList(missing)).as("missing row right after start-up").isEmpty();
			MockMvc served = MockMvcBuilders.webAppContextSetup((WebApplicationContext) started)
				.apply(springSecurity())
				.build();
			assertThat(devicesPage(served, officer)).contains("id=\"standing-reconciling\"");

			StandingUpkeep upkeep = started.getBean(StandingUpkeep.class);
			assertThat(upkeep.reconcilePending()).isTrue();
			assertThat(started.getBean(WorkPlanner.class)
				.bringForward(StandingUpkeep.START_UP_WORK, StandingUpkeep.START_UP, Instant.now())).isTrue();
			for (int i = 0; i < 600 && upkeep.reconcilePending(); i++) {
				Thread.sleep(100);
			}
			assertThat(upkeep.reconcilePending()).as("reconcile done within a minute").isFalse();
			assertThat(cveList(changed)).contains(computation.cveList());
			assertThat(cveList(missing)).contains(computation.cveList());
			assertThat(devicesPage(served, officer)).doesNotContain("id=\"standing-reconciling\"");
		}
	}

	private Optional<String> cveList(long device) {
		return jdbc.sql("SELECT cve_list FROM device_standing WHERE device_id = :id").param("id", device)
			.query(String.class)
			.optional();
	}

	private static String devicesPage(MockMvc served, TestTree.TestUser officer) throws Exception {
		MockHttpServletResponse page = served.perform(get("/products/devices").with(user(officer.principal())))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		return page.getContentAsString();
	}

	private long device(TestTree tree, TestTree.TestUser officer, String serial) throws Exception {
		Map<String, Object> fields = Map.of("unitId", tree.districtA().id(), "kind", "CAMERA", "vendor", "Dahua",
				"model", "IPC-" + tree.prefix(), "firmware", "V1", "serial", "SN-" + tree.prefix() + "-" + serial);
		MockHttpServletResponse created = mvc.perform(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(fields))
			.with(csrf())
			.with(user(officer.principal()))).andReturn().getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String location = created.getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

}
