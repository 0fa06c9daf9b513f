package vn.camguard.levels.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.camguard.levels.application.SecurityPlans;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.PlanItemState;
import vn.camguard.levels.domain.PlanProgress;
import vn.camguard.levels.domain.PlanStatus;
import vn.camguard.levels.domain.PlanUpdate;

/**
 * Security plans by level over REST (JSON under {@code /api/v1/levels}), through the same service as the
 * pages: readers of a system see its plan (404 outside their units), the system's unit records it (403
 * without inventory write there), broken rules answer 422 with the problems in words, every change is
 * audited. Percentages are whole percent rounded down over the requirements that apply; null when none
 * applies.
 */
@RestController
@RequestMapping("/api/v1/levels")
@Tag(name = "Security plans", description = "Security plans by level: requirement items of the approved level, "
		+ "their status, and percent implemented per system, unit subtree and province")
public class PlanApiController {

	private final SecurityPlans plans;

	private final MessageSource messages;

	public PlanApiController(SecurityPlans plans, MessageSource messages) {
		this.plans = plans;
		this.messages = messages;
	}

	/**
	 * What is recorded for one requirement; status is NOT_STARTED, IN_PROGRESS, DONE or NOT_APPLICABLE (with
	 * a reason). An evidence document already kept stays; documents are uploaded on the plan page.
	 */
	public record PlanItemRequest(String status, String notApplicableReason, String owner, LocalDate dueOn,
			String evidenceLink) {
	}

	/** Done out of applicable, and the whole percent. */
	public record Progress(int applicable, int done, Integer percent) {

		static Progress of(PlanProgress progress) {
			return new Progress(progress.applicable(), progress.done(), progress.percent());
		}

	}

	/** One requirement of the plan with its state. */
	public record PlanItem(String key, String vi, String en, String reference, boolean verified, PlanStatus status,
			String notApplicableReason, String owner, LocalDate dueOn, String evidenceLink, String evidenceFile,
			String updatedBy, OffsetDateTime updatedAt) {

		static PlanItem of(SecurityPlans.Line line) {
			PlanItemState s = line.state();
			return new PlanItem(line.requirement().key(), line.requirement().text().vi(), line.requirement().text().en(),
					line.requirement().reference(), line.requirement().verified(), s.status(), s.notApplicableReason(),
					s.owner(), s.dueOn(), s.evidenceLink(), s.evidence() == null ? null : s.evidence().fileName(),
					s.updatedBy(), s.updatedAt());
		}

	}

	/** A system's plan; dossierId null and no items while it has no approved level. */
	public record PlanResponse(long systemId, String systemName, long unitId, Long dossierId, Integer level,
			Long frameworkVersionId, String framework, Integer frameworkVersion, Progress progress, boolean canEdit,
			List<PlanItem> items) {

		static PlanResponse of(SecurityPlans.Plan plan) {
			boolean has = plan.dossier() != null;
			return new PlanResponse(plan.system().id(), plan.system().name(), plan.system().unitId(),
					has ? plan.dossier().id() : null, has ? plan.dossier().level() : null,
					has ? plan.framework().version().id() : null, has ? plan.framework().version().code() : null,
					has ? plan.framework().version().version() : null, Progress.of(plan.progress()), plan.canEdit(),
					plan.lines().stream().map(PlanItem::of).toList());
		}

	}

	/** Progress of a unit's subtree, each child's subtree and each system with an approved level inside. */
	public record ProgressResponse(long unitId, String unitName, Progress progress, int systemsWithPlan,
			List<UnitLine> children, List<SystemLine> systems) {

		static ProgressResponse of(SecurityPlans.UnitProgress p) {
			return new ProgressResponse(p.unit().id(), p.unit().name(), Progress.of(p.progress()), p.systemsWithPlan(),
					p.children()
						.stream()
						.map(c -> new UnitLine(c.unit().id(), c.unit().name(), Progress.of(c.progress()), c.systemsWithPlan()))
						.toList(),
					p.systems()
						.stream()
						.map(s -> new SystemLine(s.system().id(), s.system().name(), s.system().unitId(), s.level(),
								Progress.of(s.progress())))
						.toList());
		}

	}

	public record UnitLine(long unitId, String unitName, Progress progress, int systemsWithPlan) {
	}

	public record SystemLine(long systemId, String systemName, long unitId, int level, Progress progress) {
	}

	@GetMapping("/systems/{systemId}/plan")
	@Operation(summary = "The security plan of a system: the requirement items of its approved level under the "
			+ "framework version it was approved under, with their state and the percent implemented")
	public PlanResponse plan(@PathVariable long systemId) {
		return PlanResponse.of(plans.plan(systemId));
	}

	@PutMapping("/systems/{systemId}/plan/items/{key}")
	@Operation(summary = "Record one requirement (status, owner, due date, evidence link; a reason when not "
			+ "applicable); answers the plan with the new percent. Needs inventory write permission on the "
			+ "system's unit; 422 when the system has no approved level or the values break a rule")
	public PlanResponse record(@PathVariable long systemId, @PathVariable String key,
			@RequestBody PlanItemRequest request) {
		plans.record(systemId, key, new PlanUpdate(PlanController.status(request.status()), request.notApplicableReason(),
				request.owner(), request.dueOn(), request.evidenceLink()), null, null);
		return PlanResponse.of(plans.plan(systemId));
	}

	@GetMapping("/plans")
	@Operation(summary = "Percent implemented for a unit's subtree (default: the top unit the caller reads, for a "
			+ "province administrator the province), each child unit's subtree and each system inside")
	public ProgressResponse progress(@RequestParam(required = false) Long unit) {
		return ProgressResponse.of(plans.progress(unit));
	}

	@ExceptionHandler(LevelRuleViolation.class)
	ResponseEntity<Map<String, Object>> brokenRules(LevelRuleViolation violation) {
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Map.of("problems", violation.problems(), "messages",
					ProblemTexts.of(violation.problems(), messages, locale, null)));
	}

}
