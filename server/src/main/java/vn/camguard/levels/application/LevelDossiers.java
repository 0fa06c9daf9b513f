package vn.camguard.levels.application;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.inventory.SystemDirectory;
import vn.camguard.inventory.SystemDirectory.SystemRef;
import vn.camguard.levels.domain.Attachment;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierAction;
import vn.camguard.levels.domain.DossierBody;
import vn.camguard.levels.domain.DossierEvent;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.StepDeadline;
import vn.camguard.levels.domain.WorkingDays;
import vn.camguard.levels.persistence.DeterminationStore;
import vn.camguard.levels.persistence.DossierStore;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;

/**
 * Level-proposal dossiers (hồ sơ đề xuất cấp độ) and their workflow. Whoever may read the system sees
 * its dossiers, files and timeline (otherwise: not found). Each step is taken only by the body the
 * dossier's framework version names for its level ({@link CompetentBodies}; otherwise: 403), only from
 * the statuses the step starts from (otherwise a broken rule), and each is written to the timeline
 * and the audit log.
 */
@Service
public class LevelDossiers {

	private final SystemDirectory systems;

	private final FrameworkCatalogue frameworks;

	private final DeterminationStore determinations;

	private final DossierStore store;

	private final CompetentBodies bodies;

	private final AttachmentStorage files;

	private final WorkingCalendar calendar;

	private final AccessControl access;

	private final AuditTrail audit;

	public LevelDossiers(SystemDirectory systems, FrameworkCatalogue frameworks, DeterminationStore determinations,
			DossierStore store, CompetentBodies bodies, AttachmentStorage files, WorkingCalendar calendar,
			AccessControl access, AuditTrail audit) {
		this.systems = systems;
		this.frameworks = frameworks;
		this.determinations = determinations;
		this.store = store;
		this.bodies = bodies;
		this.files = files;
		this.calendar = calendar;
		this.access = access;
		this.audit = audit;
	}

	/** What a step needs besides the dossier: a comment, and for an approval the decision. */
	public record StepInput(String comment, String decisionNumber, LocalDate decisionDate, String decisionSigner) {

		public StepInput {
			comment = clean(comment);
			decisionNumber = clean(decisionNumber);
			decisionSigner = clean(decisionSigner);
		}

	}

	/** A dossier with everything its page shows. */
	public record View(Dossier dossier, SystemRef system, Framework framework, List<FrameworkItem> parts,
			List<Attachment> attachments, List<DossierEvent> timeline, List<DossierAction> allowedActions,
			boolean canUpload, Integer workingDaysLeft, Map<DossierBody, List<FrameworkItem>> bodies) {

		public List<Attachment> attachmentsOf(String partKey) {
			return attachments.stream().filter(a -> a.partKey().equals(partKey)).toList();
		}

	}

	/** A line of the appraising side's queue. */
	public record QueueEntry(Dossier dossier, SystemRef system, String frameworkCode, DossierBody actingBody,
			Integer workingDaysLeft) {
	}


	@Transactional(readOnly = true)
	public View view(long dossierId) {
		Dossier dossier = readable(dossierId);
		SystemRef system = systems.readable(dossier.systemId()).orElseThrow();
		Framework framework = frameworks.framework(dossier.frameworkVersionId());
		boolean oneBody = bodies.oneBodyAppraisesAndApproves(framework, dossier.level());
		List<DossierAction> allowed = Arrays.stream(DossierAction.values())
			.filter(a -> a.startsFrom(dossier.status(), oneBody)
					&& bodies.isBody(a.body(), framework, dossier.level(), dossier.unitId()))
			.toList();
		boolean canUpload = dossier.status().editable()
				&& bodies.isBody(DossierBody.PREPARER, framework, dossier.level(), dossier.unitId());
		Map<DossierBody, List<FrameworkItem>> named = new LinkedHashMap<>();
		for (DossierBody body : DossierBody.values()) {
			named.put(body, bodies.named(body, framework, dossier.level()));
		}
		return new View(dossier, system, framework, parts(framework, dossier.level()), store.attachments(dossierId),
				store.events(dossierId), allowed, canUpload, deadline(dossier).workingDaysLeft(today(),
						calendar.workingDays()), named);
	}

	/** The system's dossiers, newest first (404 when the system is out of scope). */
	@Transactional(readOnly = true)
	public List<Dossier> forSystem(long systemId) {
		systems.readable(systemId).orElseThrow(() -> new LevelsNotFound("system", systemId));
		return store.forSystem(systemId);
	}

