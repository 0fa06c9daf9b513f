package vn.camguard.organization.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitTreeAsOf;
import vn.camguard.organization.unit.UnitImportFile.UnitRow;

/**
 * Reads and changes the unit tree on behalf of the signed-in caller; the web pages and the REST API
 * both go through here, so both are checked the same way. A unit outside the caller's read scope
 * is reported as missing (404), never as forbidden, so that its existence is not revealed.
 * <p>
 * Deactivation does not cascade: a unit with active children is refused until the children are
 * deactivated or moved, so that nobody switches off a whole district by one click.
 */
@Service
@Transactional
public class UnitAdministration {

	private final UnitStore units;

	private final AccessControl access;

	private final AuditTrail audit;

	private final JdbcUnitTreeAsOf history;

	UnitAdministration(UnitStore units, AccessControl access, AuditTrail audit, JdbcUnitTreeAsOf history) {
		this.units = units;
		this.access = access;
		this.audit = audit;
		this.history = history;
	}

	/** The units the caller may see, in tree order. */
	@Transactional(readOnly = true)
	public List<UnitNode> tree() {
		return UnitTreeOrder.of(units.under(access.scope(Permission.UNITS_READ).rootUnitIds()));
	}

	/** The units the caller may see as the tree stood at the end of the day (today's scope). */
	@Transactional(readOnly = true)
	public List<UnitNode> treeAsOf(LocalDate day) {
		return history.nodes(access.scope(Permission.UNITS_READ), UnitTreeAsOf.endOf(day));
	}

	/** Active units the caller may create units under or move units to. */
	@Transactional(readOnly = true)
	public List<UnitNode> manageable() {
		return UnitTreeOrder.of(units.under(access.scope(Permission.UNITS_MANAGE).rootUnitIds()))
			.stream()
			.filter(node -> node.unit().active())
			.toList();
	}

	@Transactional(readOnly = true)
	public Unit get(long id) {
		Unit unit = units.find(id).orElseThrow(UnitAdministration::notFound);
		if (!access.allows(Permission.UNITS_READ, id)) {
			throw notFound();
		}
		return unit;
	}

	/** Whether the caller may change this unit (also when it is deactivated, to bring it back). */
	@Transactional(readOnly = true)
	public boolean mayManage(long id) {
		return access.allows(Permission.UNITS_MANAGE, id);
	}

	/** The unit if the caller may see it, e.g. a parent shown only when it is inside the caller's scope. */
	@Transactional(readOnly = true)
	public Optional<Unit> findVisible(Long id) {
		return id == null ? Optional.empty()
				: units.find(id).filter(unit -> access.allows(Permission.UNITS_READ, unit.id()));
	}

	public Unit create(UnitDraft draft) {
		List<UnitProblem> problems = new ArrayList<>();
		String code = UnitDraft.cleanCode(draft.code());
		if (code == null) {
			problems.add(new UnitProblem(0, "code", "code", draft.code()));
		}
		String name = UnitDraft.cleanName(draft.name(), 0, problems);
		UnitKind kind = UnitKind.parse(draft.kind());
		if (kind == null) {
			problems.add(new UnitProblem(0, "kind", "kind", draft.kind()));
		}
		String parentCode = UnitDraft.cleanCode(draft.parentCode());
		Unit parent = parentCode == null ? null : units.findByCode(parentCode).orElse(null);
		if (parent == null) {
			problems.add(new UnitProblem(0, "parentCode", "parent-unknown", draft.parentCode()));
		}
		else if (!access.allows(Permission.UNITS_READ, parent.id())) {
			throw notFound();
		}
		else {
			access.require(Permission.UNITS_MANAGE, parent.id());
			if (!parent.active()) {
				problems.add(new UnitProblem(0, "parentCode", "parent-inactive", parent.code()));
			}
			else if (kind != null && !kind.mayHangUnder(parent.kind())) {
				problems.add(new UnitProblem(0, "parentCode", "parent-kind", parent.kind().name()));
			}
		}
		if (code != null && units.findByCode(code).isPresent()) {
			problems.add(new UnitProblem(0, "code", "code-taken", code));
		}
		if (!problems.isEmpty()) {
			throw new UnitRuleViolation(problems);
		}
		Unit created = units.insert(code, name, kind, parent.id());
		audit.record("unit.create", "unit", Long.toString(created.id()), created.id(), null, created.audited());
		return created;
	}

