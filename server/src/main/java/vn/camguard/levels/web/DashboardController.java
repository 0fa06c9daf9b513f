package vn.camguard.levels.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.camguard.levels.Campaigns.DeadlineKind;
import vn.camguard.levels.application.CampaignProgress;
import vn.camguard.levels.application.CampaignProgress.Dashboard;
import vn.camguard.levels.application.CampaignProgress.Figures;
import vn.camguard.levels.application.DashboardDateRefused;
import vn.camguard.levels.application.PastDashboards;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.HomeSection;
import vn.camguard.organization.Permission;

/**
 * The province dashboard: per campaign and per direct child of a unit (drilling down the tree), systems
 * with an approved level, plans implemented, overdue items and regulations covering cameras, as a table
 * and as bar charts drawn on the server in SVG; every figure links to its list and the table exports to
 * XLSX. The same view is the home page's section for everyone who reads the inventory.
 */
@Controller
@RequestMapping("/levels/dashboard")
public class DashboardController implements HomeSection {

	private final CampaignProgress progress;

	private final AccessControl access;

	private final MessageSource messages;

	private final PastDashboards past;

	public DashboardController(CampaignProgress progress, AccessControl access, MessageSource messages,
			PastDashboards past) {
		this.progress = progress;
		this.access = access;
		this.messages = messages;
		this.past = past;
	}

	/** The dashboard with its charts and the links of its figures. */
	public record View(Dashboard dashboard, List<Chart> charts, List<Line> lines, Line total, Line own) {
	}

	/**
	 * A table line: the figures of a unit and where each one leads. The links hold the context path and the
	 * texts are made here, once, so that the template only reads values: it renders a hundred lines and three
	 * charts of a hundred bars on every request, and per-element expression work was most of its cost.
	 */
	public record Line(Figures figures, String drill, String approvedLink, String planLink, String levelsLink,
			String plansLink, String regulationsLink) {

		/** Systems with an approved level, and their share in percent when there are systems. */
		public String approvedText() {
			Integer percent = figures.approvedPercent();
			return percent == null ? Long.toString(figures.approved()) : figures.approved() + " (" + percent + " %)";
		}

		public String planText() {
			return DashboardController.percentText(figures.planPercent());
		}

		public String regulationsText() {
			return figures.covering() + " / " + figures.units();
		}

	}

	/** One horizontal bar chart of a percentage per unit. */
	public record Chart(String id, String titleKey, List<Bar> bars, int height) {
	}

	/**
	 * A bar: the unit's name, its percentage (null: nothing to count), the bar's length and row in
	 * pixels, and the list it leads to.
	 */
	public record Bar(String label, Integer percent, int y, int width, String link) {

		/** Where the bar's row is drawn: its elements have fixed coordinates inside it. */
		public String translate() {
			return "translate(0," + y + ")";
		}

		/** The label as the chart has room for it (the whole name is the link's label). */
		public String shortLabel() {
			return label.length() <= LABEL_ROOM ? label : label.substring(0, LABEL_ROOM - 3) + "...";
		}

		public String percentText() {
			return DashboardController.percentText(percent);
		}

	}

	/** Characters of a unit's name a chart row shows. */
	static final int LABEL_ROOM = 22;

	private static String percentText(Integer percent) {
		return percent == null ? "–" : percent + " %";
	}

	static final int BAR_AREA = 200;

	static final int ROW = 24;

	/**
	 * With asOf (yyyy-MM-dd, not after today) the dashboard of the end of that day; a date that is none
	 * or lies ahead shows today's with the reason, the text kept in the field.
	 */
	@GetMapping
	public String page(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String asOf, Model model, Locale locale) {
		LocalDate day = null;
		try {
			day = past.day(asOf);
		}
		catch (DashboardDateRefused refused) {
			model.addAttribute("asOfProblem", messages.getMessage(refused.messageKey(), new Object[] { refused.text() },
					locale));
			model.addAttribute("asOfText", refused.text());
		}
		View view = withDay(view(past.dashboard(campaign, unit, day)));
		model.addAttribute("section", new Section("levels/dashboard", "panel", view));
		return "levels/dashboard";
	}

	/** A refused day on the export: 400 with the reason in the reader's language. */
	@ExceptionHandler(DashboardDateRefused.class)
	ResponseEntity<String> refusedDay(DashboardDateRefused refused, Locale locale) {
		return ResponseEntity.badRequest()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(messages.getMessage(refused.messageKey(), new Object[] { refused.text() }, locale));
	}

	/** The drill-down of a past day's dashboard stays on that day (the lists it links to are today's). */
	private static View withDay(View view) {
		LocalDate day = view.dashboard().asOf();
		if (day == null) {
			return view;
		}
		List<Line> lines = view.lines()
			.stream()
			.map(l -> new Line(l.figures(), l.drill() == null ? null
					: UriComponentsBuilder.fromUriString(l.drill()).queryParam("asOf", day).build().toUriString(),
					l.approvedLink(), l.planLink(), l.levelsLink(), l.plansLink(), l.regulationsLink()))
			.toList();
		return new View(view.dashboard(), view.charts(), lines, view.total(), view.own());
	}

	@Override
	public int order() {
		return 0;
	}

	@Override
	public Optional<Section> section() {
		if (!access.allowsAnywhere(Permission.INVENTORY_READ)) {
			return Optional.empty();
		}
		return Optional.of(new Section("levels/dashboard", "panel", view(null, null)));
	}