	/** A dossier in a list, with its system. */
	public record Listed(Dossier dossier, SystemRef system) {
	}

	/** The most dossiers one list answers. */
	public static final int LIST_LIMIT = 500;

	/**
	 * Dossiers of systems the caller may read, newest first, at most {@link #LIST_LIMIT}; only of the
	 * status and the system when given.
	 */
	@Transactional(readOnly = true)
	public List<Listed> list(DossierStatus status, Long systemId) {
		List<Listed> listed = new ArrayList<>();
		for (Dossier dossier : store.inScope(access.scope(Permission.INVENTORY_READ), status, systemId, LIST_LIMIT)) {
			systems.readable(dossier.systemId()).ifPresent(system -> listed.add(new Listed(dossier, system)));
		}
		return listed;
	}

	/** The dossier of a determination, if one was opened. */
	@Transactional(readOnly = true)
	public Optional<Dossier> forDetermination(long determinationId) {
		return store.forDetermination(determinationId);
	}

	/** Whether the caller may open a dossier from the determination (prepares at its level, none open yet). */
	public boolean canOpen(LevelDeterminations.Result result) {
		Determination d = result.determination();
		return bodies.isBody(DossierBody.PREPARER, result.framework(), d.chosenLevel(), result.system().unitId())
				&& store.forDetermination(d.id()).isEmpty();
	}

	/**
	 * Opens the dossier of a determination as a draft. When the system already has an approved level
	 * this is a re-levelling (the system changed) and needs the reason; the approved level stays in
	 * force until the re-levelling is approved.
	 */
	@Transactional
	public Dossier open(long determinationId, String relevelReason) {
		Determination determination = determinations.find(determinationId)
			.orElseThrow(() -> new LevelsNotFound("determination", determinationId));
		SystemRef system = systems.readable(determination.systemId())
			.orElseThrow(() -> new LevelsNotFound("determination", determinationId));
		Framework framework = frameworks.framework(determination.frameworkVersionId());
		if (!bodies.isBody(DossierBody.PREPARER, framework, determination.chosenLevel(), system.unitId())) {
			throw new AccessDeniedException("not the preparing body of level " + determination.chosenLevel());
		}
		List<String> problems = new ArrayList<>();
		List<Dossier> existing = store.forSystem(system.id());
		if (store.forDetermination(determinationId).isPresent()) {
			problems.add("levels.problem.dossier-exists");
		}
		else if (existing.stream().anyMatch(d -> DossierStatus.OPEN.contains(d.status()))) {
			problems.add("levels.problem.dossier-open");
		}
		Optional<Dossier> approved = existing.stream().filter(d -> d.status() == DossierStatus.APPROVED).findFirst();
		String reason = clean(relevelReason);
		if (approved.isPresent() && reason == null) {
			problems.add("levels.problem.relevel-reason");
		}
		if (reason != null && reason.length() > 4000) {
			problems.add("levels.problem.text-too-long");
		}
		if (!problems.isEmpty()) {
			throw new LevelRuleViolation(problems);
		}
		OffsetDateTime now = now();
		Dossier draft = new Dossier(0, system.id(), system.unitId(), determinationId, framework.version().id(),
				determination.chosenLevel(), DossierStatus.DRAFT, approved.map(Dossier::id).orElse(null),
				approved.isPresent() ? reason : null, null, null, null, access.caller().username(), now, now);
		long id = store.insert(draft);
		String action = approved.isPresent() ? "RELEVEL" : "CREATE";
		store.insertEvent(id, action, null, DossierStatus.DRAFT, access.caller().username(), draft.relevelReason(), now);
		Dossier saved = store.find(id).orElseThrow();
		audit.record("level.dossier.create", "level-dossier", Long.toString(id), system.unitId(), null,
				state(saved, framework));
		return saved;
	}

