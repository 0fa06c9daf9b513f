package vn.camguard.products.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.TestTree;
import vn.camguard.inventory.InventoryDevices;
import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.products.domain.DeviceStanding.CertificationStatus;
import vn.camguard.products.domain.DeviceStanding.FirmwareStatus;
import vn.camguard.products.domain.StoredStanding;
import vn.camguard.products.persistence.StoredStandings;

/**
 * The stored standings stay what a fresh computation gives after every kind of change to their inputs
 * (devices created, edited, moved, deleted; products, firmware, certificates; warnings; match decisions;
 * certificate dates passing; changes that bypassed the application), the list filtered on them shows the
 * same devices as that computation says, and a unit never sees another unit's devices through it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StoredStandingTests {

	private static final Pattern ROW = Pattern.compile("id=\"device-(\\d+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	StoredStandings stored;

	@Autowired
	StandingComputation computation;

	@Autowired
	StandingUpkeep upkeep;

	@Autowired
	InventoryDevices devices;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	TestTree.TestUser officerA;

	TestTree.TestUser officerB;

	TestTree.TestUser admin;

	TestTree.TestUser vendor;

	/** Every device of the test, by its owner's officer at the start. */
	final Map<Long, String> fleet = new LinkedHashMap<>();

	final Map<Long, Map<String, Object>> typed = new HashMap<>();

	@Test
	void storedStandingsEqualAFreshComputationAfterEveryKindOfChange() throws Exception {
		tree = TestTree.create(setup);
		officerA = tree.user("officer.a", Role.UNIT_OFFICER, tree.districtA());
		officerB = tree.user("officer.b", Role.UNIT_OFFICER, tree.districtB());
		admin = tree.user("admin", Role.PROVINCE_ADMIN, tree.province());
		UnitRef vendorUnit = tree.unit("V", "VENDOR", tree.province());
		vendor = tree.user("vendor", Role.VENDOR, vendorUnit);
		LocalDate today = computation.today();

		String dahuaModel = "IPC-HFW2431S-" + tree.prefix();
		long certified = product(vendorUnit, "Dahua", dahuaModel);
		firmware(certified, "V2.800.1", false);
		firmware(certified, "V2.840.9", true);
		// valid through today only: tomorrow the devices of this product are no longer certified
		certificate(certified, "QCVN11_2026_BCA", today.minusMonths(1), today);
		String lapsedModel = "DS-" + tree.prefix() + "-X";
		long lapsed = product(vendorUnit, "Hikvision", lapsedModel);
		certificate(lapsed, "QCVN135_2024", today.minusYears(2), today.minusDays(1));
		String bareModel = "DS-" + tree.prefix() + "-Y";
		long bare = product(vendorUnit, "Hikvision", bareModel);

		long outdated = device(officerA, tree.districtA(), "Dahua", dahuaModel, "V2.800.1", "1");
		long current = device(officerA, tree.communeA(), "KBVision", dahuaModel, "V2.840.9", "2");
		long notListed = device(officerA, tree.districtA(), "dahua", dahuaModel.toLowerCase(), "V9.9", "3");
		long notRecorded = device(officerA, tree.districtA(), "Dahua", dahuaModel, "", "4");
		long expired = device(officerA, tree.districtA(), "HiLook", lapsedModel, "V1", "5");
		long uncertified = device(officerA, tree.districtA(), "Hikvision", bareModel, "", "6");
		long unknown = device(officerA, tree.districtA(), "Acme", "Z1", "", "7");
		String laterModel = "DS-" + tree.prefix() + "-Z";
		long registeredLater = device(officerA, tree.districtA(), "Hikvision", laterModel, "", "8");
		long ofB = device(officerB, tree.districtB(), "Dahua", dahuaModel, "V2.840.9", "9");

		assertStoredIsLive(today, "devices created");
		Map<Long, StoredStanding> live = live(today);
		assertThat(live.values().stream().map(StoredStanding::certification).toList())
			.containsAll(EnumSet.allOf(CertificationStatus.class));
		assertThat(live.values().stream().map(StoredStanding::firmwareState).toList())
			.containsAll(EnumSet.allOf(FirmwareStatus.class));
		assertThat(live.values().stream().map(StoredStanding::cveCount).filter(n -> n > 0)).isNotEmpty();
		assertThat(live.values().stream().map(StoredStanding::cveCount).filter(n -> n == 0)).isNotEmpty();
		assertFiltersShowTheLiveStandings(today);

		assertThat(send(post("/products/warnings").param("vendor", "Hikvision")
			.param("model", bareModel)
			.param("authority", "A05")
			.param("issuedOn", "2026-11-20")
			.param("reference", "W-" + tree.prefix())
			.param("reason", "r")
			.param("severity", "HIGH"), admin).getStatus()).isEqualTo(302);
		assertThat(stored.of(uncertified).orElseThrow().warned()).isTrue();
		assertStoredIsLive(today, "warning added");

		edit(officerA, notListed, Map.of("firmware", "V2.840.9"));
		assertThat(stored.of(notListed).orElseThrow().firmwareState()).isEqualTo(FirmwareStatus.CURRENT);
		assertStoredIsLive(today, "device edited");

		edit(admin, notRecorded, Map.of("unitId", tree.districtB().id()));
		assertThat(stored.of(notRecorded).orElseThrow().unitId()).isEqualTo(tree.districtB().id());
		assertStoredIsLive(today, "device moved to another unit");

		firmware(certified, "V2.900.1", true);
		assertThat(stored.of(current).orElseThrow().firmwareState()).isEqualTo(FirmwareStatus.OUTDATED);
		assertStoredIsLive(today, "firmware added");

		certificate(bare, "QCVN11_2026_BCA", today.minusDays(3), today.plusYears(3));
		assertThat(stored.of(uncertified).orElseThrow().certification()).isEqualTo(CertificationStatus.CERTIFIED);
		assertStoredIsLive(today, "certificate added");

		product(vendorUnit, "Hikvision", laterModel);
		assertThat(stored.of(registeredLater).orElseThrow().certification())
			.isEqualTo(CertificationStatus.NOT_CERTIFIED);
		assertStoredIsLive(today, "product registered");

		assertThat(send(post("/products/device-panel/" + unknown + "/match").param("productId", Long.toString(lapsed)),
				officerA).getStatus()).isEqualTo(200);
		assertThat(stored.of(unknown).orElseThrow().certification()).isEqualTo(CertificationStatus.EXPIRED);
		assertThat(send(post("/products/device-panel/" + outdated + "/match").param("productId", Long.toString(certified)),
				officerA).getStatus()).isEqualTo(200);
		assertStoredIsLive(today, "match corrected and confirmed");

		assertThat(send(delete("/api/v1/inventory/devices/" + expired).param("reason", "removed"), officerA).getStatus())
			.isEqualTo(204);
		fleet.remove(expired);
		assertThat(stored.of(expired)).isEmpty();
		assertStoredIsLive(today, "device deleted");
		assertFiltersShowTheLiveStandings(today);

		// changes that bypassed the application (or a new build's CVE list) are found by their copied inputs
		jdbc.sql("UPDATE inventory_device SET firmware = 'V2.800.1' WHERE id = :id").param("id", ofB).update();
		jdbc.sql("UPDATE device_standing SET cve_list = 'an older list', cve_count = 0 WHERE device_id = :id")
			.param("id", current)
			.update();
		assertThat(upkeep.reconcile()).isGreaterThanOrEqualTo(2);
		assertStoredIsLive(today, "missed changes reconciled");

		// the day after, the certificate valid through today has lapsed; the daily recheck finds its devices
		LocalDate tomorrow = today.plusDays(1);
		assertThat(upkeep.recheck(tomorrow)).isGreaterThanOrEqualTo(3);
		assertThat(stored.of(current).orElseThrow().certification()).isEqualTo(CertificationStatus.EXPIRED);
		assertStoredIsLive(tomorrow, "certificate lapsed with time");
	}

	private Map<Long, StoredStanding> live(LocalDate day) {
		Map<Long, StoredStanding> rows = new HashMap<>();
		computation.stored(devices.unscoped(fleet.keySet()), day).forEach(row -> rows.put(row.deviceId(), row));
		return rows;
	}

	private void assertStoredIsLive(LocalDate day, String after) {
		Map<Long, StoredStanding> live = live(day);
		assertThat(live.keySet()).as(after).containsExactlyInAnyOrderElementsOf(fleet.keySet());
		for (long id : fleet.keySet()) {
			assertThat(stored.of(id).map(StoredStanding::withoutTime)).as(after + ": device " + id)
				.contains(live.get(id).withoutTime());
		}
	}

	/** Each filter shows, to each unit's officer, exactly its own devices whose live standing fits. */
	private void assertFiltersShowTheLiveStandings(LocalDate day) throws Exception {
		Map<Long, StoredStanding> live = live(day);
		Map<String, Predicate<StoredStanding>> filters = new LinkedHashMap<>();
		filters.put("", row -> true);
		for (CertificationStatus status : CertificationStatus.values()) {
			filters.put("certification=" + status, row -> row.certification() == status);
		}
		for (FirmwareStatus status : FirmwareStatus.values()) {
			filters.put("firmware=" + status, row -> row.firmwareState() == status);
		}
		filters.put("certification=CERTIFIED&catalogue=QCVN11_2026_BCA",
				row -> row.certification() == CertificationStatus.CERTIFIED && "QCVN11_2026_BCA".equals(row.catalogue()));
		filters.put("warned=yes", StoredStanding::warned);
		filters.put("warned=no", row -> !row.warned());
		filters.put("cves=yes", row -> row.cveCount() > 0);
		filters.put("cves=no", row -> row.cveCount() == 0);
		for (TestTree.TestUser officer : List.of(officerA, officerB)) {
			Set<Long> ownUnits = new HashSet<>(officer == officerA
					? List.of(tree.districtA().id(), tree.communeA().id()) : List.of(tree.districtB().id()));
			for (Map.Entry<String, Predicate<StoredStanding>> filter : filters.entrySet()) {
				List<Long> expected = live.values()
					.stream()
					.filter(row -> ownUnits.contains(row.unitId()))
					.filter(filter.getValue())
					.map(StoredStanding::deviceId)
					.toList();
				assertThat(ids(filter.getKey(), officer)).as(officer.username() + " " + filter.getKey())
					.containsExactlyInAnyOrderElementsOf(expected);
			}
		}
	}

	private List<Long> ids(String query, TestTree.TestUser officer) throws Exception {
		MockHttpServletResponse response = send(get("/products/devices?" + query + "&lang=en"), officer);
		assertThat(response.getStatus()).isEqualTo(200);
		Matcher matcher = ROW.matcher(response.getContentAsString(StandardCharsets.UTF_8));
		List<Long> ids = new ArrayList<>();
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}

	private long product(UnitRef unit, String vendorName, String model) throws Exception {
		MockHttpServletResponse created = send(post("/products").param("unitId", Long.toString(unit.id()))
			.param("vendor", vendorName)
			.param("model", model)
			.param("kind", "CAMERA"), vendor);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
		String location = created.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private void firmware(long product, String version, boolean latest) throws Exception {
		assertThat(send(post("/products/" + product + "/firmware").param("version", version)
			.param("releaseDate", "2026-01-01")
			.param("latest", Boolean.toString(latest)), vendor).getStatus()).isEqualTo(302);
	}

	private void certificate(long product, String catalogue, LocalDate issued, LocalDate expires) throws Exception {
		MockHttpServletResponse added = send(post("/products/" + product + "/certificates").param("catalogueCode", catalogue)
			.param("number", "C-" + tree.prefix() + "-" + product + "-" + catalogue)
			.param("issuedBy", "Trung tâm Kiểm định")
			.param("issuedOn", issued.toString())
			.param("expiresOn", expires.toString()), vendor);
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
	}

	private long device(TestTree.TestUser officer, UnitRef unit, String vendorName, String model, String firmware,
			String serial) throws Exception {
		Map<String, Object> fields = new HashMap<>(Map.of("unitId", unit.id(), "kind", "CAMERA", "vendor", vendorName,
				"model", model, "firmware", firmware, "serial", "SN-" + tree.prefix() + "-" + serial));
		MockHttpServletResponse created = send(post("/api/v1/inventory/devices").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(fields)), officer);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String location = created.getHeader("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		fleet.put(id, officer.username());
		typed.put(id, fields);
		return id;
	}

	private void edit(TestTree.TestUser caller, long id, Map<String, Object> changes) throws Exception {
		Map<String, Object> fields = new HashMap<>(typed.get(id));
		fields.putAll(changes);
		MockHttpServletResponse edited = send(put("/api/v1/inventory/devices/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(fields)), caller);
		assertThat(edited.getStatus()).as(edited.getContentAsString()).isEqualTo(200);
		typed.put(id, fields);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, TestTree.TestUser caller)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(caller.principal()))).andReturn().getResponse();
	}

}
