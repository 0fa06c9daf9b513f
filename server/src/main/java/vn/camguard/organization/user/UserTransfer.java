package vn.camguard.organization.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.camguard.organization.Permission;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitTransfer;
import vn.camguard.organization.access.RolePermissions;

/**
 * A merge's share of users: people homed in the merged unit are homed in the target, and grants on
 * the merged unit move to the target. A person granted on both keeps one grant, the stronger role
 * (the one whose permissions include the other's); two roles neither of which includes the other
 * are both kept, since dropping either would take a permission away.
 */
@Component
class UserTransfer implements UnitTransfer {

	private final JdbcClient jdbc;

	UserTransfer(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 0;
	}

	@Override
	public Map<String, Long> count(long unitId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("organization_user", countWhere("organization_user", unitId));
		counts.put("organization_grant", countWhere("organization_grant", unitId));
		return counts;
	}

	@Override
	public Map<String, Long> move(long fromUnitId, long toUnitId) {
		Map<String, Long> moved = new LinkedHashMap<>();
		moved.put("organization_user", (long) jdbc.sql("UPDATE organization_user SET unit_id = :to WHERE unit_id = :from")
			.param("to", toUnitId)
			.param("from", fromUnitId)
			.update());
		long grants = 0;
		for (Held held : grantsOn(fromUnitId)) {
			grants++;
			List<Held> onTarget = grantsOn(toUnitId).stream().filter(g -> g.userId() == held.userId()).toList();
			if (onTarget.stream().anyMatch(t -> includes(t.role(), held.role()))) {
				delete(held.id());
				continue;
			}
			for (Held weaker : onTarget) {
				if (includes(held.role(), weaker.role())) {
					delete(weaker.id());
				}
			}
			jdbc.sql("UPDATE organization_grant SET unit_id = :to WHERE id = :id")
				.param("to", toUnitId)
				.param("id", held.id())
				.update();
		}
		moved.put("organization_grant", grants);
		return moved;
	}

	/** Whether a grant of the first role makes a grant of the second redundant. */
	static boolean includes(Role stronger, Role weaker) {
		Set<Permission> strong = RolePermissions.of(stronger);
		return stronger == weaker || strong.containsAll(RolePermissions.of(weaker));
	}

	private List<Held> grantsOn(long unitId) {
		return new ArrayList<>(jdbc.sql("SELECT id, user_id, role FROM organization_grant WHERE unit_id = :unit ORDER BY id")
			.param("unit", unitId)
			.query((rs, n) -> new Held(rs.getLong(1), rs.getLong(2), Role.valueOf(rs.getString(3))))
			.list());
	}

	private void delete(long grantId) {
		jdbc.sql("DELETE FROM organization_grant WHERE id = :id").param("id", grantId).update();
	}

	private long countWhere(String table, long unitId) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE unit_id = :unit")
			.param("unit", unitId)
			.query(Long.class)
			.single();
	}

	private record Held(long id, long userId, Role role) {
	}

}
