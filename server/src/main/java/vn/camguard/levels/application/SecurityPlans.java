package vn.camguard.levels.application;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.inventory.SystemDirectory;
import vn.camguard.inventory.SystemDirectory.SystemRef;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.PlanItemState;
import vn.camguard.levels.domain.PlanProgress;
import vn.camguard.levels.domain.PlanStatus;
import vn.camguard.levels.domain.PlanUpdate;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.levels.persistence.PlanStore;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitScope;

/**
 * The security plan by level (phương án bảo đảm an toàn theo cấp độ) of each system with an approved
 * level: the requirement items of its approved dossier's framework version for that level, each with
 * its status, owner, due date and evidence; and how much is done per system, per unit subtree and for
 * the province. Readers of the system (inventory read) see it; the system's unit (inventory write)
 * records it; every change is audited. A framework version stored before requirement catalogues were
 * shipped uses the catalogue of the newest version of the same framework that has one.
 */
@Service
public class SecurityPlans {

	private final SystemDirectory systems;

	private final DossierStore dossiers;

	private final PlanStore store;

	private final FrameworkCatalogue frameworks;

	private final AttachmentStorage files;

	private final UnitDirectory units;

	private final AccessControl access;

	private final AuditTrail audit;

	public SecurityPlans(SystemDirectory systems, DossierStore dossiers, PlanStore store, FrameworkCatalogue frameworks,
			AttachmentStorage files, UnitDirectory units, AccessControl access, AuditTrail audit) {
		this.systems = systems;
		this.dossiers = dossiers;
		this.store = store;
		this.frameworks = frameworks;
		this.files = files;
		this.units = units;
		this.access = access;
		this.audit = audit;
	}

	/** One requirement with its state. */
	public record Line(FrameworkItem requirement, PlanItemState state) {
	}

	/** The plan of a system; dossier null (and no lines) while it has no approved level. */
	public record Plan(SystemRef system, Dossier dossier, Framework framework, List<Line> lines, PlanProgress progress,
			boolean canEdit) {
	}

	/** Progress of a unit's subtree, of each child's subtree, and of each system inside. */
	public record UnitProgress(UnitRef unit, PlanProgress progress, int systemsWithPlan, List<ChildProgress> children,
			List<SystemProgress> systems) {
	}

	public record ChildProgress(UnitRef unit, PlanProgress progress, int systemsWithPlan) {
	}

	public record SystemProgress(SystemRef system, int level, PlanProgress progress) {
	}


	@Transactional(readOnly = true)
	public Plan plan(long systemId) {
		SystemRef system = systems.readable(systemId).orElseThrow(() -> new LevelsNotFound("system", systemId));
		boolean canEdit = access.allows(Permission.INVENTORY_WRITE, system.unitId());
		Optional<Dossier> approved = Optional.ofNullable(dossiers.approved(List.of(systemId)).get(systemId));
		if (approved.isEmpty()) {
			return new Plan(system, null, null, List.of(), PlanProgress.NONE, canEdit);
		}
		Dossier dossier = approved.get();
		Framework framework = frameworks.framework(dossier.frameworkVersionId());
		Map<String, PlanItemState> states = new HashMap<>();
		store.items(dossier.id()).forEach(s -> states.put(s.itemKey(), s));
		List<Line> lines = requirements(framework, dossier.level()).stream()
			.map(r -> new Line(r, states.getOrDefault(r.key(), PlanItemState.notStarted(dossier.id(), r.key()))))
			.toList();
		int applicable = (int) lines.stream().filter(l -> l.state().status() != PlanStatus.NOT_APPLICABLE).count();
		int done = (int) lines.stream().filter(l -> l.state().status() == PlanStatus.DONE).count();
		return new Plan(system, dossier, framework, lines, new PlanProgress(applicable, done), canEdit);
	}

	/** Records the state of one requirement, with an optional evidence document (replacing an earlier one). */
	@Transactional
	public PlanItemState record(long systemId, String itemKey, PlanUpdate update, String fileName, InputStream evidence) {
		Plan plan = plan(systemId);
		if (!plan.canEdit()) {
			throw new AccessDeniedException("missing INVENTORY_WRITE on unit " + plan.system().unitId());
		}
		if (plan.dossier() == null) {
			throw new LevelRuleViolation(List.of("levels.problem.plan-none"));
		}
		Line line = plan.lines()
			.stream()
			.filter(l -> l.requirement().key().equals(itemKey))
			.findFirst()
			.orElseThrow(() -> new LevelsNotFound("requirement " + itemKey + " of the plan of system", systemId));
		List<String> problems = update.problems();
		if (!problems.isEmpty()) {
			throw new LevelRuleViolation(problems);
		}
		PlanItemState before = line.state();
		PlanItemState.Evidence document = before.evidence();
		AttachmentStorage.Stored stored = evidence == null ? null : files.store(evidence);
		if (stored != null) {
			document = new PlanItemState.Evidence(LevelDossiers.downloadName(fileName, stored), stored.type(),
					stored.size(), stored.sha256(), stored.storageKey());
		}
		PlanItemState after = new PlanItemState(plan.dossier().id(), itemKey, update.status(),
				update.status() == PlanStatus.NOT_APPLICABLE ? update.notApplicableReason() : null, update.owner(),
				update.dueOn(), update.evidenceLink(), document, access.caller().username(),
				OffsetDateTime.now(ZoneOffset.UTC));
		try {
			store.save(after);
			audit.record("level.plan.update", "level-plan-item", plan.dossier().id() + ":" + itemKey,
					plan.system().unitId(), auditState(before), auditState(after));
		}
		catch (RuntimeException failed) {
			if (stored != null) {
				files.discard(stored.storageKey());
			}
			throw failed;
		}
		return after;
	}