	public Unit rename(long id, String newName) {
		Unit unit = get(id);
		access.require(Permission.UNITS_MANAGE, id);
		List<UnitProblem> problems = new ArrayList<>();
		String name = UnitDraft.cleanName(newName, 0, problems);
		if (!problems.isEmpty()) {
			throw new UnitRuleViolation(problems);
		}
		units.rename(id, name);
		Unit after = units.find(id).orElseThrow();
		audit.record("unit.rename", "unit", Long.toString(id), id, unit.audited(), after.audited());
		return after;
	}

	public Unit move(long id, long newParentId) {
		Unit unit = get(id);
		access.require(Permission.UNITS_MANAGE, id);
		Unit parent = units.find(newParentId)
			.orElseThrow(() -> new UnitRuleViolation(
					new UnitProblem(0, "parentId", "parent-unknown", Long.toString(newParentId))));
		if (!access.allows(Permission.UNITS_READ, parent.id())) {
			throw notFound();
		}
		access.require(Permission.UNITS_MANAGE, parent.id());
		if (unit.parentId() == null) {
			throw new UnitRuleViolation(new UnitProblem(0, "parentId", "root-fixed", unit.code()));
		}
		if (unit.merged()) {
			throw new UnitRuleViolation(new UnitProblem(0, "id", "merged", unit.code()));
		}
		if (units.isUnder(parent.id(), unit.id())) {
			throw new UnitRuleViolation(new UnitProblem(0, "parentId", "cycle", parent.code()));
		}
		if (!parent.active()) {
			throw new UnitRuleViolation(new UnitProblem(0, "parentId", "parent-inactive", parent.code()));
		}
		if (!unit.kind().mayHangUnder(parent.kind())) {
			throw new UnitRuleViolation(new UnitProblem(0, "parentId", "parent-kind", parent.kind().name()));
		}
		if (unit.parentId() == parent.id()) {
			return unit;
		}
		units.move(id, parent.id());
		Unit after = units.find(id).orElseThrow();
		audit.record("unit.move", "unit", Long.toString(id), id, unit.audited(), after.audited());
		return after;
	}

	public Unit deactivate(long id) {
		Unit unit = get(id);
		access.require(Permission.UNITS_MANAGE, id);
		if (unit.parentId() == null) {
			throw new UnitRuleViolation(new UnitProblem(0, "id", "root-fixed", unit.code()));
		}
		if (!unit.active()) {
			return unit;
		}
		if (units.countActiveChildren(id) > 0) {
			throw new UnitRuleViolation(new UnitProblem(0, "id", "active-children", unit.code()));
		}
		units.deactivate(id);
		Unit after = units.find(id).orElseThrow();
		audit.record("unit.deactivate", "unit", Long.toString(id), id, unit.audited(), after.audited());
		return after;
	}

	/**
	 * Brings a deactivated unit back. Its parent must be active, so that reactivation never
	 * leaves an active unit under a deactivated one (the mirror of the deactivation rule).
	 */
	public Unit reactivate(long id) {
		Unit unit = get(id);
		access.require(Permission.UNITS_MANAGE, id);
		if (unit.active()) {
			return unit;
		}
		if (unit.merged()) {
			throw new UnitRuleViolation(new UnitProblem(0, "id", "merged", unit.code()));
		}
		Unit parent = units.find(unit.parentId()).orElseThrow();
		if (!parent.active()) {
			throw new UnitRuleViolation(new UnitProblem(0, "id", "parent-inactive", parent.code()));
		}
		units.reactivate(id);
		Unit after = units.find(id).orElseThrow();
		audit.record("unit.reactivate", "unit", Long.toString(id), id, unit.audited(), after.audited());
		return after;
	}

