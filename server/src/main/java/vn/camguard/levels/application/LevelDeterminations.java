package vn.camguard.levels.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.inventory.SystemDirectory;
import vn.camguard.inventory.SystemDirectory.SystemRef;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.DeterminationRequest;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.Proposal;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;

/**
 * Level determination of information systems. Whoever may read a system (inventory read on its
 * unit) sees its determinations; whoever may change it (inventory write on its unit) runs the
 * wizard. A system or determination outside the caller's units is not found.
 */
@Service
public class LevelDeterminations {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final SystemDirectory systems;

	private final FrameworkCatalogue frameworks;

	private final DeterminationStore store;

	private final AccessControl access;

	private final AuditTrail audit;

	public LevelDeterminations(SystemDirectory systems, FrameworkCatalogue frameworks, DeterminationStore store,
			AccessControl access, AuditTrail audit) {
		this.systems = systems;
		this.frameworks = frameworks;
		this.store = store;
		this.access = access;
		this.audit = audit;
	}

	/** A determination with what is needed to show it: the system and the framework it used. */
	public record Result(Determination determination, SystemRef system, Framework framework, Proposal proposal) {

		public List<FrameworkItem> decidingRules() {
			return proposal.decidingRules();
		}

	}

	/** The system if the caller may read it, else not found. */
	public SystemRef system(long systemId) {
		return systems.readable(systemId).orElseThrow(() -> new LevelsNotFound("system", systemId));
	}

	public boolean canDetermine(SystemRef system) {
		return access.allows(Permission.INVENTORY_WRITE, system.unitId());
	}

	/** The system for the wizard: readable, else 404; writable, else 403. */
	public SystemRef systemToDetermine(long systemId) {
		SystemRef system = system(systemId);
		if (!canDetermine(system)) {
			throw new AccessDeniedException("missing INVENTORY_WRITE on unit " + system.unitId());
		}
		return system;
	}

	/**
	 * The framework versions the wizard offers: the newest version of each framework, the one
	 * applying today first (frameworks in transition, for systems already under way, after it).
	 */
	public List<FrameworkVersion> offeredFrameworks() {
		LocalDate today = LocalDate.now(VIETNAM);
		return frameworks.currentVersions()
			.stream()
			.sorted(Comparator.comparing((FrameworkVersion v) -> !v.appliesOn(today))
				.thenComparing(v -> v.inTransitionOn(today))
				.thenComparing(FrameworkVersion::validFrom, Comparator.reverseOrder()))
			.toList();
	}

	/** The framework a wizard run uses: a current version, else a broken rule (it was corrected meanwhile). */
	public Framework frameworkForWizard(long versionId) {
		Framework framework = frameworks.framework(versionId);
		if (!framework.version().current()) {
			throw new LevelRuleViolation(List.of("levels.problem.superseded"));
		}
		return framework;
	}

	/** What the rules propose, without saving (the wizard's preview). */
	public Proposal propose(long systemId, long frameworkVersionId, Map<String, String> answers) {
		systemToDetermine(systemId);
		return frameworkForWizard(frameworkVersionId).propose(answers);
	}

	/** Runs the rules and saves the result as a draft determination, audited. */
	@Transactional
	public Result determine(long systemId, DeterminationRequest request) {
		SystemRef system = systemToDetermine(systemId);
		Framework framework = frameworkForWizard(request.frameworkVersionId());
		Map<String, String> answers = onlyQuestions(framework, request.answers());
		Proposal proposal = framework.propose(answers);
		int level = request.settle(proposal);
		Determination draft = new Determination(0, system.id(), system.unitId(), framework.version().id(), answers,
				proposal.lowest(), proposal.highest(), proposal.decidingRules().stream().map(FrameworkItem::key).toList(),
				level, request.justification(), Determination.DRAFT, access.caller().username(),
				OffsetDateTime.now(ZoneOffset.UTC));
		long id = store.insert(draft);
		Determination saved = store.find(id).orElseThrow();
		audit.record("level.determination.create", "level-determination", Long.toString(id), system.unitId(), null,
				auditState(saved, framework.version()));
		return new Result(saved, system, framework, proposal);
	}

	@Transactional(readOnly = true)
	public Result determination(long id) {
		Determination determination = store.find(id).orElseThrow(() -> new LevelsNotFound("determination", id));
		SystemRef system = systems.readable(determination.systemId())
			.orElseThrow(() -> new LevelsNotFound("determination", id));
		return result(determination, system);
	}

	/** The system's determinations, newest first (404 when the system is out of scope). */
	@Transactional(readOnly = true)
	public List<Result> forSystem(long systemId) {
		SystemRef system = system(systemId);
		return store.forSystem(systemId).stream().map(d -> result(d, system)).toList();
	}

	private Result result(Determination determination, SystemRef system) {
		Framework framework = frameworks.framework(determination.frameworkVersionId());
		List<FrameworkItem> deciding = determination.decidingRules()
			.stream()
			.map(key -> framework.item(key).orElseThrow())
			.toList();
		return new Result(determination, system, framework,
				new Proposal(determination.proposedMin(), determination.proposedMax(), deciding));
	}

	/** Drops anything that is not an answer to one of the framework's questions. */
	private static Map<String, String> onlyQuestions(Framework framework, Map<String, String> answers) {
		Map<String, String> kept = new LinkedHashMap<>();
		for (FrameworkItem question : framework.ofKind(vn.camguard.levels.domain.ItemKind.QUESTION)) {
			if (answers.containsKey(question.key())) {
				kept.put(question.key(), answers.get(question.key()));
			}
		}
		return kept;
	}

	private static Map<String, Object> auditState(Determination determination, FrameworkVersion framework) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("systemId", determination.systemId());
		state.put("framework", framework.code());
		state.put("frameworkVersion", framework.version());
		state.put("frameworkVersionId", framework.id());
		state.put("answers", new java.util.TreeMap<>(determination.answers()));
		state.put("proposed", determination.proposedMin() + "-" + determination.proposedMax());
		state.put("decidingRules", determination.decidingRules());
		state.put("level", determination.chosenLevel());
		state.put("justification", determination.justification());
		state.put("status", determination.status());
		return state;
	}

}
