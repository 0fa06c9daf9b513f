package vn.camguard.levels.application;

import java.time.LocalDate;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.levels.Campaigns;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.persistence.CampaignProgressStore;
import vn.camguard.levels.persistence.CampaignProgressStore.Catalogue;
import vn.camguard.levels.persistence.CampaignStore;
import vn.camguard.organization.AccessControl;

/**
 * The campaigns: every signed-in user reads them; the administrator who may correct the level
 * frameworks (the permission on a province) adds and edits them, each change audited. Also answers
 * {@link Campaigns} for other modules without a caller.
 */
@Service
public class CampaignCatalogue implements Campaigns {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,40}");

	private final CampaignStore store;

	private final CampaignProgressStore progress;

	private final FrameworkCatalogue frameworks;

	private final SecurityPlans plans;

	private final AccessControl access;

	private final AuditTrail audit;

	public CampaignCatalogue(CampaignStore store, CampaignProgressStore progress, FrameworkCatalogue frameworks,
			SecurityPlans plans, AccessControl access, AuditTrail audit) {
		this.store = store;
		this.progress = progress;
		this.frameworks = frameworks;
		this.plans = plans;
		this.access = access;
		this.audit = audit;
	}

	/** A campaign as entered in the form. */
	public record CampaignDraft(String code, String nameVi, String nameEn, List<String> frameworkCodes,
			LocalDate levelsDueOn, LocalDate plansDueOn, boolean verified, String source) {

		public CampaignDraft {
			code = clean(code) == null ? null : clean(code).toUpperCase(java.util.Locale.ROOT);
			nameVi = clean(nameVi);
			nameEn = clean(nameEn);
			frameworkCodes = frameworkCodes == null ? List.of()
					: frameworkCodes.stream().map(CampaignCatalogue::clean).filter(c -> c != null).distinct().toList();
			source = clean(source);
		}

		static CampaignDraft of(Campaign campaign) {
			return new CampaignDraft(campaign.code(), campaign.nameVi(), campaign.nameEn(), campaign.frameworkCodes(),
					campaign.levelsDueOn(), campaign.plansDueOn(), campaign.verified(), campaign.source());
		}

	}

	@Override
	@Transactional(readOnly = true)
	public List<Campaign> all() {
		return store.all();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Campaign> find(long campaignId) {
		return store.find(campaignId);
	}

	@Transactional(readOnly = true)
	public Campaign get(long campaignId) {
		return store.find(campaignId).orElseThrow(() -> new LevelsNotFound("campaign", campaignId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Deadline> deadlinesBetween(LocalDate from, LocalDate to) {
		List<Deadline> deadlines = new ArrayList<>();
		for (Campaign campaign : store.all()) {
			for (DeadlineKind kind : DeadlineKind.values()) {
				LocalDate due = campaign.dueOn(kind);
				if (due != null && !due.isBefore(from) && !due.isAfter(to)) {
					deadlines.add(new Deadline(campaign, kind, due));
				}
			}
		}
		deadlines.sort(Comparator.comparing(Deadline::dueOn).thenComparing(d -> d.campaign().id())
			.thenComparing(Deadline::kind));
		return List.copyOf(deadlines);
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitOwing> owingPerUnit(long campaignId, DeadlineKind kind) {
		Campaign campaign = get(campaignId);
		List<CampaignProgressStore.UnitCount> counts = kind == DeadlineKind.LEVELS_APPROVED
				? progress.withoutLevelPerUnit(null) : progress.plansOpenPerUnit(null, catalogue(campaign));
		return counts.stream().map(c -> new UnitOwing(c.unitId(), c.systems())).toList();
	}

	/** Requirement counts by level of every version of the campaign's frameworks. */
	Catalogue catalogue(Campaign campaign) {
		Set<String> codes = Set.copyOf(campaign.frameworkCodes());
		Map<Long, Map<Integer, Integer>> sizes = new HashMap<>();
		for (FrameworkVersion version : frameworks.versions()) {
			if (codes.contains(version.code())) {
				var framework = frameworks.framework(version.id());
				Map<Integer, Integer> levels = new HashMap<>();
				for (int level = 1; level <= 5; level++) {
					levels.put(level, plans.requirements(framework, level).size());
				}
				sizes.put(version.id(), levels);
			}
		}
		return new Catalogue(sizes);
	}

	/** The framework codes a campaign may name. */
	@Transactional(readOnly = true)
	public List<String> frameworkCodes() {
		return frameworks.versions().stream().map(FrameworkVersion::code).distinct().sorted().toList();
	}

	public boolean canManage() {
		return frameworks.canManage();
	}

	public void requireManage() {
		frameworks.requireManage();
	}

	/** Adds a campaign (id null) or changes one. */
	@Transactional
	public Campaign save(Long id, CampaignDraft draft) {
		frameworks.requireManage();
		Campaign before = id == null ? null : get(id);
		List<String> problems = new ArrayList<>();
		if (draft.code() == null || !CODE.matcher(draft.code()).matches()) {
			problems.add("levels.problem.campaign-code");
		}
		else if (store.codeTaken(draft.code(), id == null ? -1 : id)) {
			problems.add("levels.problem.campaign-code-taken");
		}
		if (draft.nameVi() == null || draft.nameEn() == null) {
			problems.add("levels.problem.text-required");
		}
		else if (draft.nameVi().length() > 300 || draft.nameEn().length() > 300
				|| (draft.source() != null && draft.source().length() > 1000)) {
			problems.add("levels.problem.text-too-long");
		}
		List<String> known = frameworkCodes();
		if (draft.frameworkCodes().isEmpty() || !known.containsAll(draft.frameworkCodes())) {
			problems.add("levels.problem.campaign-frameworks");
		}
		if (draft.levelsDueOn() == null && draft.plansDueOn() == null) {
			problems.add("levels.problem.campaign-dates");
		}
		if (!problems.isEmpty()) {
			throw new LevelRuleViolation(problems);
		}
		Campaign campaign = new Campaign(id == null ? 0 : id, draft.code(), draft.nameVi(), draft.nameEn(),
				draft.frameworkCodes(), draft.levelsDueOn(), draft.plansDueOn(), draft.verified(), draft.source());
		String by = access.caller().username();
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
		long saved;
		if (id == null) {
			saved = store.insert(campaign, by, at);
		}
		else {
			store.update(campaign, by, at);
			saved = id;
		}
		audit.record(id == null ? "level.campaign.create" : "level.campaign.update", "level-campaign",
				Long.toString(saved), null, before == null ? null : state(before), state(campaign));
		return get(saved);
	}

	private static Map<String, Object> state(Campaign campaign) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("code", campaign.code());
		values.put("nameVi", campaign.nameVi());
		values.put("nameEn", campaign.nameEn());
		values.put("frameworks", campaign.frameworkCodes().stream().collect(Collectors.joining(",")));
		values.put("levelsDueOn", String.valueOf(campaign.levelsDueOn()));
		values.put("plansDueOn", String.valueOf(campaign.plansDueOn()));
		values.put("verified", campaign.verified());
		values.put("source", campaign.source());
		return values;
	}

	static String clean(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
