package vn.camguard.web.home;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.camguard.organization.DashboardFigure;

/** The home page: one card per figure any module contributes (see {@link DashboardFigure}). */
@Controller
class HomeController {

	private final List<DashboardFigure> figures;

	HomeController(List<DashboardFigure> figures) {
		this.figures = figures;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("figures", figures.stream()
			.sorted(Comparator.comparingInt(DashboardFigure::order))
			.map(DashboardFigure::figure)
			.flatMap(Optional::stream)
			.toList());
		return "home";
	}

}
