package vn.camguard.notices.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.camguard.notices.application.MappingColumn;
import vn.camguard.notices.application.MappingImport;
import vn.camguard.notices.application.MappingReport;
import vn.camguard.notices.application.NoticeScope;
import vn.camguard.notices.application.SubscriberNotices;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The subscriber mapping page of an ISP: what is mapped now, the subscribers whose notices bounced (so their address
 * can be corrected in the next import), and the import form with the problems of a refused file.
 */
@Controller
@RequestMapping("/notices/subscribers")
public class SubscriberController {

	/** Rows shown on the page; the whole mapping is in the ISP's own file. */
	private static final int SHOWN_ROWS = 500;

	private final MappingImport mappingImport;

	private final NoticeScope scope;

	private final SubscriberNotices notices;

	public SubscriberController(MappingImport mappingImport, NoticeScope scope, SubscriberNotices notices) {
		this.mappingImport = mappingImport;
		this.scope = scope;
		this.notices = notices;
	}

	@GetMapping
	public String page(@RequestParam(required = false) Long organizationId, Model model) {
		return page(scope.chosen(organizationId), null, model);
	}

	@PostMapping("/import")
	public String importFile(@RequestParam long organizationId, @RequestParam("file") MultipartFile file, Model model)
			throws IOException {
		UnitRef organization = scope.require(organizationId);
		MappingReport report;
		try (InputStream content = file.getInputStream()) {
			report = mappingImport.importFile(organization.id(), file.getOriginalFilename(), content);
		}
		return page(organization, report, model);
	}

	private String page(UnitRef organization, MappingReport report, Model model) {
		var entries = mappingImport.mapping(organization.id()).entries();
		model.addAttribute("organization", organization);
		model.addAttribute("organizations", scope.organizations());
		model.addAttribute("entries", entries.subList(0, Math.min(entries.size(), SHOWN_ROWS)));
		model.addAttribute("entryCount", entries.size());
		model.addAttribute("columns", MappingColumn.values());
		model.addAttribute("report", report);
		model.addAttribute("bounced", notices.bounced(organization.id()));
		model.addAttribute("zone", notices.zone());
		return "notices/subscribers";
	}

}