	/** The evidence document of a requirement of a plan the caller may read, checked against its checksum. */
	@Transactional(readOnly = true)
	public StoredFile evidence(long systemId, String itemKey) {
		Plan plan = plan(systemId);
		PlanItemState.Evidence evidence = plan.lines()
			.stream()
			.filter(l -> l.requirement().key().equals(itemKey))
			.map(l -> l.state().evidence())
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new LevelsNotFound("evidence " + itemKey + " of system", systemId));
		return new StoredFile(evidence.fileName(), evidence.type().mediaType(),
				files.read(evidence.storageKey(), evidence.sha256()));
	}

	/**
	 * Progress of the unit's subtree (the unit must be readable), of each child unit's subtree, and of
	 * each system with an approved level inside; without a unit, the top unit the caller reads (for a
	 * province administrator, the province).
	 */
	@Transactional(readOnly = true)
	public UnitProgress progress(Long unitId) {
		UnitScope scope = access.scope(Permission.INVENTORY_READ);
		long id = unitId != null ? unitId
				: scope.rootUnitIds().stream().min(Comparator.naturalOrder()).orElseThrow(
						() -> new AccessDeniedException("no unit to show"));
		if (!access.allows(Permission.INVENTORY_READ, id)) {
			throw new LevelsNotFound("unit", id);
		}
		UnitRef unit = units.find(id).orElseThrow(() -> new LevelsNotFound("unit", id));
		List<UnitRef> subtree = units.within(new UnitScope(Set.of(id)));
		Map<Long, UnitRef> byId = new HashMap<>();
		subtree.forEach(u -> byId.put(u.id(), u));
		Map<Long, Map<Integer, Integer>> catalogueSizes = new HashMap<>();
		Map<Long, PlanProgress> childProgress = new LinkedHashMap<>();
		Map<Long, Integer> childSystems = new HashMap<>();
		List<UnitRef> children = subtree.stream().filter(u -> u.parentId() != null && u.parentId() == id).toList();
		children.forEach(c -> childProgress.put(c.id(), PlanProgress.NONE));
		PlanProgress total = PlanProgress.NONE;
		List<SystemProgress> systemLines = new ArrayList<>();
		List<PlanStore.ApprovedPlan> plans = store.approvedIn(id);
		for (PlanStore.ApprovedPlan plan : plans) {
			int size = catalogueSizes.computeIfAbsent(plan.frameworkVersionId(), v -> new HashMap<>())
				.computeIfAbsent(plan.level(), level -> requirements(frameworks.framework(plan.frameworkVersionId()),
						level).size());
			PlanProgress progress = new PlanProgress(size - plan.notApplicable(), plan.done());
			total = total.plus(progress);
			Long child = childOf(plan.unitId(), id, byId);
			if (child != null) {
				childProgress.merge(child, progress, PlanProgress::plus);
				childSystems.merge(child, 1, Integer::sum);
			}
			systems.readable(plan.systemId())
				.ifPresent(system -> systemLines.add(new SystemProgress(system, plan.level(), progress)));
		}
		List<ChildProgress> childLines = children.stream()
			.map(c -> new ChildProgress(c, childProgress.get(c.id()), childSystems.getOrDefault(c.id(), 0)))
			.toList();
		return new UnitProgress(unit, total, plans.size(), childLines, systemLines);
	}

	/** The child of the root whose subtree holds the unit, or null for the root itself. */
	private static Long childOf(long unitId, long rootId, Map<Long, UnitRef> byId) {
		Long current = unitId;
		// bounded by the tree's depth; a unit missing from the map (deactivated) is counted in the root only
		for (int depth = 0; current != null && depth < 64; depth++) {
			UnitRef unit = byId.get(current);
			if (unit == null || unit.parentId() == null) {
				return null;
			}
			if (unit.parentId() == rootId) {
				return unit.id();
			}
			current = unit.parentId();
		}
		return null;
	}

	/**
	 * The requirement items of the level in the version, or where the version carries no catalogue, in
	 * the newest version of the same framework that does.
	 */
	List<FrameworkItem> requirements(Framework framework, int level) {
		if (!framework.ofKind(ItemKind.REQUIREMENT).isEmpty()) {
			return framework.forLevel(ItemKind.REQUIREMENT, level);
		}
		return frameworks.versions()
			.stream()
			.filter(v -> v.code().equals(framework.version().code()))
			.sorted(Comparator.comparingInt(FrameworkVersion::version).reversed())
			.map(v -> frameworks.framework(v.id()))
			.filter(f -> !f.ofKind(ItemKind.REQUIREMENT).isEmpty())
			.findFirst()
			.map(f -> f.forLevel(ItemKind.REQUIREMENT, level))
			.orElse(List.of());
	}

	private static Map<String, Object> auditState(PlanItemState state) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("status", state.status().name());
		values.put("notApplicableReason", state.notApplicableReason());
		values.put("owner", state.owner());
		values.put("dueOn", String.valueOf(state.dueOn()));
		values.put("evidenceLink", state.evidenceLink());
		values.put("evidenceFile", state.evidence() == null ? null : state.evidence().fileName());
		values.put("evidenceSha256", state.evidence() == null ? null : state.evidence().sha256());
		return values;
	}

}
