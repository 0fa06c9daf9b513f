package vn.camguard.levels.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

import vn.camguard.levels.application.FrameworkCatalogue;
import vn.camguard.levels.application.LevelDeterminations;
import vn.camguard.levels.application.WorkingCalendar;
import vn.camguard.levels.domain.Determination;
import vn.camguard.levels.domain.DeterminationRequest;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.ItemCorrection;
import vn.camguard.levels.domain.LevelRuleViolation;

/**
 * The security-level REST API (JSON under {@code /api/v1/levels}). It calls the same services as
 * the pages, so the same checks apply: frameworks are read by every signed-in user and corrected
 * only by a province administrator granted on a province; a system or determination outside the
 * caller's units answers 404, running the wizard without inventory write permission on the
 * system's unit answers 403, broken rules answer 422 with the problems in words.
 */
@RestController
@RequestMapping("/api/v1/levels")
@Tag(name = "Security levels", description = "Level frameworks (versioned reference data), working days, "
		+ "level determination of information systems")
public class LevelsApiController {

	private final FrameworkCatalogue catalogue;

	private final LevelDeterminations determinations;

	private final WorkingCalendar calendar;

	private final MessageSource messages;

	public LevelsApiController(FrameworkCatalogue catalogue, LevelDeterminations determinations,
			WorkingCalendar calendar, MessageSource messages) {
		this.catalogue = catalogue;
		this.determinations = determinations;
		this.calendar = calendar;
		this.messages = messages;
	}

	/** A correction of one item. */
	public record ItemCorrectionRequest(String textVi, String textEn, Integer amount, boolean verified, String source,
			String note) {
	}

	/** A determination as the API shows it, with the deciding rules in words. */
	public record DeterminationResponse(long id, long systemId, String systemName, long unitId, long frameworkVersionId,
			String framework, int frameworkVersion, Map<String, String> answers, int proposedMin, int proposedMax,
			boolean rulesLeftRoom, List<RuleResponse> decidingRules, int level, String justification, String status,
			String createdBy, OffsetDateTime createdAt) {

		static DeterminationResponse of(LevelDeterminations.Result result) {
			Determination d = result.determination();
			return new DeterminationResponse(d.id(), d.systemId(), result.system().name(), d.unitId(),
					d.frameworkVersionId(), result.framework().version().code(), result.framework().version().version(),
					d.answers(), d.proposedMin(), d.proposedMax(), d.rulesLeftRoom(),
					result.decidingRules().stream().map(RuleResponse::of).toList(), d.chosenLevel(), d.justification(),
					d.status(), d.createdBy(), d.createdAt());
		}

	}

	/** A rule in words. */
	public record RuleResponse(String key, int levelMin, int levelMax, String reference, String vi, String en,
			boolean verified) {

		static RuleResponse of(FrameworkItem rule) {
			return new RuleResponse(rule.key(), rule.levelMin(), rule.levelMax(), rule.reference(), rule.text().vi(),
					rule.text().en(), rule.verified());
		}

	}

	/** The answer of a working-day calculation. */
	public record WorkingDaysResponse(LocalDate from, int workingDays, LocalDate due) {
	}

	@GetMapping("/frameworks")
	@Operation(summary = "List every framework version (newest of each framework first; current = offered to the wizard)")
	public List<FrameworkVersion> frameworks() {
		return catalogue.versions();
	}

	@GetMapping("/frameworks/{id}")
	@Operation(summary = "One framework version with its items: questions, decision-table rules, dossier parts, "
			+ "competent bodies, time limits, assessment intervals, transition rules; each marked verified or not "
			+ "with its source")
	public Framework framework(@PathVariable long id) {
		return catalogue.framework(id);
	}

	@PutMapping("/frameworks/{id}/items/{key}")
	@Operation(summary = "Correct one item (texts, amount, verified, source): writes the next version of the "
			+ "framework and answers it (201); only the current version can be corrected (422 otherwise); "
			+ "province administrators granted on a province only")
	public ResponseEntity<FrameworkVersion> correctItem(@PathVariable long id, @PathVariable String key,
			@RequestBody ItemCorrectionRequest request) {
		catalogue.requireManage();
		FrameworkVersion next = catalogue.correctItem(id, key, new ItemCorrection(request.textVi(), request.textEn(),
				request.amount(), request.verified(), request.source(), request.note()));
		return ResponseEntity.created(URI.create("/api/v1/levels/frameworks/" + next.id())).body(next);
	}

	@PostMapping("/frameworks/{id}/copies")
	@Operation(summary = "Add a version of the framework copied from this one, with a new name, dates and a note "
			+ "(201); province administrators granted on a province only")
	public ResponseEntity<FrameworkVersion> copy(@PathVariable long id, @RequestBody FrameworkCatalogue.VersionCopy copy) {
		catalogue.requireManage();
		FrameworkVersion next = catalogue.copy(id, copy);
		return ResponseEntity.created(URI.create("/api/v1/levels/frameworks/" + next.id())).body(next);
	}

	@GetMapping("/working-days")
	@Operation(summary = "The date n working days after a date (Vietnamese public holidays, days off and "
			+ "weekend days worked in exchange, as the calendar tables hold them)")
	public WorkingDaysResponse workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam int days) {
		if (days < 0 || days > 366) {
			throw new LevelRuleViolation(List.of("levels.problem.amount"));
		}
		return new WorkingDaysResponse(from, days, calendar.workingDays().plus(from, days));
	}

	@GetMapping("/systems/{systemId}/determinations")
	@Operation(summary = "The level determinations of an information system, newest first (404 outside the "
			+ "caller's units)")
	public List<DeterminationResponse> systemDeterminations(@PathVariable long systemId) {
		return determinations.forSystem(systemId).stream().map(DeterminationResponse::of).toList();
	}

	@PostMapping("/systems/{systemId}/determinations")
	@Operation(summary = "Run the level wizard: answers (question key -> answer value) under a current framework "
			+ "version; saves a draft determination (201) with the proposed range and the rules that set it. Where the "
			+ "rules leave room, chosenLevel inside the range and a justification are required (422 otherwise). Needs "
			+ "inventory write permission on the system's unit")
	public ResponseEntity<DeterminationResponse> determine(@PathVariable long systemId,
			@RequestBody DeterminationRequest request) {
		LevelDeterminations.Result result = determinations.determine(systemId, request);
		return ResponseEntity.created(URI.create("/api/v1/levels/determinations/" + result.determination().id()))
			.body(DeterminationResponse.of(result));
	}

	@GetMapping("/determinations/{id}")
	@Operation(summary = "One level determination (404 outside the caller's units)")
	public DeterminationResponse determination(@PathVariable long id) {
		return DeterminationResponse.of(determinations.determination(id));
	}

	@ExceptionHandler(LevelRuleViolation.class)
	ResponseEntity<Map<String, Object>> brokenRules(LevelRuleViolation violation) {
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Map.of("problems", violation.problems(), "messages",
					ProblemTexts.of(violation.problems(), messages, locale, null)));
	}

}
