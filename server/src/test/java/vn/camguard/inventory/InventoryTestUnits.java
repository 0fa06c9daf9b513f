package vn.camguard.inventory;

import java.util.Locale;
import java.util.UUID;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * A small unit tree of its own for one test class (a province with two districts), with a unit
 * officer on each district and a province admin, all under unique codes and names so test classes
 * can share one database.
 */
record InventoryTestUnits(String tag, UnitRef province, UnitRef districtA, UnitRef districtB, String officerA,
		String officerB, String admin, String password) {

	static InventoryTestUnits create(OrganizationSetup setup) {
		String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		String password = "Kiem-tra-" + tag + "-x9";
		UnitRef province = setup.ensureUnit("IT" + tag, "Tỉnh thử " + tag, "PROVINCE", null);
		UnitRef a = setup.ensureUnit("IT" + tag + "-A", "Huyện A " + tag, "DISTRICT", province.code());
		UnitRef b = setup.ensureUnit("IT" + tag + "-B", "Huyện B " + tag, "DISTRICT", province.code());
		String officerA = "officer-a-" + tag.toLowerCase(Locale.ROOT);
		String officerB = "officer-b-" + tag.toLowerCase(Locale.ROOT);
		String admin = "admin-" + tag.toLowerCase(Locale.ROOT);
		setup.grant(setup.ensureUser(officerA, "Cán bộ A", a.id(), password, false), Role.UNIT_OFFICER, a.id());
		setup.grant(setup.ensureUser(officerB, "Cán bộ B", b.id(), password, false), Role.UNIT_OFFICER, b.id());
		setup.grant(setup.ensureUser(admin, "Quản trị tỉnh", province.id(), password, false), Role.PROVINCE_ADMIN,
				province.id());
		return new InventoryTestUnits(tag, province, a, b, officerA, officerB, admin, password);
	}

	/** A serial number no other test uses. */
	String serial(String suffix) {
		return "SN-" + tag + "-" + suffix;
	}

	/** A MAC address no other test uses (derived from the tag and a number 0..255). */
	String mac(int n) {
		String hex = tag.substring(0, 8);
		return "%s:%s:%s:%s:%s:%02X".formatted("02", hex.substring(0, 2), hex.substring(2, 4), hex.substring(4, 6),
				hex.substring(6, 8), n);
	}

}
