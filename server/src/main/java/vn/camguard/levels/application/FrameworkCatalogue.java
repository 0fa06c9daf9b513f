package vn.camguard.levels.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.ItemCorrection;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.LocalizedText;
import vn.camguard.levels.persistence.FrameworkStore;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Caller;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;

/**
 * The level frameworks: every signed-in user reads them (they restate the law); only a province
 * administrator granted on a province (a root of the unit tree) corrects them, because they hold
 * for the whole province. A correction never changes a version: it writes the next version of the
 * same framework (copy on write), so each determination keeps the rules it was made under.
 */
@Service
public class FrameworkCatalogue {

	private final FrameworkStore store;

	private final AccessControl access;

	private final UnitDirectory units;

	private final AuditTrail audit;

	public FrameworkCatalogue(FrameworkStore store, AccessControl access, UnitDirectory units, AuditTrail audit) {
		this.store = store;
		this.access = access;
		this.units = units;
		this.audit = audit;
	}

	/** New version metadata when copying a version. */
	public record VersionCopy(String nameVi, String nameEn, LocalDate validFrom, LocalDate validUntil,
			LocalDate transitionUntil, String note) {
	}

	/**
	 * What the administrator needs to see before correcting a version: how many of its items still wait
	 * for a check against the official text, and how many determinations and dossiers (with their plans)
	 * keep it, because a correction never changes them.
	 */
	public record VersionUse(int itemsNotVerified, int determinations, int dossiers) {

		public static final VersionUse NONE = new VersionUse(0, 0, 0);

	}

	/** The use of every version, by version id. */
	@Transactional(readOnly = true)
	public Map<Long, VersionUse> uses() {
		Map<Long, Integer> notVerified = store.notVerifiedCounts();
		Map<Long, Integer> determinations = store.determinationCounts();
		Map<Long, Integer> dossiers = store.dossierCounts();
		Map<Long, VersionUse> uses = new LinkedHashMap<>();
		for (FrameworkVersion version : store.versions()) {
			uses.put(version.id(), new VersionUse(notVerified.getOrDefault(version.id(), 0),
					determinations.getOrDefault(version.id(), 0), dossiers.getOrDefault(version.id(), 0)));
		}
		return uses;
	}

	@Transactional(readOnly = true)
	public List<FrameworkVersion> versions() {
		return store.versions();
	}

	/** The newest version of each framework, for the wizard. */
	@Transactional(readOnly = true)
	public List<FrameworkVersion> currentVersions() {
		return store.versions().stream().filter(FrameworkVersion::current).toList();
	}

	@Transactional(readOnly = true)
	public Framework framework(long versionId) {
		return store.framework(versionId).orElseThrow(() -> new LevelsNotFound("framework", versionId));
	}

	/** Whether the caller may correct frameworks: the permission on a province (a root unit). */
	public boolean canManage() {
		Caller caller = access.caller();
		return caller.grants()
			.stream()
			.map(Caller.Grant::unitId)
			.distinct()
			.anyMatch(unitId -> units.find(unitId).map(u -> u.parentId() == null).orElse(false)
					&& access.allows(Permission.FRAMEWORKS_MANAGE, unitId));
	}

	public void requireManage() {
		if (!canManage()) {
			throw new AccessDeniedException("missing FRAMEWORKS_MANAGE on a province");
		}
	}

	/** Corrects one item; answers the new version, which carries the correction. */
	@Transactional
	public FrameworkVersion correctItem(long versionId, String itemKey, ItemCorrection correction) {
		requireManage();
		Framework framework = framework(versionId);
		FrameworkItem before = framework.item(itemKey)
			.orElseThrow(() -> new LevelsNotFound("framework item " + itemKey + " of", versionId));
		List<String> problems = new ArrayList<>(correction.problems(before));
		requireCurrent(framework.version(), problems);
		FrameworkItem after = before.corrected(correction);
		List<FrameworkItem> items = framework.items().stream().map(i -> i.key().equals(itemKey) ? after : i).toList();
		String note = correction.note() != null ? correction.note() : "correction of " + itemKey;
		FrameworkVersion next = nextVersion(framework.version(), framework.version().name(), framework.version().validFrom(),
				framework.version().validUntil(), framework.version().transitionUntil(), note);
		long id = store.insert(next, items);
		audit.record("level.framework.correct", "level-framework", Long.toString(id), null,
				itemState(framework.version(), before), itemState(next, after));
		return store.version(id).orElseThrow();
	}