	@GetMapping("/export")
	public ResponseEntity<byte[]> export(@RequestParam(required = false) Long campaign,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String asOf, Locale locale) {
		Dashboard dashboard = past.dashboard(campaign, unit, past.day(asOf));
		List<String> headers = new ArrayList<>();
		for (String key : List.of("levels.campaign.export.unit-code", "levels.campaign.export.unit",
				"levels.dashboard.systems", "levels.dashboard.approved", "levels.dashboard.approved-percent",
				"levels.dashboard.plan-percent", "levels.dashboard.levels-open", "levels.dashboard.levels-overdue",
				"levels.dashboard.plans-open", "levels.dashboard.plans-overdue", "levels.dashboard.units",
				"levels.dashboard.covering", "levels.dashboard.without-regulation")) {
			headers.add(messages.getMessage(key, null, locale));
		}
		List<List<String>> rows = new ArrayList<>();
		List<Figures> all = new ArrayList<>(dashboard.children());
		if (dashboard.own() != null && (dashboard.own().systems() > 0 || dashboard.own().units() > 0)) {
			all.add(dashboard.own());
		}
		if (dashboard.total() != null) {
			all.add(dashboard.total());
		}
		for (int i = 0; i < all.size(); i++) {
			Figures f = all.get(i);
			String name = i == all.size() - 1 && dashboard.total() != null
					? messages.getMessage("levels.dashboard.total", new Object[] { f.unit().name() }, locale)
					: f == dashboard.own() ? messages.getMessage("levels.dashboard.own", new Object[] { f.unit().name() },
							locale) : f.unit().name();
			rows.add(Arrays.asList(f.unit().code(), name, Long.toString(f.systems()), Long.toString(f.approved()),
					XlsxDownload.text(f.approvedPercent()), XlsxDownload.text(f.planPercent()),
					Long.toString(f.levelsOpen()), Long.toString(f.levelsOverdue()), Long.toString(f.plansOpen()),
					Long.toString(f.plansOverdue()), Long.toString(f.units()), Long.toString(f.covering()),
					Long.toString(f.withoutRegulation())));
		}
		String code = dashboard.campaign() == null ? "" : "-" + dashboard.campaign().code().toLowerCase(Locale.ROOT);
		String day = dashboard.asOf() == null ? "" : "-" + dashboard.asOf();
		return XlsxDownload.of("bang-dieu-khien" + code + "-" + dashboard.unit().code() + day, "dashboard", headers,
				rows);
	}

	View view(Long campaign, Long unit) {
		return view(progress.dashboard(campaign, unit));
	}

	View view(Dashboard dashboard) {
		if (dashboard.campaign() == null) {
			return new View(dashboard, List.of(), List.of(), null, null);
		}
		long campaignId = dashboard.campaign().id();
		String root = contextPath();
		List<Line> lines = dashboard.children().stream().map(f -> line(root, campaignId, f, true)).toList();
		List<Figures> bars = new ArrayList<>(dashboard.children());
		Line own = null;
		if (dashboard.own().systems() > 0) {
			own = line(root, campaignId, dashboard.own(), false);
			bars.add(dashboard.own());
		}
		List<Chart> charts = List.of(
				chart("chart-approved", "levels.dashboard.chart.approved", bars, Figures::approvedPercent,
						f -> link(root, "/levels/plans", f.unit().id(), null, null)),
				chart("chart-plans", "levels.dashboard.chart.plans", bars, Figures::planPercent,
						f -> link(root, "/levels/campaigns/" + campaignId + "/systems", f.unit().id(), "kind",
								DeadlineKind.PLANS_IMPLEMENTED.name())),
				chart("chart-regulations", "levels.dashboard.chart.regulations", bars, Figures::coveringPercent,
						f -> link(root, "/levels/regulations", f.unit().id(), null, null)));
		return new View(dashboard, charts, lines, line(root, campaignId, dashboard.total(), false), own);
	}

	private static Chart chart(String id, String titleKey, List<Figures> figures, Function<Figures, Integer> percent,
			Function<Figures, String> link) {
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < figures.size(); i++) {
			Figures f = figures.get(i);
			Integer value = percent.apply(f);
			bars.add(new Bar(f.unit().name(), value, i * ROW, value == null ? 0 : Math.max(1, value * BAR_AREA / 100),
					link.apply(f)));
		}
		return new Chart(id, titleKey, bars, Math.max(ROW, bars.size() * ROW));
	}

	private static Line line(String root, long campaignId, Figures f, boolean drill) {
		long unit = f.unit().id();
		String systems = "/levels/campaigns/" + campaignId + "/systems";
		String plans = link(root, "/levels/plans", unit, null, null);
		return new Line(f, drill ? link(root, "/levels/dashboard", unit, "campaign", Long.toString(campaignId)) : null,
				plans, plans, link(root, systems, unit, "kind", DeadlineKind.LEVELS_APPROVED.name()),
				link(root, systems, unit, "kind", DeadlineKind.PLANS_IMPLEMENTED.name()),
				link(root, "/levels/regulations", unit, null, null));
	}

	/**
	 * A link within the application, with the context path as {@code @{...}} would add it (sessions are
	 * tracked by cookie only, so there is no session id to add). The parameters are numbers and enum names,
	 * which need no encoding.
	 */
	private static String link(String contextPath, String path, long unit, String name, String value) {
		return contextPath + path + "?unit=" + unit + (name == null ? "" : "&" + name + "=" + value);
	}

	private static String contextPath() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				? request.getRequest().getContextPath() : "";
	}

}