	/**
	 * Creates every unit of the file or none: all rows are checked first and every problem is
	 * reported with its row number. A row's parent may be an existing unit the caller manages or
	 * another row of the same file (in any order).
	 */
	public List<Unit> importUnits(List<UnitRow> rows) {
		List<UnitProblem> problems = new ArrayList<>();
		if (rows.isEmpty()) {
			throw new UnitRuleViolation(new UnitProblem(0, "file", "empty", null));
		}
		Map<String, UnitRow> byCode = new LinkedHashMap<>();
		Map<String, String> names = new HashMap<>();
		Map<String, UnitKind> kinds = new HashMap<>();
		Map<String, String> parents = new HashMap<>();
		for (UnitRow row : rows) {
			UnitDraft draft = row.draft();
			String code = UnitDraft.cleanCode(draft.code());
			if (code == null) {
				problems.add(new UnitProblem(row.row(), "code", "code", draft.code()));
			}
			else if (byCode.containsKey(code)) {
				problems.add(new UnitProblem(row.row(), "code", "code-repeated", code));
			}
			String name = UnitDraft.cleanName(draft.name(), row.row(), problems);
			UnitKind kind = UnitKind.parse(draft.kind());
			if (kind == null) {
				problems.add(new UnitProblem(row.row(), "kind", "kind", draft.kind()));
			}
			String parentCode = UnitDraft.cleanCode(draft.parentCode());
			if (parentCode == null) {
				problems.add(new UnitProblem(row.row(), "parent_code", "parent-unknown", draft.parentCode()));
			}
			if (code != null && !byCode.containsKey(code)) {
				byCode.put(code, row);
				names.put(code, name);
				kinds.put(code, kind);
				parents.put(code, parentCode);
			}
		}
		Map<String, Unit> existing = new HashMap<>();
		Set<String> referenced = new HashSet<>(byCode.keySet());
		referenced.addAll(parents.values().stream().filter(Objects::nonNull).toList());
		units.findByCodes(referenced).forEach(u -> existing.put(u.code(), u));
		for (Map.Entry<String, UnitRow> entry : byCode.entrySet()) {
			String code = entry.getKey();
			int row = entry.getValue().row();
			if (existing.containsKey(code)) {
				problems.add(new UnitProblem(row, "code", "code-taken", code));
			}
			String parentCode = parents.get(code);
			if (parentCode == null) {
				continue;
			}
			UnitKind parentKind;
			if (byCode.containsKey(parentCode)) {
				parentKind = kinds.get(parentCode);
			}
			else if (existing.containsKey(parentCode)
					&& access.allows(Permission.UNITS_READ, existing.get(parentCode).id())) {
				Unit parent = existing.get(parentCode);
				parentKind = parent.kind();
				if (!access.allows(Permission.UNITS_MANAGE, parent.id())) {
					problems.add(new UnitProblem(row, "parent_code", "parent-denied", parentCode));
				}
				else if (!parent.active()) {
					problems.add(new UnitProblem(row, "parent_code", "parent-inactive", parentCode));
				}
			}
			else {
				problems.add(new UnitProblem(row, "parent_code", "parent-unknown", parentCode));
				continue;
			}
			UnitKind kind = kinds.get(code);
			if (kind != null && parentKind != null && !kind.mayHangUnder(parentKind)) {
				problems.add(new UnitProblem(row, "parent_code", "parent-kind", parentKind.name()));
			}
		}
		List<String> order = insertionOrder(byCode, parents, problems);
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparingInt(UnitProblem::row));
			throw new UnitRuleViolation(problems);
		}
		List<Unit> created = new ArrayList<>();
		Map<String, Long> ids = new HashMap<>();
		existing.forEach((code, unit) -> ids.put(code, unit.id()));
		for (String code : order) {
			Unit unit = units.insert(code, names.get(code), kinds.get(code), ids.get(parents.get(code)));
			ids.put(code, unit.id());
			created.add(unit);
			audit.record("unit.create", "unit", Long.toString(unit.id()), unit.id(), null, unit.audited());
		}
		audit.record("unit.import", "unit", null, created.get(0).parentId(), null,
				Map.of("created", created.size()));
		return created;
	}

	/** Parents before children; rows whose parents form a loop inside the file are reported. */
	private static List<String> insertionOrder(Map<String, UnitRow> byCode, Map<String, String> parents,
			List<UnitProblem> problems) {
		List<String> order = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		boolean progress = true;
		while (progress && order.size() < byCode.size()) {
			progress = false;
			for (String code : byCode.keySet()) {
				if (placed.contains(code)) {
					continue;
				}
				String parent = parents.get(code);
				if (parent == null || !byCode.containsKey(parent) || placed.contains(parent)) {
					order.add(code);
					placed.add(code);
					progress = true;
				}
			}
		}
		for (Map.Entry<String, UnitRow> entry : byCode.entrySet()) {
			if (!placed.contains(entry.getKey())) {
				problems.add(new UnitProblem(entry.getValue().row(), "parent_code", "cycle", parents.get(entry.getKey())));
			}
		}
		return order;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
