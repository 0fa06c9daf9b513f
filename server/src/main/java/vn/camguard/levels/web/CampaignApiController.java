package vn.camguard.levels.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.camguard.levels.Campaigns.Campaign;
import vn.camguard.levels.application.CampaignCatalogue;
import vn.camguard.levels.application.CampaignCatalogue.CampaignDraft;
import vn.camguard.levels.application.CampaignProgress;
import vn.camguard.levels.application.DashboardDateRefused;
import vn.camguard.levels.application.PastDashboards;
import vn.camguard.levels.application.UnitRegulations;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.UnitRegulation;

/**
 * Campaigns, their lists of systems still owing a level or a full plan, the dashboard figures and the
 * units' regulations as JSON: the same services and checks as the pages (campaigns read by everyone
 * signed in and changed by a province administrator; lists and figures only for units the caller reads,
 * others answer 404; broken rules 422).
 */
@RestController
@RequestMapping("/api/v1/levels")
@Tag(name = "Security level campaigns", description = "Campaign deadlines, overdue lists, dashboard, unit regulations")
public class CampaignApiController {

	private final CampaignCatalogue campaigns;

	private final CampaignProgress progress;

	private final UnitRegulations regulations;

	private final MessageSource messages;

	private final PastDashboards past;

	public CampaignApiController(CampaignCatalogue campaigns, CampaignProgress progress, UnitRegulations regulations,
			MessageSource messages, PastDashboards past) {
		this.campaigns = campaigns;
		this.progress = progress;
		this.regulations = regulations;
		this.messages = messages;
		this.past = past;
	}

	/** A campaign as entered. */
	public record CampaignRequest(String code, String nameVi, String nameEn, List<String> frameworkCodes,
			LocalDate levelsDueOn, LocalDate plansDueOn, Boolean verified, String source) {

		CampaignDraft draft() {
			return new CampaignDraft(code, nameVi, nameEn, frameworkCodes, levelsDueOn, plansDueOn,
					Boolean.TRUE.equals(verified), source);
		}

	}

	@GetMapping("/campaigns")
	@Operation(summary = "Every campaign with its deadlines, earliest first; each marked verified or not with its source")
	public List<Campaign> campaigns() {
		return campaigns.all();
	}

	@PostMapping("/campaigns")
	@Operation(summary = "Add a campaign (201); province administrators granted on a province only")
	public ResponseEntity<Campaign> add(@RequestBody CampaignRequest request) {
		campaigns.requireManage();
		return ResponseEntity.status(HttpStatus.CREATED).body(campaigns.save(null, request.draft()));
	}

	@PutMapping("/campaigns/{id}")
	@Operation(summary = "Change a campaign; province administrators granted on a province only")
	public Campaign change(@PathVariable long id, @RequestBody CampaignRequest request) {
		campaigns.requireManage();
		return campaigns.save(id, request.draft());
	}

	@GetMapping("/campaigns/{id}/systems")
	@Operation(summary = "One page (200 systems) of the systems of the unit's subtree still owing what the deadline "
			+ "asks (kind=LEVELS_APPROVED: no approved level; PLANS_IMPLEMENTED: plan below 100 %), by unit; "
			+ "overdue = the deadline has passed")
	public CampaignProgress.SystemList systems(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Long unit, @RequestParam(defaultValue = "1") int page) {
		return progress.list(id, CampaignController.kind(kind, id), unit, page);
	}

	@GetMapping("/dashboard")
	@Operation(summary = "The figures of the unit's subtree (default: the caller's top unit) against the campaign "
			+ "(default: the next one due), per direct child unit; with asOf (yyyy-MM-dd, not after today) the tree "
			+ "and figures of the end of that day (400 for a date that is none or lies ahead)")
	public CampaignProgress.Dashboard dashboard(@RequestParam(required = false) Long campaign,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String asOf) {
		return past.dashboard(campaign, unit, past.day(asOf));
	}

	@GetMapping("/regulations")
	@Operation(summary = "One page (200 units) of the units of the subtree with their regulation in force; "
			+ "lacking=true (default): only those without one or with one not covering cameras")
	public RegulationPage regulations(@RequestParam(required = false) Long unit,
			@RequestParam(defaultValue = "true") boolean lacking, @RequestParam(defaultValue = "1") int page) {
		UnitRegulations.UnitList list = regulations.list(unit, lacking, page);
		return new RegulationPage(list.unit().id(), list.onlyLacking(), list.total(), list.lacking(), list.page(),
				list.pageCount(), list.lines().stream().map(l -> {
					UnitRegulation r = l.regulation();
					return new RegulationLine(l.unitId(), l.unitCode(), l.unitName(), r != null,
							r != null && r.coversCameras(), r == null ? null : r.id(), r == null ? null : r.documentNumber(),
							r == null ? null : r.issuedOn(), r == null ? null : r.cameraClause(),
							r == null ? null : r.fileName(), r == null ? null : r.sha256());
				}).toList());
	}

	/** A page of units with their regulation in force (the file itself downloads from the unit's page). */
	public record RegulationPage(long unitId, boolean onlyLacking, long total, long lacking, int page, int pageCount,
			List<RegulationLine> units) {
	}

	public record RegulationLine(long unitId, String unitCode, String unitName, boolean hasRegulation,
			boolean coversCameras, Long regulationId, String documentNumber, LocalDate issuedOn, String cameraClause,
			String fileName, String sha256) {
	}

	@ExceptionHandler(DashboardDateRefused.class)
	ResponseEntity<Map<String, Object>> refusedDay(DashboardDateRefused refused, Locale locale) {
		return ResponseEntity.badRequest()
			.body(Map.of("field", "asOf", "message",
					messages.getMessage(refused.messageKey(), new Object[] { refused.text() }, locale)));
	}

	@ExceptionHandler(LevelRuleViolation.class)
	ResponseEntity<Map<String, Object>> brokenRules(LevelRuleViolation violation, Locale locale) {
		return ResponseEntity.unprocessableContent()
			.body(Map.of("problems", violation.problems(), "messages",
					ProblemTexts.of(violation.problems(), messages, locale, null)));
	}

}
