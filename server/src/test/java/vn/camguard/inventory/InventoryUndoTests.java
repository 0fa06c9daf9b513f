package vn.camguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.camguard.organization.OrganizationSetup;

/**
 * Undoing mistakes in the inventory (issue 15, item 7): deleting a device, a system or a site needs a
 * reason, stays inside the caller's units and is audited with the deleted record; a system or site
 * still used by devices is not deleted; every import is a batch that its importer's units can roll back
 * as a whole, in one audited step, and nobody outside them can.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryUndoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	InventoryTestUnits units;

	@BeforeAll
	void createUnits() {
		units = InventoryTestUnits.create(setup);
	}

	@Test
	void aDeviceIsDeletedWithAReasonInsideTheCallersUnitsAndAudited() throws Exception {
		long id = createDevice(units.serial("del1"), null, null);

		assertThat(status(asOfficerB(delete("/api/v1/inventory/devices/{id}", id).param("reason", "không phải của tôi"))))
			.isEqualTo(404);
		assertThat(status(asOfficerA(delete("/api/v1/inventory/devices/{id}", id)))).isEqualTo(422);
		assertThat(status(asOfficerA(delete("/api/v1/inventory/devices/{id}", id).param("reason", "  ")))).isEqualTo(422);
		assertThat(devices(units.serial("del1"))).isOne();

		assertThat(status(asOfficerA(delete("/api/v1/inventory/devices/{id}", id).param("reason", "Nhập trùng thiết bị"))))
			.isEqualTo(204);
		assertThat(devices(units.serial("del1"))).isZero();
		Audit entry = audit("device.delete", Long.toString(id));
		assertThat(entry.before()).contains(units.serial("del1")).contains("Hikvision");
		assertThat(entry.after()).contains("Nhập trùng thiết bị");
		assertThat(entry.actor()).isEqualTo(units.officerA());
	}

	@Test
	void theDeleteFormAsksForAReasonAndKeepsOtherUnitsOut() throws Exception {
		long id = createDevice(units.serial("del2"), null, null);

		assertThat(status(asOfficerB(get("/inventory/cameras/{id}/delete", id)))).isEqualTo(404);
		assertThat(status(asOfficerB(post("/inventory/cameras/{id}/delete", id).param("reason", "x")))).isEqualTo(404);
		MockHttpServletResponse form = mvc.perform(asOfficerA(get("/inventory/cameras/{id}/delete", id).param("lang", "en")))
			.andReturn()
			.getResponse();
		assertThat(form.getContentAsString(StandardCharsets.UTF_8)).contains("name=\"reason\"").contains("Reason");

		MockHttpServletResponse refused = mvc
			.perform(asOfficerA(post("/inventory/cameras/{id}/delete", id).param("reason", "")))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-errors\"");
		assertThat(devices(units.serial("del2"))).isOne();

		MockHttpServletResponse deleted = mvc
			.perform(asOfficerA(post("/inventory/cameras/{id}/delete", id).param("reason", "Camera đã tháo, thay mới")))
			.andReturn()
			.getResponse();
		assertThat(deleted.getStatus()).isEqualTo(302);
		assertThat(deleted.getRedirectedUrl()).isEqualTo("/inventory/cameras");
		assertThat(devices(units.serial("del2"))).isZero();
		assertThat(audit("device.delete", Long.toString(id)).after()).contains("Camera đã tháo, thay mới");
	}

	@Test
	void aSystemOrSiteStillUsedByDevicesIsNotDeleted() throws Exception {
		long system = created(asOfficerA(post("/api/v1/inventory/systems").contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":%d,\"name\":\"Hệ thống xóa %s\"}".formatted(units.districtA().id(), units.tag()))));
		long site = created(asOfficerA(post("/api/v1/inventory/sites").contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":%d,\"name\":\"Điểm xóa %s\"}".formatted(units.districtA().id(), units.tag()))));
		long device = createDevice(units.serial("del3"), system, site);

		MockHttpServletResponse refused = mvc
			.perform(asOfficerA(delete("/api/v1/inventory/systems/{id}", system).param("reason", "Hệ thống cũ")))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.problems[*].code"))
			.containsExactly("still-has-devices");
		assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.problems[0].message")).contains("Còn 1 thiết bị");
		assertThat(status(asOfficerA(delete("/api/v1/inventory/sites/{id}", site).param("reason", "Điểm cũ"))))
			.isEqualTo(422);
		String page = mvc.perform(asOfficerA(get("/inventory/systems/{id}/delete", system)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"delete-blocked\"").contains("/inventory/cameras?system=" + system);
		assertThat(count("inventory_system", system)).isOne();
		assertThat(count("inventory_site", site)).isOne();

		assertThat(status(asOfficerB(delete("/api/v1/inventory/systems/{id}", system).param("reason", "x")))).isEqualTo(404);
		assertThat(status(asOfficerA(delete("/api/v1/inventory/devices/{id}", device).param("reason", "Chuyển đi"))))
			.isEqualTo(204);
		assertThat(status(asOfficerA(delete("/api/v1/inventory/systems/{id}", system).param("reason", "Hệ thống cũ"))))
			.isEqualTo(204);
		assertThat(status(asOfficerA(post("/inventory/sites/{id}/delete", site).param("reason", "Điểm cũ")))).isEqualTo(302);
		assertThat(count("inventory_system", system)).isZero();
		assertThat(count("inventory_site", site)).isZero();
		assertThat(audit("system.delete", Long.toString(system)).before()).contains("Hệ thống xóa " + units.tag());
		assertThat(audit("site.delete", Long.toString(site)).after()).contains("Điểm cũ");
	}

	@Test
	void anImportIsRolledBackAsAWholeOnlyByItsImportersUnits() throws Exception {
		long batch = importRows("roll", 3);
		assertThat(devicesLike("roll")).isEqualTo(3);

		// another district's officer neither sees nor rolls back the import
		assertThat(mvc.perform(asOfficerB(get("/api/v1/inventory/imports"))).andReturn().getResponse().getContentAsString())
			.doesNotContain("\"id\":" + batch + ",");
		assertThat(status(asOfficerB(post("/api/v1/inventory/imports/{id}/rollback", batch).param("reason", "x"))))
			.isEqualTo(404);
		assertThat(status(asOfficerB(post("/inventory/imports/{id}/rollback", batch).param("reason", "x")))).isEqualTo(404);
		assertThat(status(asOfficerA(post("/api/v1/inventory/imports/{id}/rollback", batch)))).isEqualTo(422);
		assertThat(devicesLike("roll")).isEqualTo(3);

		// a device edited since the import stops the rollback and is named
		long edited = jdbc.sql("SELECT id FROM inventory_device WHERE serial = :s")
			.param("s", units.serial("roll1"))
			.query(Long.class)
			.single();
		assertThat(status(asOfficerA(put("/api/v1/inventory/devices/{id}", edited).contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":%d,\"kind\":\"CAMERA\",\"vendor\":\"Hikvision\",\"serial\":\"%s\",\"name\":\"Cổng\"}"
				.formatted(units.districtA().id(), units.serial("roll1")))))).isEqualTo(200);
		MockHttpServletResponse refused = mvc
			.perform(asOfficerA(post("/api/v1/inventory/imports/{id}/rollback", batch).param("reason", "Sai tệp")))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("changed-since-import")
			.contains(units.serial("roll1"));
		assertThat(devicesLike("roll")).isEqualTo(3);

		assertThat(status(asOfficerA(delete("/api/v1/inventory/devices/{id}", edited).param("reason", "Sửa nhầm")))).isEqualTo(204);
		MockHttpServletResponse rolledBack = mvc
			.perform(asOfficerA(post("/api/v1/inventory/imports/{id}/rollback", batch).param("reason", "Nhập nhầm tệp của huyện khác")))
			.andReturn()
			.getResponse();
		assertThat(rolledBack.getStatus()).as(rolledBack.getContentAsString()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(rolledBack.getContentAsString(), "$.removed")).isEqualTo(2);
		assertThat(devicesLike("roll")).isZero();
		Audit entry = audit("device.import.rollback", Long.toString(batch));
		assertThat(entry.after()).contains("Nhập nhầm tệp của huyện khác").contains("\"removed\":2");
		assertThat(entry.before()).contains("roll.csv");
		assertThat(entry.unitId()).isEqualTo(units.districtA().id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'device.import.rollback' AND entity_id = :id")
			.param("id", Long.toString(batch))
			.query(Long.class)
			.single()).isOne();

		assertThat(status(asOfficerA(post("/api/v1/inventory/imports/{id}/rollback", batch).param("reason", "again"))))
			.isEqualTo(422);
		String list = mvc.perform(asOfficerA(get("/inventory/imports").param("lang", "en")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("roll.csv").contains("Rolled back by " + units.officerA());
	}

	@Test
	void theRollbackPageAsksForAReasonAndRollsBack() throws Exception {
		long batch = importRows("webroll", 2);
		String list = mvc.perform(asOfficerA(get("/inventory/imports"))).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("/inventory/imports/" + batch + "/rollback");
		MockHttpServletResponse refused = mvc.perform(asOfficerA(post("/inventory/imports/{id}/rollback", batch)))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString()).contains("id=\"form-errors\"");
		assertThat(devicesLike("webroll")).isEqualTo(2);

		MockHttpServletResponse done = mvc
			.perform(asOfficerA(post("/inventory/imports/{id}/rollback", batch).param("reason", "Tệp thử")))
			.andReturn()
			.getResponse();
		assertThat(done.getStatus()).isEqualTo(302);
		assertThat(devicesLike("webroll")).isZero();
	}

	@Test
	void aHundredThousandRowImportIsRolledBackInOneStep() throws Exception {
		int rows = 100_000;
		long batch = importRows("big", rows);
		assertThat(devicesLike("big")).isEqualTo(rows);

		long started = System.nanoTime();
		MockHttpServletResponse rolledBack = mvc
			.perform(asOfficerA(post("/api/v1/inventory/imports/{id}/rollback", batch).param("reason", "Tệp lớn nhập nhầm")))
			.andReturn()
			.getResponse();
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("rollback of a %,d-row import: %,d ms on %s%n", rows, millis, databaseName());

		assertThat(rolledBack.getStatus()).as(rolledBack.getContentAsString()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(rolledBack.getContentAsString(), "$.removed")).isEqualTo(rows);
		assertThat(devicesLike("big")).isZero();
	}

	// ---- helpers

	private long importRows(String marker, int rows) throws Exception {
		StringBuilder csv = new StringBuilder("unit_code,kind,vendor,serial\n");
		for (int i = 0; i < rows; i++) {
			csv.append(units.districtA().code()).append(",CAMERA,Hikvision,").append(units.serial(marker + i)).append('\n');
		}
		MockHttpServletResponse response = mvc
			.perform(multipart("/api/v1/inventory/devices/import")
				.file(new MockMultipartFile("file", marker + ".csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
				.with(httpBasic(units.officerA(), units.password())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return ((Number) JsonPath.read(response.getContentAsString(), "$.importId")).longValue();
	}

	private long createDevice(String serial, Long system, Long site) throws Exception {
		return created(asOfficerA(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":%d,\"systemId\":%s,\"siteId\":%s,\"kind\":\"CAMERA\",\"vendor\":\"Hikvision\",\"serial\":\"%s\"}"
				.formatted(units.districtA().id(), system, site, serial))));
	}

	private long created(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private MockHttpServletRequestBuilder asOfficerA(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(units.officerA(), units.password())).with(csrf());
	}

	private MockHttpServletRequestBuilder asOfficerB(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(units.officerB(), units.password())).with(csrf());
	}

	private long devices(String serial) {
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE serial = :s").param("s", serial).query(Long.class).single();
	}

	private long devicesLike(String marker) {
		return jdbc.sql("SELECT COUNT(*) FROM inventory_device WHERE serial LIKE :p")
			.param("p", units.serial(marker) + "%")
			.query(Long.class)
			.single();
	}

	private long count(String table, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).single();
	}

	record Audit(String actor, Long unitId, String before, String after) {
	}

	private Audit audit(String action, String entityId) {
		return jdbc.sql("SELECT actor, unit_id, before_json, after_json FROM audit_entry WHERE action = :a AND entity_id = :id")
			.param("a", action)
			.param("id", entityId)
			.query((rs, row) -> new Audit(rs.getString(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4)))
			.single();
	}

	private String databaseName() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
	}

}
