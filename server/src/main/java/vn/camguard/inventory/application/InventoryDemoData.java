package vn.camguard.inventory.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.camguard.audit.AuditTrail;
import vn.camguard.inventory.domain.DeviceDraft;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.inventory.domain.SiteDraft;
import vn.camguard.inventory.domain.SystemDraft;
import vn.camguard.inventory.domain.SystemStatus;
import vn.camguard.inventory.persistence.Devices;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.inventory.persistence.Sites;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Demo inventory for {@code ./camguard run}: information systems, sites and about sixty cameras and
 * recorders of common vendors across the demo province's units (created by the organization
 * module's demo loader, which runs first). Runs at start-up with nobody signed in, so it writes
 * through the repositories rather than the checked service, like the organization module's own
 * setup; it still leaves one audit entry. Skipped when the demo systems already exist.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "camguard.demo.enabled", havingValue = "true")
class InventoryDemoData implements ApplicationRunner {

	private record DemoSystem(String unitCode, String name, String purpose, String operator, String[] sites) {
	}

	private record DemoModel(String vendor, String model, String firmware, DeviceKind kind, String ports,
			String serialPrefix, String macPrefix) {
	}

	private static final List<DemoSystem> SYSTEMS = List.of(
			new DemoSystem("TN-TPTN", "Hệ thống camera giám sát giao thông",
					"Giám sát giao thông, phát hiện vi phạm tại các nút giao", "Trung tâm Giám sát, điều hành đô thị thông minh",
					new String[] { "Nút giao Đồng Quang", "Nút giao Phan Đình Phùng – Hoàng Văn Thụ", "Cầu Gia Bảy" }),
			new DemoSystem("TN-STTTT", "Camera an ninh trụ sở", "Bảo vệ trụ sở Sở Thông tin và Truyền thông",
					"Văn phòng Sở", new String[] { "Cổng chính", "Phòng máy chủ" }),
			new DemoSystem("TN-SYT", "Camera an ninh bệnh viện", "An ninh khu khám bệnh và kho thuốc",
					"Phòng Hành chính quản trị", new String[] { "Khu khám bệnh", "Kho thuốc" }),
			new DemoSystem("TN-PY", "Hệ thống camera an ninh trật tự", "Giữ gìn an ninh trật tự các tuyến phố chính",
					"Công an thị xã Phổ Yên", new String[] { "Chợ Ba Hàng", "Quảng trường thị xã" }),
			new DemoSystem("TN-PY-BS", "Camera an ninh trụ sở UBND xã", "Bảo vệ trụ sở và bộ phận một cửa",
					"Văn phòng UBND xã", new String[] { "Bộ phận một cửa" }));

	private static final List<DemoModel> MODELS = List.of(
			new DemoModel("Hikvision", "DS-2CD2143G2-I", "V5.7.3", DeviceKind.CAMERA, "80,443,554,8000", "DS-2CD2143G2-I2024", "BC:AD:28"),
			new DemoModel("Hikvision", "DS-2CD1023G0-I", "V5.5.800", DeviceKind.CAMERA, "80,554,8000", "DS-2CD1023G0-I2021", "44:19:B6"),
			new DemoModel("Hikvision", "DS-7608NI-K2", "V4.30.085", DeviceKind.RECORDER, "80,554,8000", "DS-7608NI-K22019", "C0:56:E3"),
			new DemoModel("Dahua", "IPC-HFW2431S-S-S2", "V2.800.0000000.26.R", DeviceKind.CAMERA, "80,554,37777", "6G0A1B2PAZ", "3C:EF:8C"),
			new DemoModel("Dahua", "DHI-NVR4108HS-4KS2", "V4.001.0000000.1", DeviceKind.RECORDER, "80,554,37777", "7H0C2D3QBZ", "E0:50:8B"),
			new DemoModel("KBVision", "KX-A2111N3", "V2.622.0000000.31", DeviceKind.CAMERA, "80,554,37777", "KBA2111N3", "A0:BD:1D"),
			new DemoModel("Uniview", "IPC2122LB-SF28-A", "IPC_G6103-B0025P", DeviceKind.CAMERA, "80,554", "210235C2FH3", "48:EA:63"),
			new DemoModel("Axis", "P3245-LVE", "10.12.153", DeviceKind.CAMERA, "80,443,554", "ACCC8E1", "AC:CC:8E"),
			new DemoModel("TVT", "TD-9541S3", "5.2.3.70", DeviceKind.CAMERA, "80,554,9008", "TVT9541S3", "00:18:AE"));

