package vn.camguard.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.camguard.TestTree;
import vn.camguard.TestTree.TestUser;

/**
 * The unit tree through the REST API and pages: scope (a unit officer of district A, standing for
 * TN-PY, neither sees nor moves units of district B, standing for TN-TPTN), moves and cycles,
 * deactivation, and all-or-nothing imports.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnitTreeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	UnitDirectory directory;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestUser provinceAdmin;

	@BeforeEach
	void tree() {
		tree = TestTree.create(setup);
		provinceAdmin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
	}

	@Test
	void aUnitOfficerSeesOnlyItsSubtreeAndChangesNothing() throws Exception {
		TestUser officer = tree.user("officer", Role.UNIT_OFFICER, tree.districtA());
		String list = body(get("/api/v1/units"), officer);
		assertThat(list).contains(tree.districtA().code(), tree.communeA().code())
			.doesNotContain(tree.districtB().code(), tree.communeB().code(), "\"" + tree.province().code() + "\"");
		mvc.perform(get("/api/v1/units/" + tree.communeB().id()).with(user(officer.principal())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/units/" + tree.communeB().id()).with(user(officer.principal())))
			.andExpect(status().isNotFound());
		// its own top unit opens, without revealing the parent above its grant
		String own = body(get("/units/" + tree.districtA().id()), officer);
		assertThat(own).contains(tree.districtA().name()).doesNotContain(tree.province().name());
		mvc.perform(post("/api/v1/units/" + tree.communeB().id() + "/move").with(user(officer.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + tree.districtA().id() + "}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/units/" + tree.communeA().id() + "/move").with(user(officer.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + tree.districtA().id() + "}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/units/" + tree.communeA().id()).with(user(officer.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Đổi tên trái phép\"}")).andExpect(status().isForbidden());
		assertThat(directory.find(tree.communeA().id()).orElseThrow().name()).isEqualTo(tree.communeA().name());
	}

	@Test
	void aDistrictAdminCannotMoveItsUnitsIntoAnotherDistrict() throws Exception {
		TestUser districtAdmin = tree.user("dadmin", Role.PROVINCE_ADMIN, tree.districtA());
		move(districtAdmin, tree.communeA().id(), tree.districtB().id()).andExpect(status().isNotFound());
		assertThat(directory.find(tree.communeA().id()).orElseThrow().parentId()).isEqualTo(tree.districtA().id());
	}

	@Test
	void movingReHangsTheWholeSubtreeInTheClosureTable() throws Exception {
		var village = tree.unit("V", "POLICE", tree.province());
		var post = tree.unit("P", "POLICE", village);
		TestUser auditorOfB = tree.user("auditb", Role.AUDITOR, tree.districtB());
		assertThat(body(get("/api/v1/units"), auditorOfB)).doesNotContain(post.code());
		move(provinceAdmin, village.id(), tree.districtB().id()).andExpect(status().isOk());
		assertThat(body(get("/api/v1/units"), auditorOfB)).contains(village.code(), post.code());
		assertThat(directory.find(village.id()).orElseThrow().parentId()).isEqualTo(tree.districtB().id());
	}

	@Test
	void refusesCyclesWrongKindsAndMovingTheRoot() throws Exception {
		var upper = tree.unit("PU", "POLICE", tree.province());
		var lower = tree.unit("PL", "POLICE", upper);
		assertThat(problem(move(provinceAdmin, upper.id(), lower.id()))).contains("\"code\":\"cycle\"");
		assertThat(problem(move(provinceAdmin, upper.id(), upper.id()))).contains("\"code\":\"cycle\"");
		assertThat(problem(move(provinceAdmin, tree.districtA().id(), tree.communeB().id())))
			.contains("\"code\":\"parent-kind\"");
		assertThat(problem(move(provinceAdmin, tree.province().id(), tree.districtA().id())))
			.contains("\"code\":\"root-fixed\"");
		assertThat(directory.find(upper.id()).orElseThrow().parentId()).isEqualTo(tree.province().id());
	}

	@Test
	void deactivationDoesNotCascade() throws Exception {
		String refused = mvc
			.perform(post("/api/v1/units/" + tree.districtA().id() + "/deactivate").with(user(provinceAdmin.principal()))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("active-children");
		mvc.perform(post("/api/v1/units/" + tree.communeA().id() + "/deactivate").with(user(provinceAdmin.principal()))
			.with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/api/v1/units/" + tree.districtA().id() + "/deactivate").with(user(provinceAdmin.principal()))
			.with(csrf())).andExpect(status().isOk());
		assertThat(directory.find(tree.districtA().id()).orElseThrow().active()).isFalse();
	}

	@Test
	void reactivationNeedsAnActiveParentAndIsAudited() throws Exception {
		var district = tree.unit("RD", "DISTRICT", tree.province());
		var village = tree.unit("RV", "COMMUNE", district);
		mvc.perform(post("/api/v1/units/" + village.id() + "/deactivate").with(user(provinceAdmin.principal()))
			.with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/api/v1/units/" + district.id() + "/deactivate").with(user(provinceAdmin.principal()))
			.with(csrf())).andExpect(status().isOk());

		String refused = mvc
			.perform(post("/api/v1/units/" + village.id() + "/reactivate").with(user(provinceAdmin.principal()))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("parent-inactive");
		String page = mvc.perform(get("/units/" + district.id()).with(user(provinceAdmin.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("/units/" + district.id() + "/reactivate").doesNotContain("/deactivate");
		assertThat(directory.find(village.id()).orElseThrow().active()).isFalse();

		TestUser officer = tree.user("reofficer", Role.UNIT_OFFICER, tree.province());
		mvc.perform(post("/units/" + district.id() + "/reactivate").with(user(officer.principal())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/units/" + district.id() + "/reactivate").with(user(provinceAdmin.principal()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post("/api/v1/units/" + village.id() + "/reactivate").with(user(provinceAdmin.principal()))
			.with(csrf())).andExpect(status().isOk());
		assertThat(directory.find(village.id()).orElseThrow().active()).isTrue();
		assertThat(directory.find(district.id()).orElseThrow().active()).isTrue();

		var entries = jdbc.sql("SELECT action, before_json, after_json FROM audit_entry WHERE entity_type = 'unit'"
				+ " AND entity_id = :id AND action = 'unit.reactivate'")
			.param("id", Long.toString(village.id()))
			.query()
			.listOfRows();
		assertThat(entries).hasSize(1);
		assertThat(entries.getFirst().get("before_json").toString()).contains("\"active\":false");
		assertThat(entries.getFirst().get("after_json").toString()).contains("\"active\":true");
	}

	@Test
	void createsAndRenamesThroughTheForms() throws Exception {
		String code = tree.prefix() + "-A-NEW";
		mvc.perform(post("/units").with(user(provinceAdmin.principal()))
			.with(csrf())
			.param("code", code.toLowerCase())
			.param("name", "Xã Mới")
			.param("kind", "COMMUNE")
			.param("parentCode", tree.districtA().code())).andExpect(status().isFound());
		var created = directory.findByCode(code).orElseThrow();
		assertThat(created.parentId()).isEqualTo(tree.districtA().id());
		mvc.perform(post("/units/" + created.id() + "/rename").with(user(provinceAdmin.principal()))
			.with(csrf())
			.param("name", "Xã Mới Đổi Tên")).andExpect(status().isFound());
		assertThat(directory.find(created.id()).orElseThrow().name()).isEqualTo("Xã Mới Đổi Tên");
		String page = mvc.perform(post("/units").with(user(provinceAdmin.principal()))
			.with(csrf())
			.param("code", code)
			.param("name", "Trùng mã")
			.param("kind", "COMMUNE")
			.param("parentCode", tree.districtA().code()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Mã này đã được đơn vị khác sử dụng.");
	}

	@Test
	void anImportWithBadRowsCreatesNothingAndNamesEveryBadRow() throws Exception {
		String p = tree.prefix();
		String csv = "code,name,kind,parent_code\n" + p + "-N1,Huyện Mới,DISTRICT," + p + "\n" // good
				+ p + "-N2,Xã Lạ,VILLAGE," + p + "-N1\n" // bad kind (row 3)
				+ p + "-N3,Xã Mồ Côi,COMMUNE,NO-SUCH-PARENT-" + p + "\n" // unknown parent (row 4)
				+ p + "-N4,,COMMUNE," + p + "-N1\n" // missing name (row 5)
				+ p + "-N1,Trùng,COMMUNE," + p + "\n"; // repeated code (row 6)
		String answer = mvc.perform(importFile("units.csv", csv.getBytes(StandardCharsets.UTF_8), provinceAdmin))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).contains("\"row\":3,\"field\":\"kind\"", "\"row\":4,\"field\":\"parent_code\"",
				"\"row\":5,\"field\":\"name\"", "\"row\":6,\"field\":\"code\"").doesNotContain("\"row\":2");
		assertThat(directory.findByCode(p + "-N1")).isEmpty();
		String page = mvc
			.perform(multipart("/units/import")
				.file(new MockMultipartFile("file", "units.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(user(provinceAdmin.principal()))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Chưa nhập gì", "<td>3</td>", "<td>4</td>", "<td>5</td>", "<td>6</td>");
		assertThat(directory.findByCode(p + "-N1")).isEmpty();
	}

	@Test
	void anImportMayListChildrenBeforeParentsAndRefusesParentsOutsideScope() throws Exception {
		String p = tree.prefix();
		String csv = "\uFEFFcode,name,kind,parent_code\n" + p + "-A-K2,Đồn Công an,POLICE," + p + "-A-K1\n" + p
				+ "-A-K1,Công an huyện,POLICE," + p + "-A\n";
		TestUser districtAdmin = tree.user("dadmin", Role.PROVINCE_ADMIN, tree.districtA());
		mvc.perform(importFile("units.csv", csv.getBytes(StandardCharsets.UTF_8), districtAdmin))
			.andExpect(status().isCreated());
		var parent = directory.findByCode(p + "-A-K1").orElseThrow();
		assertThat(directory.findByCode(p + "-A-K2").orElseThrow().parentId()).isEqualTo(parent.id());
		String outside = "code,name,kind,parent_code\n" + p + "-B-K9,Xã Ngoài,COMMUNE," + p + "-B\n";
		String answer = mvc
			.perform(importFile("units.csv", outside.getBytes(StandardCharsets.UTF_8), districtAdmin))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).contains("\"row\":2", "parent-unknown");
		assertThat(directory.findByCode(p + "-B-K9")).isEmpty();
	}

	@Test
	void importsAnXlsxFile() throws Exception {
		String p = tree.prefix();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(bytes, "CamGuard", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("units");
			String[][] rows = { { "code", "name", "kind", "parent_code" }, { p + "-X1", "Sở Tài chính", "DEPARTMENT", p },
					{ p + "-X2", "Viettel Thái Nguyên", "ISP", p } };
			for (int r = 0; r < rows.length; r++) {
				for (int c = 0; c < 4; c++) {
					sheet.value(r, c, rows[r][c]);
				}
			}
		}
		mvc.perform(importFile("units.xlsx", bytes.toByteArray(), provinceAdmin)).andExpect(status().isCreated());
		assertThat(directory.findByCode(p + "-X2").orElseThrow().kind()).isEqualTo("ISP");
	}

	@Test
	void roleWithoutUnitsManageCannotImport() throws Exception {
		TestUser auditor = tree.user("auditor", Role.AUDITOR, tree.province());
		String csv = "code,name,kind,parent_code\n" + tree.prefix() + "-Z,Xã,COMMUNE," + tree.prefix() + "\n";
		mvc.perform(importFile("units.csv", csv.getBytes(StandardCharsets.UTF_8), auditor))
			.andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.ResultActions move(TestUser caller, long unit, long parent)
			throws Exception {
		return mvc.perform(post("/api/v1/units/" + unit + "/move").with(user(caller.principal()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + parent + "}"));
	}

	private static String problem(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
	}

	private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder importFile(String name,
			byte[] content, TestUser caller) {
		return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart(
				"/api/v1/units/import")
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.with(user(caller.principal()))
			.with(csrf());
	}

	private String body(MockHttpServletRequestBuilder request, TestUser caller) throws Exception {
		return mvc.perform(request.with(user(caller.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
