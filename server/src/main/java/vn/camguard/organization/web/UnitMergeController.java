package vn.camguard.organization.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.organization.unit.UnitAdministration;
import vn.camguard.organization.unit.UnitMerge;
import vn.camguard.organization.unit.UnitMerge.MergePreview;
import vn.camguard.organization.unit.UnitMerge.MergeResult;
import vn.camguard.organization.unit.UnitNode;
import vn.camguard.organization.unit.UnitProblem;
import vn.camguard.organization.unit.UnitRuleViolation;

/**
 * Merging a unit into another: choose both, see what would move (a preview that changes nothing),
 * then confirm. Both steps are checked by {@link UnitMerge}; this page only shows the answers.
 */
@Controller
class UnitMergeController {

	private final UnitAdministration units;

	private final UnitMerge merge;

	UnitMergeController(UnitAdministration units, UnitMerge merge) {
		this.units = units;
		this.merge = merge;
	}

	@GetMapping("/units/merge")
	String form(@RequestParam(required = false) Long sourceId, @RequestParam(required = false) Long targetId,
			Model model, HttpServletResponse response) {
		List<UnitNode> manageable = requireManageable();
		model.addAttribute("sourceId", sourceId);
		model.addAttribute("targetId", targetId);
		if (sourceId != null && targetId != null) {
			try {
				MergePreview preview = merge.preview(sourceId, targetId);
				model.addAttribute("preview", preview);
			}
			catch (UnitRuleViolation violation) {
				model.addAttribute("problems", violation.problems());
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
		}
		return formModel(model, manageable);
	}

	@PostMapping("/units/merge")
	String merge(@RequestParam(required = false) Long sourceId, @RequestParam(required = false) Long targetId,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<UnitNode> manageable = requireManageable();
		if (sourceId == null || targetId == null) {
			model.addAttribute("problems", List.of(new UnitProblem(0, "targetId", "merge-choose", null)));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formModel(model, manageable);
		}
		try {
			MergeResult result = merge.merge(sourceId, targetId);
			redirect.addFlashAttribute("message", "unit.merged");
			return "redirect:/units/" + result.target().id();
		}
		catch (UnitRuleViolation violation) {
			model.addAttribute("sourceId", sourceId);
			model.addAttribute("targetId", targetId);
			model.addAttribute("problems", violation.problems());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formModel(model, manageable);
		}
	}

	private String formModel(Model model, List<UnitNode> manageable) {
		model.addAttribute("sources", manageable.stream().filter(n -> n.unit().parentId() != null).toList());
		model.addAttribute("targets", manageable);
		return "units/merge";
	}

	private List<UnitNode> requireManageable() {
		List<UnitNode> manageable = units.manageable();
		if (manageable.isEmpty()) {
			throw new AccessDeniedException("UNITS_MANAGE needed");
		}
		return manageable;
	}

}