	private static final String[] SUPPLIERS = { "Công ty TNHH Thiết bị An Phát", "Công ty CP Công nghệ Thái Sơn",
			"VNPT Thái Nguyên" };

	private final UnitDirectory units;

	private final InformationSystems systems;

	private final Sites sites;

	private final Devices devices;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	InventoryDemoData(UnitDirectory units, InformationSystems systems, Sites sites, Devices devices, AuditTrail audit,
			TransactionTemplate transaction) {
		this.units = units;
		this.systems = systems;
		this.sites = sites;
		this.devices = devices;
		this.audit = audit;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> load());
	}

	private void load() {
		Optional<UnitRef> first = units.findByCode(SYSTEMS.getFirst().unitCode());
		if (first.isEmpty() || systems.idByName(first.get().id(), SYSTEMS.getFirst().name()).isPresent()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		Random random = new Random(23);
		List<DeviceDraft> drafts = new ArrayList<>();
		int serial = 0;
		for (DemoSystem demo : SYSTEMS) {
			Optional<UnitRef> unit = units.findByCode(demo.unitCode());
			if (unit.isEmpty()) {
				continue;
			}
			long unitId = unit.get().id();
			long systemId = systems.insert(new SystemDraft(unitId, demo.name(), demo.purpose(), unit.get().name(),
					demo.operator(), SystemStatus.OPERATING), now);
			for (String siteName : demo.sites()) {
				long siteId = sites.insert(new SiteDraft(unitId, siteName, siteName + ", " + unit.get().name(), null,
						null, null), now);
				int count = 3 + random.nextInt(4);
				for (int i = 0; i < count; i++) {
					DemoModel model = MODELS.get(random.nextInt(MODELS.size()));
					serial++;
					drafts.add(device(unitId, systemId, siteId, model, serial, random, siteName + " – " + (i + 1)));
				}
			}
		}
		// a few devices nobody has attached to a system yet, as found in a real first inventory
		for (String code : new String[] { "TN-CA", "TN-TPTN-PQT", "TN-TPTN-QT" }) {
			Optional<UnitRef> unit = units.findByCode(code);
			for (int i = 0; unit.isPresent() && i < 3; i++) {
				serial++;
				drafts.add(device(unit.get().id(), null, null, MODELS.get(random.nextInt(MODELS.size())), serial,
						random, null));
			}
		}
		List<Long> ids = devices.nextIds(drafts.size());
		devices.insertAll(ids, drafts, now);
		audit.record("device.import", "device-import", null, units.findByCode("TN").map(UnitRef::id).orElse(null),
				null, new InventoryManagement.DeviceImportAudit("demo data", drafts.size(), SYSTEMS.size(),
						IdRanges.of(ids)));
	}

	private static DeviceDraft device(long unitId, Long systemId, Long siteId, DemoModel model, int n, Random random,
			String name) {
		String mac = "%s:%02X:%02X:%02X".formatted(model.macPrefix(), random.nextInt(256), random.nextInt(256), n % 256);
		DeviceStatus status = random.nextInt(10) == 0 ? DeviceStatus.INACTIVE : DeviceStatus.ACTIVE;
		return new DeviceDraft(unitId, systemId, siteId, model.kind(), status, name, model.vendor(), model.model(),
				model.firmware(), "%s%05d".formatted(model.serialPrefix(), n), mac,
				"10.%d.%d.%d".formatted(20 + (int) (unitId % 200), random.nextInt(250), 10 + n % 240), model.ports(),
				LocalDate.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28)),
				SUPPLIERS[random.nextInt(SUPPLIERS.length)], n % 3 == 0 ? null : "CO-%d-%04d".formatted(2020 + n % 5, n),
				n % 3 == 0 ? null : "CQ-%d-%04d".formatted(2020 + n % 5, n),
				model.vendor().equals("Axis") || n % 4 == 0 ? null : "QCVN135-%04d".formatted(1000 + n));
	}

}
