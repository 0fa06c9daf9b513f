package vn.camguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Searching the device list (H2, or PostgreSQL when the CI sets SPRING_DATASOURCE_URL): a text that
 * names devices exactly (serial or name in any case, MAC in any spelling, IP address) finds just
 * those, not the devices whose serial, name or address merely contains it; other text finds the
 * devices whose serial or name contains it or whose model, address or MAC starts with it; always
 * within the caller's units. The list shows each device's name, sorts
 * by it, and says which page of how many it shows.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceSearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	InventoryTestUnits units;

	String gate;

	@BeforeAll
	void createDevices() throws Exception {
		units = InventoryTestUnits.create(setup);
		gate = "Cổng trường " + units.tag();
		create(units.districtA(), "alpha", gate, units.mac(1), "10.77.1.5");
		create(units.districtA(), "alpha2", gate + " phía sau", units.mac(2), "10.77.1.50", "IPC-HFW2431S-S-S2");
		create(units.districtB(), "alpha-b", gate, units.mac(3), "10.77.1.5", "IPC-HFW2431S-S-S2");
	}

	@Test
	void exactSerialInAnyCaseFindsOnlyThatDevice() throws Exception {
		assertThat(serials(units.officerA(), units.serial("alpha").toLowerCase(Locale.ROOT)))
			.containsExactly(units.serial("alpha"));
	}

	@Test
	void macInAnySpellingFindsItsDevice() throws Exception {
		String dashed = units.mac(1).toLowerCase(Locale.ROOT).replace(':', '-');
		assertThat(serials(units.officerA(), dashed)).containsExactly(units.serial("alpha"));
		assertThat(serials(units.officerB(), dashed)).as("the device is in another district").isEmpty();
	}

	@Test
	void ipAddressFindsTheDevicesAtThatAddressInScope() throws Exception {
		assertThat(serials(units.officerA(), "10.77.1.5")).containsExactly(units.serial("alpha"));
		assertThat(serials(units.admin(), "10.77.1.5")).containsExactlyInAnyOrder(units.serial("alpha"),
				units.serial("alpha-b"));
	}

	@Test
	void exactNameInAnyCaseFindsTheDevicesWithThatName() throws Exception {
		String upper = gate.toUpperCase(Locale.ROOT);
		assertThat(serials(units.officerA(), upper)).containsExactly(units.serial("alpha"));
		assertThat(serials(units.admin(), upper)).containsExactlyInAnyOrder(units.serial("alpha"),
				units.serial("alpha-b"));
	}

	@Test
	void otherTextFindsEveryDeviceContainingItInScope() throws Exception {
		String part = units.tag() + "-ALPH";
		assertThat(serials(units.officerA(), part)).containsExactlyInAnyOrder(units.serial("alpha"),
				units.serial("alpha2"));
		assertThat(serials(units.admin(), part)).containsExactlyInAnyOrder(units.serial("alpha"),
				units.serial("alpha2"), units.serial("alpha-b"));
		assertThat(serials(units.officerA(), "TRƯỜNG " + units.tag())).containsExactlyInAnyOrder(units.serial("alpha"),
				units.serial("alpha2"));
	}

	@Test
	void theStartOfAnAddressModelOrMacFindsItsDevicesInScope() throws Exception {
		assertThat(serials(units.officerA(), "10.77.1")).containsExactlyInAnyOrder(units.serial("alpha"),
				units.serial("alpha2"));
		assertThat(serials(units.admin(), "10.77.1")).containsExactlyInAnyOrder(units.serial("alpha"),
				units.serial("alpha2"), units.serial("alpha-b"));
		assertThat(serials(units.officerA(), "ipc-hfw2431")).containsExactly(units.serial("alpha2"));
		String makerPrefix = units.mac(1).substring(0, 11).toLowerCase(Locale.ROOT).replace(":", "");
		assertThat(serials(units.officerA(), makerPrefix)).containsExactlyInAnyOrder(units.serial("alpha"),
				units.serial("alpha2"));
	}

	@Test
	void aDeviceOutOfScopeDoesNotHideTheOnesInScope() throws Exception {
		// district B's officer searches the exact serial of a district A device that is part of a B serial
		assertThat(serials(units.officerB(), units.serial("alpha"))).containsExactly(units.serial("alpha-b"));
	}

	@Test
	void listShowsNamesSortsByNameAndCountsPages() throws Exception {
		for (int i = 0; i < 9; i++) {
			create(units.districtA(), "page" + i, "Tên " + units.tag() + " " + i, null, null);
		}
		String vietnamese = html(get("/inventory/cameras").param("q", units.tag()).param("size", "10"));
		assertThat(vietnamese).contains(gate + " phía sau").contains("sort=name").contains("Trang 1/2");
		String english = html(get("/inventory/cameras").param("q", units.tag())
			.param("size", "10")
			.param("page", "1")
			.param("lang", "en"));
		assertThat(english).contains("Page 2 of 2");

		String byName = html(get("/inventory/cameras").param("q", units.tag()).param("sort", "name").param("size", "100"));
		assertThat(byName.indexOf(gate + " phía sau")).isLessThan(byName.indexOf("Tên " + units.tag() + " 0"));
		String byNameDesc = html(get("/inventory/cameras").param("q", units.tag())
			.param("sort", "name")
			.param("dir", "desc")
			.param("size", "100"));
		assertThat(byNameDesc.indexOf(gate + " phía sau")).isGreaterThan(byNameDesc.indexOf("Tên " + units.tag() + " 0"));
	}

	private List<String> serials(String user, String q) throws Exception {
		MvcResult result = mvc
			.perform(get("/api/v1/inventory/devices").param("q", q).with(httpBasic(user, units.password())))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.items[*].serial");
	}

	private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MvcResult result = mvc.perform(request.with(httpBasic(units.officerA(), units.password()))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private void create(UnitRef unit, String serialSuffix, String name, String mac, String address) throws Exception {
		create(unit, serialSuffix, name, mac, address, "DS-2CD1023G0E-I");
	}

	private void create(UnitRef unit, String serialSuffix, String name, String mac, String address, String model)
			throws Exception {
		String json = """
				{"unitId": %d, "kind": "CAMERA", "status": "ACTIVE", "vendor": "Hikvision", "model": "%s",
				 "serial": "%s", "name": "%s", "mac": %s, "address": %s}
				""".formatted(unit.id(), model, units.serial(serialSuffix), name, mac == null ? "null" : '"' + mac + '"',
				address == null ? "null" : '"' + address + '"');
		MvcResult created = mvc
			.perform(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
				.content(json)
				.with(httpBasic(units.admin(), units.password())))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
	}

}