	/** Adds a version of the same framework, copied from this one, with new dates and name. */
	@Transactional
	public FrameworkVersion copy(long versionId, VersionCopy copy) {
		requireManage();
		Framework framework = framework(versionId);
		List<String> problems = new ArrayList<>();
		if (blank(copy.nameVi()) || blank(copy.nameEn())) {
			problems.add("levels.problem.text-required");
		}
		if (copy.validFrom() == null) {
			problems.add("levels.problem.valid-from");
		}
		else if ((copy.validUntil() != null && !copy.validUntil().isAfter(copy.validFrom()))
				|| (copy.transitionUntil() != null
						&& (copy.validUntil() == null || copy.transitionUntil().isBefore(copy.validUntil())))) {
			problems.add("levels.problem.dates-order");
		}
		if (blank(copy.note())) {
			problems.add("levels.problem.note-required");
		}
		requireCurrent(framework.version(), problems);
		FrameworkVersion next = nextVersion(framework.version(), new LocalizedText(copy.nameVi().strip(), copy.nameEn().strip()),
				copy.validFrom(), copy.validUntil(), copy.transitionUntil(), copy.note().strip());
		long id = store.insert(next, framework.items());
		audit.record("level.framework.copy", "level-framework", Long.toString(id), null, versionState(framework.version()),
				versionState(next));
		return store.version(id).orElseThrow();
	}

	/** Only the newest version is corrected: correcting an older one would drop the later corrections. */
	private static void requireCurrent(FrameworkVersion version, List<String> problems) {
		if (!version.current()) {
			problems.add("levels.problem.superseded");
		}
		if (!problems.isEmpty()) {
			throw new LevelRuleViolation(problems);
		}
	}

	private FrameworkVersion nextVersion(FrameworkVersion from, LocalizedText name, LocalDate validFrom,
			LocalDate validUntil, LocalDate transitionUntil, String note) {
		boolean sameDates = java.util.Objects.equals(validFrom, from.validFrom())
				&& java.util.Objects.equals(validUntil, from.validUntil())
				&& java.util.Objects.equals(transitionUntil, from.transitionUntil());
		return new FrameworkVersion(0, from.code(), store.nextVersionNumber(from.code()), name, from.legalBasis(), validFrom,
				validUntil, transitionUntil, sameDates && from.validityVerified(),
				sameDates ? from.validitySource() : "set by " + access.caller().username() + ": " + note, from.id(),
				note.length() > 1000 ? note.substring(0, 1000) : note, access.caller().username(),
				OffsetDateTime.now(ZoneOffset.UTC), true);
	}

	private static Map<String, Object> itemState(FrameworkVersion version, FrameworkItem item) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("framework", version.code());
		state.put("version", version.version());
		state.put("item", item.key());
		state.put("textVi", item.text().vi());
		state.put("textEn", item.text().en());
		state.put("amount", item.amount());
		state.put("verified", item.verified());
		state.put("source", item.source());
		return state;
	}

	private static Map<String, Object> versionState(FrameworkVersion version) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("framework", version.code());
		state.put("version", version.version());
		state.put("nameVi", version.name().vi());
		state.put("nameEn", version.name().en());
		state.put("validFrom", String.valueOf(version.validFrom()));
		state.put("validUntil", String.valueOf(version.validUntil()));
		state.put("transitionUntil", String.valueOf(version.transitionUntil()));
		state.put("note", version.changeNote());
		return state;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
