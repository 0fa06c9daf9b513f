package vn.camguard.levels.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.inventory.SystemDirectory.SystemRef;
import vn.camguard.levels.ApprovedLevels;
import vn.camguard.levels.application.LevelDeterminations;
import vn.camguard.levels.application.LevelDossiers;
import vn.camguard.levels.domain.DeterminationRequest;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.Proposal;

/**
 * The level pages of an information system: its determinations, the wizard (questions of the chosen
 * framework, then the proposal with the rule that decided it, and where the rules leave room the
 * officer's choice with a justification), and one saved determination.
 */
@Controller
@RequestMapping("/levels")
public class DeterminationController {

	/** Form fields carrying answers are named "q." + question key. */
	static final String ANSWER_PREFIX = "q.";

	private final LevelDeterminations determinations;

	private final LevelDossiers dossiers;

	private final ApprovedLevels approvedLevels;

	private final MessageSource messages;

	private final Clock clock;

	public DeterminationController(LevelDeterminations determinations, LevelDossiers dossiers,
			ApprovedLevels approvedLevels, MessageSource messages, Clock clock) {
		this.determinations = determinations;
		this.dossiers = dossiers;
		this.approvedLevels = approvedLevels;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/systems/{id}")
	public String system(@PathVariable long id, Model model) {
		SystemRef system = determinations.system(id);
		model.addAttribute("system", system);
		model.addAttribute("results", determinations.forSystem(id));
		model.addAttribute("canDetermine", determinations.canDetermine(system));
		model.addAttribute("dossiers", dossiers.forSystem(id));
		model.addAttribute("approved", approvedLevels.of(id).orElse(null));
		return "levels/system";
	}

	@GetMapping("/systems/{id}/wizard")
	public String wizard(@PathVariable long id, @RequestParam(required = false) Long framework, Model model) {
		SystemRef system = determinations.systemToDetermine(id);
		List<FrameworkVersion> offered = determinations.offeredFrameworks();
		// a superseded version (an old link) falls back to the version offered first
		long chosen = framework != null && offered.stream().anyMatch(v -> v.id() == framework) ? framework
				: offered.getFirst().id();
		return wizard(model, system, offered, determinations.frameworkForWizard(chosen), Map.of(), null, null, null,
				List.of());
	}

	@PostMapping("/systems/{id}/determinations")
	public String determine(@PathVariable long id, @RequestParam long frameworkVersionId,
			@RequestParam Map<String, String> form, @RequestParam(required = false) Integer chosenLevel,
			@RequestParam(required = false) String justification, Model model, Locale locale) {
		SystemRef system = determinations.systemToDetermine(id);
		Map<String, String> answers = answers(form);
		DeterminationRequest request = new DeterminationRequest(frameworkVersionId, answers, chosenLevel, justification);
		try {
			return "redirect:/levels/determinations/" + determinations.determine(id, request).determination().id();
		}
		catch (LevelRuleViolation violation) {
			List<FrameworkVersion> offered = determinations.offeredFrameworks();
			Framework framework = determinations.frameworkForWizard(
					offered.stream().anyMatch(v -> v.id() == frameworkVersionId) ? frameworkVersionId
							: offered.getFirst().id());
			Proposal proposal = null;
			try {
				proposal = framework.propose(answers);
			}
			catch (LevelRuleViolation unanswered) {
				// the problems below name the missing answers
			}
			return wizard(model, system, offered, framework, answers, proposal, chosenLevel, justification,
					ProblemTexts.of(violation.problems(), messages, locale, framework));
		}
	}

	@GetMapping("/determinations/{id}")
	public String determination(@PathVariable long id, Model model) {
		LevelDeterminations.Result result = determinations.determination(id);
		model.addAttribute("result", result);
		model.addAttribute("questions", result.framework().ofKind(ItemKind.QUESTION));
		model.addAttribute("approvers", result.framework().forLevel(ItemKind.APPROVER, result.determination().chosenLevel()));
		model.addAttribute("appraisers",
				result.framework().forLevel(ItemKind.APPRAISER, result.determination().chosenLevel()));
		model.addAttribute("limits", result.framework().forLevel(ItemKind.TIME_LIMIT, result.determination().chosenLevel()));
		model.addAttribute("canDetermine", determinations.canDetermine(result.system()));
		model.addAttribute("dossier", dossiers.forDetermination(id).orElse(null));
		model.addAttribute("canOpenDossier", dossiers.canOpen(result));
		return "levels/determination";
	}

	private String wizard(Model model, SystemRef system, List<FrameworkVersion> offered, Framework framework,
			Map<String, String> answers, Proposal proposal, Integer chosenLevel, String justification,
			List<String> problems) {
		model.addAttribute("system", system);
		model.addAttribute("offered", offered);
		model.addAttribute("framework", framework);
		model.addAttribute("questions", framework.ofKind(ItemKind.QUESTION));
		model.addAttribute("answers", answers);
		model.addAttribute("proposal", proposal);
		model.addAttribute("chosenLevel", chosenLevel);
		model.addAttribute("justification", justification);
		model.addAttribute("problems", problems);
		model.addAttribute("today", java.time.LocalDate.now(clock));
		return "levels/wizard";
	}

	static Map<String, String> answers(Map<String, String> form) {
		Map<String, String> answers = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith(ANSWER_PREFIX) && value != null && !value.isBlank()) {
				answers.put(name.substring(ANSWER_PREFIX.length()), value.strip());
			}
		});
		return answers;
	}

}
