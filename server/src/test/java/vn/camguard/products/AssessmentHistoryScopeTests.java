package vn.camguard.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;

/**
 * An assessment is read by whoever reads its unit's inventory, and only by them. A device that moves to another unit
 * keeps the assessments its former unit made of it under that unit: the new unit's officer reads the device and its
 * own assessments of it, without the former unit's (the list and side-by-side pages answered 404 to that officer as a
 * whole, since they read every assessment of the subject, whatever its unit).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentHistoryScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Test
	void aMovedDevicesFormerUnitsAssessmentsStayWithThatUnit() throws Exception {
		TestTree tree = TestTree.create(setup);
		TestTree.TestUser admin = tree.user("history.admin", Role.PROVINCE_ADMIN, tree.province());
		TestTree.TestUser officerA = tree.user("history.a", Role.UNIT_OFFICER, tree.districtA());
		TestTree.TestUser officerB = tree.user("history.b", Role.UNIT_OFFICER, tree.districtB());
		Map<String, Object> device = new LinkedHashMap<>(Map.of("unitId", tree.districtB().id(), "kind", "CAMERA",
				"vendor", "Dahua", "model", "IPC-HFW2431S-S-S2", "serial", "MOVED-" + tree.prefix()));
		MockHttpServletResponse created = send(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.shared().writeValueAsString(device)), admin);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String location = created.getHeader("Location");
		long deviceId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		MockHttpServletResponse opened = send(post("/products/assessments").param("subject", "DEVICE")
			.param("subjectId", Long.toString(deviceId))
			.param("kind", "AD_HOC")
			.param("assessedOn", "01/12/2026"), officerB);
		assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(302);
		String redirected = opened.getRedirectedUrl();
		long assessmentOfB = Long.parseLong(redirected.substring(redirected.lastIndexOf('/') + 1));

		device.put("unitId", tree.districtA().id());
		assertThat(send(put("/api/v1/inventory/devices/" + deviceId).contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.shared().writeValueAsString(device)), admin).getStatus()).isEqualTo(200);

		String list = page("/products/assessments?subject=DEVICE&id=" + deviceId, officerA);
		String table = page("/products/assessments/side-by-side?subject=DEVICE&id=" + deviceId, officerA);
		assertThat(send(get("/products/assessments/" + assessmentOfB), officerA).getStatus()).isEqualTo(404);
		assertThat(list).doesNotContain("\"assessment-" + assessmentOfB + "\"");
		assertThat(table).doesNotContain("\"column-" + assessmentOfB + "\"");

		// whoever reads the former unit still finds it under the device
		assertThat(page("/products/assessments?subject=DEVICE&id=" + deviceId, admin))
			.contains("\"assessment-" + assessmentOfB + "\"");
		assertThat(page("/products/assessments/side-by-side?subject=DEVICE&id=" + deviceId, admin))
			.contains("\"column-" + assessmentOfB + "\"");
	}

	private String page(String path, TestTree.TestUser caller) throws Exception {
		MockHttpServletResponse response = send(get(path), caller);
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
