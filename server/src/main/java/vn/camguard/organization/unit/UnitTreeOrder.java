package vn.camguard.organization.unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts units in tree order (each parent before its children, siblings by code) with their depth. */
final class UnitTreeOrder {

	private UnitTreeOrder() {
	}

	static List<UnitNode> of(List<Unit> units) {
		Set<Long> present = new HashSet<>();
		units.forEach(u -> present.add(u.id()));
		Map<Long, List<Unit>> children = new HashMap<>();
		List<Unit> tops = new ArrayList<>();
		for (Unit unit : units) {
			if (unit.parentId() != null && present.contains(unit.parentId())) {
				children.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
			}
			else {
				tops.add(unit);
			}
		}
		List<UnitNode> ordered = new ArrayList<>(units.size());
		tops.sort(Comparator.comparing(Unit::code));
		for (Unit top : tops) {
			walk(top, 0, children, ordered);
		}
		return ordered;
	}

	private static void walk(Unit unit, int depth, Map<Long, List<Unit>> children, List<UnitNode> out) {
		out.add(new UnitNode(unit, depth));
		List<Unit> kids = new ArrayList<>(children.getOrDefault(unit.id(), List.of()));
		kids.sort(Comparator.comparing(Unit::code));
		for (Unit kid : kids) {
			walk(kid, depth + 1, children, out);
		}
	}

}
