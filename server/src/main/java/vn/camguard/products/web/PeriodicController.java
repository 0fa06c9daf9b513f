package vn.camguard.products.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.camguard.products.application.PeriodicAssessments;

/**
 * The unit's to-do list of periodic assessments: those of its systems due within the set days and
 * those overdue. Each item starts the periodic assessment of its system through the ordinary form of
 * {@link AssessmentController}, with kind and system filled in.
 */
@Controller
public class PeriodicController {

	private final PeriodicAssessments periodic;

	public PeriodicController(PeriodicAssessments periodic) {
		this.periodic = periodic;
	}

	@GetMapping("/products/periodic")
	public String toDo(Model model) {
		model.addAttribute("toDo", periodic.toDo());
		return "products/periodic";
	}

}
