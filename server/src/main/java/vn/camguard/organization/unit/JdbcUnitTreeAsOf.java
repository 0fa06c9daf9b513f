package vn.camguard.organization.unit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.organization.UnitScope;
import vn.camguard.organization.UnitTreeAsOf;

/** The tree of a past moment from the parent history (the closure table only knows today's tree). */
@Service
@Transactional(readOnly = true)
class JdbcUnitTreeAsOf implements UnitTreeAsOf {

	private final UnitStore units;

	JdbcUnitTreeAsOf(UnitStore units) {
		this.units = units;
	}

	@Override
	public List<UnitAsOf> within(UnitScope scope, Instant at) {
		return nodes(scope, at).stream().map(JdbcUnitTreeAsOf::asOf).toList();
	}

	/** The same tree as units with depths, for the tree page. */
	List<UnitNode> nodes(UnitScope scope, Instant at) {
		if (scope.isEmpty()) {
			return List.of();
		}
		Set<Long> today = new HashSet<>();
		units.under(scope.rootUnitIds()).forEach(u -> today.add(u.id()));
		List<Unit> then = units.asOf(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.stream()
			.filter(u -> today.contains(u.id()))
			.toList();
		return UnitTreeOrder.of(then);
	}

	@Override
	public Set<Long> subtree(long unitId, Instant at) {
		Map<Long, List<Long>> children = new HashMap<>();
		Set<Long> existing = new HashSet<>();
		for (Unit unit : units.asOf(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))) {
			existing.add(unit.id());
			if (unit.parentId() != null) {
				children.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit.id());
			}
		}
		Set<Long> found = new HashSet<>();
		if (!existing.contains(unitId)) {
			return found;
		}
		List<Long> todo = new ArrayList<>(List.of(unitId));
		while (!todo.isEmpty()) {
			long id = todo.removeLast();
			if (found.add(id)) {
				todo.addAll(children.getOrDefault(id, List.of()));
			}
		}
		return found;
	}

	private static UnitAsOf asOf(UnitNode node) {
		Unit u = node.unit();
		return new UnitAsOf(u.id(), u.code(), u.name(), u.kind().name(), u.parentId(), node.depth(), u.mergedIntoId(),
				u.mergedOn());
	}

}
