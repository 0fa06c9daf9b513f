package vn.camguard.levels.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.camguard.levels.application.SecurityPlans;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.PlanStatus;
import vn.camguard.levels.domain.PlanUpdate;

/**
 * The security plan pages: the plan of a system (its requirements with status, owner, due date and
 * evidence), recording one requirement, its evidence document (always a download), and the progress
 * of a unit's subtree.
 */
@Controller
@RequestMapping("/levels")
public class PlanController {

	private final SecurityPlans plans;

	private final MessageSource messages;

	public PlanController(SecurityPlans plans, MessageSource messages) {
		this.plans = plans;
		this.messages = messages;
	}

	@GetMapping("/systems/{id}/plan")
	public String plan(@PathVariable long id, Model model) {
		return page(model, plans.plan(id), List.of(), null, null);
	}

	@PostMapping("/systems/{id}/plan/items/{key}")
	public String record(@PathVariable long id, @PathVariable String key,
			@RequestParam(required = false) String status, @RequestParam(required = false) String notApplicableReason,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) String evidenceLink, @RequestParam(required = false) MultipartFile evidence,
			Model model, Locale locale) {
		PlanUpdate update = new PlanUpdate(status(status), notApplicableReason, owner, dueOn, evidenceLink);
		boolean hasFile = evidence != null && !evidence.isEmpty();
		try (InputStream content = hasFile ? evidence.getInputStream() : null) {
			plans.record(id, key, update, hasFile ? evidence.getOriginalFilename() : null, content);
			return "redirect:/levels/systems/" + id + "/plan#item-" + key;
		}
		catch (LevelRuleViolation violation) {
			return page(model, plans.plan(id), ProblemTexts.of(violation.problems(), messages, locale, null), key,
					update);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/systems/{id}/plan/items/{key}/evidence")
	public ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable String key) {
		return StoredFileDownload.of(plans.evidence(id, key));
	}

	@GetMapping("/plans")
	public String progress(@RequestParam(required = false) Long unit, Model model) {
		model.addAttribute("progress", plans.progress(unit));
		return "levels/plans";
	}

	private String page(Model model, SecurityPlans.Plan plan, List<String> problems, String failedKey,
			PlanUpdate failedUpdate) {
		model.addAttribute("plan", plan);
		model.addAttribute("statuses", PlanStatus.values());
		model.addAttribute("problems", problems);
		model.addAttribute("failedKey", failedKey);
		model.addAttribute("failedUpdate", failedUpdate);
		return "levels/plan";
	}

	static PlanStatus status(String value) {
		for (PlanStatus status : PlanStatus.values()) {
			if (status.name().equals(value)) {
				return status;
			}
		}
		return null;
	}

}
