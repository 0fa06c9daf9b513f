package vn.camguard;

import java.util.concurrent.ThreadLocalRandom;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.access.SignedInUser;

/**
 * A small province of its own for one test, with unique codes (all tests share one database):
 * province P, districts A and B, a commune under each. Users get a known password and no forced
 * change.
 */
public record TestTree(OrganizationSetup setup, String prefix, UnitRef province, UnitRef districtA,
		UnitRef districtB, UnitRef communeA, UnitRef communeB) {

	public static final String PASSWORD = "Test-Passw0rd-2026";

	public static TestTree create(OrganizationSetup setup) {
		String prefix = "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
		UnitRef province = setup.ensureUnit(prefix, "Tỉnh thử " + prefix, "PROVINCE", null);
		UnitRef a = setup.ensureUnit(prefix + "-A", "Huyện A " + prefix, "DISTRICT", prefix);
		UnitRef b = setup.ensureUnit(prefix + "-B", "Huyện B " + prefix, "DISTRICT", prefix);
		UnitRef communeA = setup.ensureUnit(prefix + "-A-1", "Xã A1 " + prefix, "COMMUNE", prefix + "-A");
		UnitRef communeB = setup.ensureUnit(prefix + "-B-1", "Xã B1 " + prefix, "COMMUNE", prefix + "-B");
		return new TestTree(setup, prefix, province, a, b, communeA, communeB);
	}

	/** A fresh unit under the given parent. */
	public UnitRef unit(String suffix, String kind, UnitRef parent) {
		return setup.ensureUnit(parent.code() + "-" + suffix, "Đơn vị " + suffix, kind, parent.code());
	}

	/** A user homed in the unit, holding the role there, with {@link #PASSWORD}. */
	public TestUser user(String name, Role role, UnitRef unit) {
		String username = (prefix + "." + name).toLowerCase();
		long id = setup.ensureUser(username, "Người thử " + name, unit.id(), PASSWORD, false);
		if (role != null) {
			setup.grant(id, role, unit.id());
		}
		return new TestUser(id, username);
	}

	/** A user created for a test. */
	public record TestUser(long id, String username) {

		/** The principal a signed-in session would hold, for MockMvc's {@code user(...)}. */
		public SignedInUser principal() {
			return new SignedInUser(id, username, "", true, false);
		}

	}

}
