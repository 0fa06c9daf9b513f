package vn.camguard.levels.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.levels.Campaigns.Campaign;
import vn.camguard.levels.application.CampaignProgress.Dashboard;
import vn.camguard.levels.application.CampaignProgress.Figures;
import vn.camguard.levels.persistence.CampaignProgressStore.Catalogue;
import vn.camguard.levels.persistence.CampaignProgressStore.RegulationFigures;
import vn.camguard.levels.persistence.CampaignProgressStore.SystemFigures;
import vn.camguard.levels.persistence.PastFiguresStore;
import vn.camguard.levels.persistence.PastFiguresStore.UnitThen;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitScope;
import vn.camguard.organization.UnitTreeAsOf;
import vn.camguard.organization.UnitTreeAsOf.UnitAsOf;

/**
 * The dashboard as of a past day (the end of that day in the province): the rows are the children the
 * unit had then ({@link UnitTreeAsOf}: before the district level's abolition a district with its
 * communes; a unit merged later as it was), a system counts in the unit it belonged to then if it
 * existed and was in use, with the level approved then and its plan as it stood then; a unit's
 * regulation is the one issued by then; a deadline is overdue if the day is after it. Today or no day
 * is today's dashboard ({@link CampaignProgress#dashboard}), unchanged. Same scope as today's: the unit
 * must be read with INVENTORY_READ, and only units of the caller's scope count (a unit merged into one
 * of them is inside it).
 */
@Service
public class PastDashboards {

	private final CampaignProgress progress;

	private final CampaignCatalogue campaigns;

	private final PastFiguresStore store;

	private final UnitTreeAsOf trees;

	private final AccessControl access;

	public PastDashboards(CampaignProgress progress, CampaignCatalogue campaigns, PastFiguresStore store,
			UnitTreeAsOf trees, AccessControl access) {
		this.progress = progress;
		this.campaigns = campaigns;
		this.store = store;
		this.trees = trees;
		this.access = access;
	}

	/**
	 * The day of a request: null when none is given; refused when it is not a date written yyyy-MM-dd
	 * or when it lies after today.
	 */
	public LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new DashboardDateRefused("levels.dashboard.as-of.invalid", text.strip());
		}
		if (day.isAfter(progress.today())) {
			throw new DashboardDateRefused("levels.dashboard.as-of.future", text.strip());
		}
		return day;
	}

	/** The dashboard of the unit against the campaign as of the day; today's when the day is null or today. */
	@Transactional(readOnly = true)
	public Dashboard dashboard(Long campaignId, Long unitId, LocalDate day) {
		LocalDate today = progress.today();
		if (day == null || !day.isBefore(today)) {
			return progress.dashboard(campaignId, unitId);
		}
		UnitRef current = progress.unit(unitId);
		LocalDate historyStart = store.historyStart()
			.map(start -> start.atZone(UnitTreeAsOf.PROVINCE_ZONE).toLocalDate())
			.orElse(null);
		List<Campaign> all = campaigns.all();
		if (all.isEmpty()) {
			return new Dashboard(all, null, current, today, false, false, null, null, List.of(), day, historyStart);
		}
		Campaign campaign = campaignId != null ? campaigns.get(campaignId) : CampaignProgress.defaultCampaign(all, day);
		boolean levelsPast = CampaignProgress.isPast(campaign.levelsDueOn(), day);
		boolean plansPast = CampaignProgress.isPast(campaign.plansDueOn(), day);
		Instant at = UnitTreeAsOf.endOf(day);
		UnitScope scope = access.scope(Permission.INVENTORY_READ);
		List<UnitAsOf> tree = trees.within(scope, at);

		// the row each unit of the unit's subtree then counts in: a child of the unit, or the unit itself
		Map<Long, Long> rowOf = new HashMap<>();
		UnitAsOf root = null;
		List<UnitAsOf> children = new ArrayList<>();
		for (UnitAsOf unit : tree) {
			if (unit.id() == current.id()) {
				root = unit;
				rowOf.put(unit.id(), unit.id());
			}
			else if (unit.parentId() != null && unit.parentId() == current.id()) {
				children.add(unit);
				rowOf.put(unit.id(), unit.id());
			}
			else if (unit.parentId() != null && rowOf.containsKey(unit.parentId())) {
				rowOf.put(unit.id(), rowOf.get(unit.parentId()));
			}
		}

		Map<Long, SystemFigures> systems = new HashMap<>();
		for (SystemFigures f : store.systemFigures(scope, campaigns.catalogue(campaign), at)) {
			Long row = rowOf.get(f.unitId());
			if (row != null) {
				systems.merge(row, f, PastDashboards::sum);
			}
		}
		Map<Long, UnitThen> units = new HashMap<>();
		store.units(scope, day).forEach(u -> units.put(u.unitId(), u));
		Map<Long, Boolean> openThen = new HashMap<>();
		Map<Long, RegulationFigures> regulations = new HashMap<>();
		for (UnitAsOf then : tree) {
			Long row = rowOf.get(then.id());
			UnitThen u = units.get(then.id());
			if (row == null || u == null) {
				continue;
			}
			// open then: not merged by the day, and open today or closed by a later merge (a unit closed
			// without a merge has no recorded date: it counts as closed on every day)
			boolean open = then.mergedIntoId() == null && (u.activeToday() || u.mergedToday());
			openThen.put(then.id(), open);
			if (open) {
				regulations.merge(row, new RegulationFigures(row, 1, u.covering() ? 1 : 0, u.regulated() ? 0 : 1),
						PastDashboards::sum);
			}
		}
		// a unit created after the day has no tree then: its dashboard of that day is empty
		UnitRef unit = root == null ? current : ref(root, openThen.getOrDefault(root.id(), false));
		children.sort(Comparator.comparing(UnitAsOf::name).thenComparing(UnitAsOf::id));
		List<Figures> rows = new ArrayList<>();
		for (UnitAsOf child : children) {
			Figures figures = CampaignProgress.figures(ref(child, openThen.getOrDefault(child.id(), false)),
					systems.get(child.id()), regulations.get(child.id()), levelsPast, plansPast);
			if (figures.unit().active() || figures.systems() > 0) {
				rows.add(figures);
			}
		}
		Figures own = CampaignProgress.figures(unit, systems.get(unit.id()), regulations.get(unit.id()), levelsPast,
				plansPast);
		Figures total = own;
		for (Figures row : rows) {
			total = CampaignProgress.plus(total, row);
		}
		return new Dashboard(all, campaign, unit, today, levelsPast, plansPast, total, own, rows, day, historyStart);
	}

	private static UnitRef ref(UnitAsOf unit, boolean open) {
		return new UnitRef(unit.id(), unit.code(), unit.name(), unit.kind(), unit.parentId(), open);
	}

	/** Figures of units that count in the same row, added up (the map's key names the row). */
	private static SystemFigures sum(SystemFigures a, SystemFigures b) {
		return new SystemFigures(a.unitId(), a.systems() + b.systems(), a.approved() + b.approved(),
				a.applicable() + b.applicable(), a.done() + b.done(), a.plansOpen() + b.plansOpen());
	}

	private static RegulationFigures sum(RegulationFigures a, RegulationFigures b) {
		return new RegulationFigures(a.unitId(), a.units() + b.units(), a.covering() + b.covering(),
				a.none() + b.none());
	}

}