	/** Adds a file to a dossier part (draft or returned dossiers, by the preparing body). */
	@Transactional
	public Attachment attach(long dossierId, String partKey, String fileName, InputStream content) {
		Dossier dossier = readable(dossierId);
		Framework framework = frameworks.framework(dossier.frameworkVersionId());
		if (!bodies.isBody(DossierBody.PREPARER, framework, dossier.level(), dossier.unitId())) {
			throw new AccessDeniedException("not the preparing body");
		}
		List<String> problems = new ArrayList<>();
		if (!dossier.status().editable()) {
			problems.add("levels.problem.dossier-locked");
		}
		if (parts(framework, dossier.level()).stream().noneMatch(p -> p.key().equals(partKey))) {
			problems.add("levels.problem.dossier-part");
		}
		if (!problems.isEmpty()) {
			throw new LevelRuleViolation(problems);
		}
		AttachmentStorage.Stored stored = files.store(content);
		try {
			Attachment attachment = new Attachment(0, dossierId, partKey, downloadName(fileName, stored),
					stored.type(), stored.size(), stored.sha256(), stored.storageKey(), access.caller().username(),
					now());
			long id = store.insertAttachment(attachment);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("dossierId", dossierId);
			after.put("part", partKey);
			after.put("fileName", attachment.fileName());
			after.put("type", stored.type().name());
			after.put("size", stored.size());
			after.put("sha256", stored.sha256());
			audit.record("level.dossier.attach", "level-dossier-attachment", Long.toString(id), dossier.unitId(), null,
					after);
			return store.attachment(dossierId, id).orElseThrow();
		}
		catch (RuntimeException failed) {
			files.discard(stored.storageKey());
			throw failed;
		}
	}

	/** A file of a dossier the caller may read, checked against its checksum. */
	@Transactional(readOnly = true)
	public StoredFile download(long dossierId, long attachmentId) {
		readable(dossierId);
		Attachment attachment = store.attachment(dossierId, attachmentId)
			.orElseThrow(() -> new LevelsNotFound("attachment", attachmentId));
		return new StoredFile(attachment.fileName(), attachment.type().mediaType(),
				files.read(attachment.storageKey(), attachment.sha256()));
	}

	/** Takes a step of the workflow. */
	@Transactional
	public Dossier act(long dossierId, DossierAction action, StepInput input) {
		Dossier dossier = readable(dossierId);
		Framework framework = frameworks.framework(dossier.frameworkVersionId());
		if (!bodies.isBody(action.body(), framework, dossier.level(), dossier.unitId())) {
			throw new AccessDeniedException("not the " + action.body() + " of level " + dossier.level());
		}
		boolean oneBody = bodies.oneBodyAppraisesAndApproves(framework, dossier.level());
		List<String> problems = new ArrayList<>();
		if (!action.startsFrom(dossier.status(), oneBody)) {
			problems.add("levels.problem.step-not-allowed");
		}
		if (action.needsComment() && input.comment() == null) {
			problems.add("levels.problem.comment-required");
		}
		if (input.comment() != null && input.comment().length() > 4000) {
			problems.add("levels.problem.text-too-long");
		}
		if ((action == DossierAction.SUBMIT || action == DossierAction.RESUBMIT) && problems.isEmpty()) {
			List<Attachment> attached = store.attachments(dossierId);
			for (FrameworkItem part : parts(framework, dossier.level())) {
				if (attached.stream().noneMatch(a -> a.partKey().equals(part.key()))) {
					problems.add("levels.problem.part-missing:" + part.key());
				}
			}
		}
		Dossier.Decision decision = null;
		if (action == DossierAction.APPROVE) {
			if (input.decisionNumber() == null || input.decisionDate() == null || input.decisionSigner() == null) {
				problems.add("levels.problem.decision-required");
			}
			else if (input.decisionNumber().length() > 100 || input.decisionSigner().length() > 300) {
				problems.add("levels.problem.text-too-long");
			}
			else if (input.decisionDate().isAfter(today())) {
				problems.add("levels.problem.decision-date");
			}
			decision = new Dossier.Decision(input.decisionNumber(), input.decisionDate(), input.decisionSigner());
		}
		if (!problems.isEmpty()) {
			throw new LevelRuleViolation(problems);
		}
		WorkingDays workingDays = calendar.workingDays();
		StepDeadline clock = StepDeadline.entering(action.to(), framework, dossier.level(), oneBody, today(),
				workingDays);
		OffsetDateTime now = now();
		if (!store.transition(dossierId, dossier.status(), action.to(), clock.startedOn(), clock.dueOn(), decision,
				now)) {
			throw new LevelRuleViolation(List.of("levels.problem.step-not-allowed"));
		}
		String comment = action == DossierAction.APPROVE ? decisionWords(decision, input.comment()) : input.comment();
		store.insertEvent(dossierId, action.name(), dossier.status(), action.to(), access.caller().username(), comment,
				now);
		Dossier after = store.find(dossierId).orElseThrow();
		audit.record("level.dossier." + action.name().toLowerCase(java.util.Locale.ROOT), "level-dossier",
				Long.toString(dossierId), dossier.unitId(), state(dossier, framework), state(after, framework));
		if (action == DossierAction.APPROVE) {
			supersedeEarlier(after, framework);
		}
		return after;
	}

