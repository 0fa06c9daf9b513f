package vn.camguard.levels.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.levels.Campaigns.Campaign;
import vn.camguard.levels.Campaigns.DeadlineKind;
import vn.camguard.levels.persistence.CampaignProgressStore;
import vn.camguard.levels.persistence.CampaignProgressStore.Catalogue;
import vn.camguard.levels.persistence.CampaignProgressStore.PageStart;
import vn.camguard.levels.persistence.CampaignProgressStore.RegulationFigures;
import vn.camguard.levels.persistence.CampaignProgressStore.SystemFigures;
import vn.camguard.levels.persistence.CampaignProgressStore.SystemLine;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitScope;

/**
 * Where a unit's subtree stands against a campaign: the lists of systems still owing what a deadline
 * asks (overdue once the date has passed), and the dashboard figures per direct child unit. Readers of
 * the inventory see them for the units they read; each answer is a few aggregate statements whatever
 * the size of the tree.
 */
@Service
public class CampaignProgress {

	/** Systems shown on one page of a list; exports hold them all. */
	public static final int PAGE_SIZE = 200;

	/** Rows an export holds at most (one XLSX sheet). */
	static final int EXPORT_LIMIT = 1_000_000;

	private final CampaignCatalogue campaigns;

	private final CampaignProgressStore store;

	private final UnitDirectory units;

	private final AccessControl access;

	private final Clock clock;

	public CampaignProgress(CampaignCatalogue campaigns, CampaignProgressStore store, UnitDirectory units,
			AccessControl access, Clock clock) {
		this.campaigns = campaigns;
		this.store = store;
		this.units = units;
		this.access = access;
		this.clock = clock;
	}

	/** Systems of one unit on a list. */
	public record UnitGroup(long unitId, String unitCode, String unitName, List<SystemLine> systems) {
	}

	/**
	 * One page of a campaign list.
	 *
	 * @param dueOn the deadline, or null when the campaign sets none of this kind
	 * @param overdue whether the deadline has passed (the systems listed are then overdue)
	 * @param total systems on the whole list
	 */
	public record SystemList(Campaign campaign, DeadlineKind kind, UnitRef unit, LocalDate dueOn, boolean overdue,
			long total, int page, int pageCount, List<UnitGroup> groups) {
	}

	@Transactional(readOnly = true)
	public SystemList list(long campaignId, DeadlineKind kind, Long unitId, int page) {
		Campaign campaign = campaigns.get(campaignId);
		UnitRef unit = unit(unitId);
		LocalDate due = campaign.dueOn(kind);
		// the catalogue reads the campaign's frameworks with their items: once per request, not per statement
		Catalogue catalogue = kind == DeadlineKind.PLANS_IMPLEMENTED ? campaigns.catalogue(campaign) : null;
		// a later page is found from the systems per unit, which also give the total; the first page (or a
		// page past the end) needs only the count
		PageStart start = page > 1 ? start(catalogue, unit.id(), (long) (page - 1) * PAGE_SIZE).orElse(null) : null;
		long total = start != null ? start.total()
				: catalogue == null ? store.countWithoutLevel(unit.id()) : store.countPlansOpen(unit.id(), catalogue);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		if (start == null) {
			long offset = (long) (current - 1) * PAGE_SIZE;
			start = offset == 0 ? PageStart.offset(total, 0)
					: start(catalogue, unit.id(), offset).orElse(PageStart.offset(total, offset));
		}
		List<SystemLine> lines = lines(catalogue, unit.id(), PAGE_SIZE, start);
		return new SystemList(campaign, kind, unit, due, isPast(due), total, current, pages, group(lines));
	}

	/** Every system of the list, by unit, for an export. */
	@Transactional(readOnly = true)
	public List<SystemLine> all(long campaignId, DeadlineKind kind, Long unitId) {
		Campaign campaign = campaigns.get(campaignId);
		Catalogue catalogue = kind == DeadlineKind.PLANS_IMPLEMENTED ? campaigns.catalogue(campaign) : null;
		return lines(catalogue, unit(unitId).id(), EXPORT_LIMIT, PageStart.offset(0, 0));
	}

