package vn.camguard.web.home;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Caller;
import vn.camguard.organization.HomeSection;

/**
 * The home page: the sections modules contribute (see {@link HomeSection}, e.g. the province
 * dashboard); then what the caller's roles are for, with links to the pages they open.
 */
@Controller
class HomeController {

	private final List<HomeSection> sections;

	private final AccessControl access;

	HomeController(List<HomeSection> sections, AccessControl access) {
		this.sections = sections;
		this.access = access;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("sections", sections.stream()
			.sorted(Comparator.comparingInt(HomeSection::order))
			.map(HomeSection::section)
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
