package vn.camguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * A province-level device import is visible in the audit of every unit whose rows it touched, and
 * of no other unit: each such unit gets an entry with the file name and its own row count.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeviceImportAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Test
	void eachTouchedUnitsAuditShowsTheImport() throws Exception {
		TestTree tree = TestTree.create(setup);
		var untouched = tree.unit("UNTOUCHED", "COMMUNE", tree.districtA());
		var admin = tree.user("importer", Role.PROVINCE_ADMIN, tree.province());
		String file = "province-" + tree.prefix() + ".csv";
		String serial = "SN-" + tree.prefix() + "-";
		String csv = DeviceImportIntegrationTests.HEADER + "\n"
				+ DeviceImportIntegrationTests.row(tree.communeA().code(), "CAMERA", "Hikvision", serial + "1", "", "10.77.0.1", "") + "\n"
				+ DeviceImportIntegrationTests.row(tree.communeA().code(), "CAMERA", "Hikvision", serial + "2", "", "10.77.0.2", "") + "\n"
				+ DeviceImportIntegrationTests.row(tree.communeB().code(), "CAMERA", "Dahua", serial + "3", "", "10.77.0.3", "") + "\n";
		var imported = mvc.perform(multipart("/api/v1/inventory/devices/import")
			.file(DeviceImportIntegrationTests.csvFile(file, csv))
			.with(user(admin.principal()))
			.with(csrf())).andReturn().getResponse();
		assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);

		String inA = auditOf(tree.user("auditora", Role.AUDITOR, tree.communeA()));
		List<String> entriesA = JsonPath.read(inA, "$.entries[?(@.afterJson =~ /.*" + tree.prefix() + ".*/)].action");
		assertThat(entriesA).containsExactly("device.import.unit");
		assertThat(inA).contains("\\\"rows\\\":2");

		String inB = auditOf(tree.user("auditorb", Role.AUDITOR, tree.communeB()));
		assertThat(inB).contains(file, "\\\"rows\\\":1");

		assertThat(auditOf(tree.user("auditoru", Role.AUDITOR, untouched))).doesNotContain(file);
	}

	private String auditOf(TestTree.TestUser auditor) throws Exception {
		return mvc.perform(get("/api/v1/audit").param("action", "device.import").param("size", "500")
			.with(user(auditor.principal()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