	/** Where a page starts on the levels list (no catalogue) or the plans list (the campaign's catalogue). */
	private Optional<PageStart> start(Catalogue catalogue, long root, long offset) {
		return catalogue == null ? store.startWithoutLevel(root, offset) : store.startPlansOpen(root, catalogue, offset);
	}

	private List<SystemLine> lines(Catalogue catalogue, long root, int limit, PageStart start) {
		return catalogue == null ? store.withoutLevel(root, limit, start)
				: store.plansOpen(root, catalogue, limit, start);
	}

	private static List<UnitGroup> group(List<SystemLine> lines) {
		Map<Long, UnitGroup> groups = new LinkedHashMap<>();
		for (SystemLine line : lines) {
			groups.computeIfAbsent(line.unitId(),
					id -> new UnitGroup(id, line.unitCode(), line.unitName(), new ArrayList<>()))
				.systems()
				.add(line);
		}
		return List.copyOf(groups.values());
	}

	/**
	 * The figures of one part of the tree against a campaign.
	 *
	 * @param unit the child unit (or the root, for the total and for systems attached to it directly)
	 * @param systems systems in use
	 * @param approved of them, with an approved level
	 * @param applicable plan requirements that apply (plans under the campaign's frameworks)
	 * @param done of them, done
	 * @param levelsOpen systems without an approved level
	 * @param plansOpen operating systems whose plan is below 100 %
	 * @param levelsOverdue levelsOpen once the levels deadline has passed, else 0
	 * @param plansOverdue plansOpen once the plans deadline has passed, else 0
	 * @param units active units
	 * @param covering units whose regulation in force covers cameras
	 * @param withoutRegulation units without any regulation
	 */
	public record Figures(UnitRef unit, long systems, long approved, long applicable, long done, long levelsOpen,
			long plansOpen, long levelsOverdue, long plansOverdue, long units, long covering, long withoutRegulation) {

		public Integer approvedPercent() {
			return systems == 0 ? null : (int) (100L * approved / systems);
		}

		public Integer planPercent() {
			return applicable == 0 ? null : (int) (100L * done / applicable);
		}

		public Integer coveringPercent() {
			return units == 0 ? null : (int) (100L * covering / units);
		}

		public long overdue() {
			return levelsOverdue + plansOverdue;
		}

	}

	/**
	 * The dashboard of a unit's subtree against a campaign.
	 *
	 * @param own what is attached to the unit itself (not to a child), null when nothing is
	 * @param asOf the past day whose tree and figures these are ({@link PastDashboards}), null for today's
	 * @param historyStart with asOf, the day the histories of systems and plan items began: figures of
	 *        earlier days use the systems' current unit and status
	 */
	public record Dashboard(List<Campaign> campaigns, Campaign campaign, UnitRef unit, LocalDate today,
			boolean levelsOverdue, boolean plansOverdue, Figures total, Figures own, List<Figures> children,
			LocalDate asOf, LocalDate historyStart) {

		/** Today's dashboard. */
		public Dashboard(List<Campaign> campaigns, Campaign campaign, UnitRef unit, LocalDate today,
				boolean levelsOverdue, boolean plansOverdue, Figures total, Figures own, List<Figures> children) {
			this(campaigns, campaign, unit, today, levelsOverdue, plansOverdue, total, own, children, null, null);
		}

		/** Whether the day lies before the histories began, so that some figures are today's values. */
		public boolean beforeHistory() {
			return asOf != null && historyStart != null && asOf.isBefore(historyStart);
		}

	}

