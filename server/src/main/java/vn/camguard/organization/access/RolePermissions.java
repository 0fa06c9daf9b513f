package vn.camguard.organization.access;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import vn.camguard.organization.Permission;
import vn.camguard.organization.Role;

/** The one table saying which permissions each role carries (on the unit it is granted on and below). */
public final class RolePermissions {

	private static final Map<Role, Set<Permission>> TABLE = table();

	private RolePermissions() {
	}

	public static Set<Permission> of(Role role) {
		return TABLE.get(role);
	}

	public static boolean carries(Role role, Permission permission) {
		return TABLE.get(role).contains(permission);
	}

	private static Map<Role, Set<Permission>> table() {
		Map<Role, Set<Permission>> table = new EnumMap<>(Role.class);
		table.put(Role.PROVINCE_ADMIN, EnumSet.allOf(Permission.class));
		table.put(Role.UNIT_OFFICER,
				EnumSet.of(Permission.INVENTORY_READ, Permission.INVENTORY_WRITE, Permission.UNITS_READ));
		table.put(Role.UNIT_APPROVER, EnumSet.of(Permission.INVENTORY_READ, Permission.UNITS_READ));
		table.put(Role.AUDITOR, EnumSet.of(Permission.INVENTORY_READ, Permission.UNITS_READ, Permission.AUDIT_READ));
		// Outside organisations see their own subtree only; later issues give them their own work.
		for (Role outside : new Role[] { Role.ISP_OPERATOR, Role.VENDOR, Role.MARKET_INSPECTOR, Role.POLICE }) {
			table.put(outside, EnumSet.of(Permission.INVENTORY_READ, Permission.UNITS_READ));
		}
		// a vendor maintains the product records of its own unit (issue 18)
		table.get(Role.VENDOR).add(Permission.PRODUCTS_MANAGE);
		// ISPs scan their subscribers' networks, units their own cameras (issue 19)
		table.get(Role.ISP_OPERATOR).add(Permission.MONITORING_SCAN);
		table.get(Role.UNIT_OFFICER).add(Permission.MONITORING_SCAN);
		// network monitoring findings (issue 19): owners triage, the head of the unit accepts a risk, readers read
		for (Role reader : new Role[] { Role.UNIT_OFFICER, Role.UNIT_APPROVER, Role.ISP_OPERATOR, Role.AUDITOR }) {
			table.get(reader).add(Permission.FINDINGS_READ);
		}
		table.get(Role.UNIT_OFFICER).add(Permission.FINDINGS_TRIAGE);
		table.get(Role.ISP_OPERATOR).add(Permission.FINDINGS_TRIAGE);
		table.get(Role.UNIT_APPROVER).add(Permission.FINDINGS_ACCEPT_RISK);
		// an ISP notifies its own subscribers and reports to the province (issue 19)
		table.get(Role.ISP_OPERATOR).add(Permission.NOTICES_MANAGE);
		// market inspectors keep the province's warning list with the province admin (issue 18)
		table.get(Role.MARKET_INSPECTOR).add(Permission.WARNINGS_MANAGE);
		// and read every procurement check of that province (issue 18: "market inspector reads all")
		table.get(Role.MARKET_INSPECTOR).add(Permission.PROCUREMENT_READ);
		for (Role role : Role.values()) {
			table.put(role, Set.copyOf(table.get(role)));
		}
		return Map.copyOf(table);
	}

}
