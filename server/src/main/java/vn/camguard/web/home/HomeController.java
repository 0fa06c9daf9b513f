package vn.camguard.web.home;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Caller;
import vn.camguard.organization.DashboardFigure;

/**
 * The home page: one card per figure any module contributes (see {@link DashboardFigure}), then what
 * the caller's roles are for, with links to the pages they open.
 */
@Controller
class HomeController {

	private final List<DashboardFigure> figures;

	private final AccessControl access;

	HomeController(List<DashboardFigure> figures, AccessControl access) {
		this.figures = figures;
		this.access = access;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("figures", figures.stream()
			.sorted(Comparator.comparingInt(DashboardFigure::order))
			.map(DashboardFigure::figure)
			.flatMap(Optional::stream)
			.toList());
		// what each of the caller's roles is for: outside organisations otherwise see only zeros
		model.addAttribute("roles", access.caller()
			.grants()
			.stream()
			.map(Caller.Grant::role)
			.distinct()
			.sorted()
			.toList());
		return "home";
	}

}