	/**
	 * The dashboard of the unit's subtree (the caller's top unit when none), against the campaign (the
	 * first whose deadlines are not all past, else the last, when none is named).
	 */
	@Transactional(readOnly = true)
	public Dashboard dashboard(Long campaignId, Long unitId) {
		UnitRef unit = unit(unitId);
		List<Campaign> all = campaigns.all();
		if (all.isEmpty()) {
			return new Dashboard(all, null, unit, today(), false, false, null, null, List.of());
		}
		Campaign campaign = campaignId != null ? campaigns.get(campaignId) : defaultCampaign(all, today());
		boolean levelsPast = isPast(campaign.levelsDueOn());
		boolean plansPast = isPast(campaign.plansDueOn());
		Catalogue catalogue = campaigns.catalogue(campaign);
		Map<Long, SystemFigures> systems = new HashMap<>();
		store.systemFigures(unit.id(), catalogue).forEach(f -> systems.put(f.unitId(), f));
		Map<Long, RegulationFigures> regulations = new HashMap<>();
		store.regulationFigures(unit.id()).forEach(f -> regulations.put(f.unitId(), f));
		List<Figures> children = new ArrayList<>();
		for (UnitRef child : store.children(unit.id())) {
			Figures figures = figures(child, systems.get(child.id()), regulations.get(child.id()), levelsPast, plansPast);
			if (child.active() || figures.systems() > 0) {
				children.add(figures);
			}
		}
		Figures own = figures(unit, systems.get(unit.id()), regulations.get(unit.id()), levelsPast, plansPast);
		Figures total = own;
		for (Figures child : children) {
			total = plus(total, child);
		}
		return new Dashboard(all, campaign, unit, today(), levelsPast, plansPast, total, own, children);
	}

	/** A row's figures from its sums (null: nothing counted); overdue counts only once the deadline passed. */
	static Figures figures(UnitRef unit, SystemFigures s, RegulationFigures r, boolean levelsPast,
			boolean plansPast) {
		long systems = s == null ? 0 : s.systems();
		long approved = s == null ? 0 : s.approved();
		long levelsOpen = systems - approved;
		long plansOpen = s == null ? 0 : s.plansOpen();
		return new Figures(unit, systems, approved, s == null ? 0 : s.applicable(), s == null ? 0 : s.done(),
				levelsOpen, plansOpen, levelsPast ? levelsOpen : 0, plansPast ? plansOpen : 0, r == null ? 0 : r.units(),
				r == null ? 0 : r.covering(), r == null ? 0 : r.none());
	}

	static Figures plus(Figures a, Figures b) {
		return new Figures(a.unit(), a.systems() + b.systems(), a.approved() + b.approved(),
				a.applicable() + b.applicable(), a.done() + b.done(), a.levelsOpen() + b.levelsOpen(),
				a.plansOpen() + b.plansOpen(), a.levelsOverdue() + b.levelsOverdue(),
				a.plansOverdue() + b.plansOverdue(), a.units() + b.units(), a.covering() + b.covering(),
				a.withoutRegulation() + b.withoutRegulation());
	}

	/** The first campaign whose deadlines were not all past on the day, else the last. */
	static Campaign defaultCampaign(List<Campaign> all, LocalDate day) {
		return all.stream()
			.filter(c -> !isPast(c.levelsDueOn(), day) || !isPast(c.plansDueOn(), day))
			.min(Comparator.comparing(c -> c.levelsDueOn() != null ? c.levelsDueOn() : c.plansDueOn()))
			.orElse(all.getLast());
	}

	/**
	 * The unit asked for, which the caller must read; without one, the top unit the caller reads (for a
	 * province administrator, the province).
	 */
	UnitRef unit(Long unitId) {
		UnitScope scope = access.scope(Permission.INVENTORY_READ);
		long id = unitId != null ? unitId
				: scope.rootUnitIds().stream().min(Comparator.naturalOrder()).orElseThrow(
						() -> new AccessDeniedException("no unit to show"));
		if (!access.allows(Permission.INVENTORY_READ, id)) {
			throw new LevelsNotFound("unit", id);
		}
		return units.find(id).orElseThrow(() -> new LevelsNotFound("unit", id));
	}

	/** The province's day, from its clock (so a test can set it). */
	LocalDate today() {
		return LocalDate.now(clock);
	}

	boolean isPast(LocalDate due) {
		return isPast(due, today());
	}

	/** Whether the deadline had passed on the day. */
	static boolean isPast(LocalDate due, LocalDate day) {
		return due != null && day.isAfter(due);
	}

}