	/**
	 * The appraising side's queue: dossiers of the caller's units waiting for a body the caller is
	 * (completeness check and appraisal for the appraising body, approval for the approving one), the
	 * earliest legal deadline first, with the working days left.
	 */
	@Transactional(readOnly = true)
	public List<QueueEntry> queue() {
		WorkingDays workingDays = calendar.workingDays();
		LocalDate today = today();
		List<QueueEntry> entries = new ArrayList<>();
		for (Dossier dossier : store.awaitingAuthority(access.scope(Permission.INVENTORY_READ))) {
			Framework framework = frameworks.framework(dossier.frameworkVersionId());
			boolean oneBody = bodies.oneBodyAppraisesAndApproves(framework, dossier.level());
			Optional<DossierAction> next = Arrays.stream(DossierAction.values())
				.filter(a -> a.body() != DossierBody.PREPARER && a.startsFrom(dossier.status(), oneBody)
						&& bodies.isBody(a.body(), framework, dossier.level(), dossier.unitId()))
				.findFirst();
			Optional<SystemRef> system = systems.readable(dossier.systemId());
			if (next.isPresent() && system.isPresent()) {
				entries.add(new QueueEntry(dossier, system.get(), framework.version().code(), next.get().body(),
						deadline(dossier).workingDaysLeft(today, workingDays)));
			}
		}
		return entries;
	}

	private void supersedeEarlier(Dossier approved, Framework framework) {
		OffsetDateTime now = now();
		for (Dossier earlier : store.forSystem(approved.systemId())) {
			if (earlier.id() != approved.id() && earlier.status() == DossierStatus.APPROVED
					&& store.transition(earlier.id(), DossierStatus.APPROVED, DossierStatus.SUPERSEDED, null, null, null,
							now)) {
				store.insertEvent(earlier.id(), "SUPERSEDE", DossierStatus.APPROVED, DossierStatus.SUPERSEDED,
						access.caller().username(), "#" + approved.id(), now);
				audit.record("level.dossier.supersede", "level-dossier", Long.toString(earlier.id()), earlier.unitId(),
						state(earlier, framework), Map.of("status", DossierStatus.SUPERSEDED.name(), "supersededBy",
								approved.id()));
			}
		}
	}

	private Dossier readable(long dossierId) {
		Dossier dossier = store.find(dossierId).orElseThrow(() -> new LevelsNotFound("dossier", dossierId));
		systems.readable(dossier.systemId()).orElseThrow(() -> new LevelsNotFound("dossier", dossierId));
		return dossier;
	}

	private static StepDeadline deadline(Dossier dossier) {
		return new StepDeadline(dossier.stepStartedOn(), dossier.stepDueOn());
	}

	private static List<FrameworkItem> parts(Framework framework, int level) {
		return framework.forLevel(ItemKind.DOSSIER_PART, level);
	}

	/** The uploaded name without any path, its extension replaced by the detected type's. */
	static String downloadName(String uploaded, AttachmentStorage.Stored stored) {
		String name = uploaded == null ? "" : uploaded.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		int dot = name.lastIndexOf('.');
		String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("\\p{Cntrl}", "").strip();
		if (base.isEmpty()) {
			base = "tep-dinh-kem";
		}
		if (base.length() > 200) {
			base = base.substring(0, 200);
		}
		return base + "." + stored.type().extension();
	}

	private static String decisionWords(Dossier.Decision decision, String comment) {
		String words = decision.number() + " · " + decision.date() + " · " + decision.signer();
		return comment == null ? words : words + "\n" + comment;
	}

	private static Map<String, Object> state(Dossier dossier, Framework framework) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("systemId", dossier.systemId());
		state.put("determinationId", dossier.determinationId());
		state.put("framework", framework.version().code());
		state.put("frameworkVersion", framework.version().version());
		state.put("level", dossier.level());
		state.put("status", dossier.status().name());
		state.put("relevelOf", dossier.relevelOfId());
		state.put("relevelReason", dossier.relevelReason());
		state.put("stepDueOn", String.valueOf(dossier.stepDueOn()));
		if (dossier.decision() != null) {
			state.put("decisionNumber", dossier.decision().number());
			state.put("decisionDate", String.valueOf(dossier.decision().date()));
			state.put("decisionSigner", dossier.decision().signer());
		}
		return state;
	}

	private static LocalDate today() {
		return LocalDate.now(LevelDeterminations.VIETNAM);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	private static String clean(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
