package vn.camguard.web.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditQuery;
import vn.camguard.organization.UnitDirectory;

/** The audit log page: filters, paging, CSV export and chain verification. */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	/** Dates on pages are written the Vietnamese way. */
	static final String DAY = "dd/MM/yyyy";

	private final AuditLog log;

	private final AuditAccess access;

	private final UnitDirectory directory;

	AuditController(AuditLog log, AuditAccess access, UnitDirectory directory) {
		this.log = log;
		this.access = access;
		this.directory = directory;
	}

	@ModelAttribute("query")
	AuditQuery query(@RequestParam(required = false) @DateTimeFormat(pattern = DAY) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(pattern = DAY) LocalDate to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) Long unitId) {
		return new AuditQuery(from, to, actor, action, entityType, unitId);
	}

	@GetMapping("/audit")
	String list(@ModelAttribute("query") AuditQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", log.search(query, access.visibility(), page, PAGE_SIZE));
		var units = directory.within(access.scope());
		model.addAttribute("units", units);
		model.addAttribute("unitCodes", units.stream()
			.collect(java.util.stream.Collectors.toMap(UnitDirectory.UnitRef::id, UnitDirectory.UnitRef::code)));
		return "audit/list";
	}

	@GetMapping("/audit/export.csv")
	void export(@ModelAttribute("query") AuditQuery query, HttpServletResponse response) throws IOException {
		var visibility = access.visibility();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"camguard-audit.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		log.exportCsv(query, visibility, out);
		out.flush();
	}

	@PostMapping("/audit/verify")
	String verify(@ModelAttribute("query") AuditQuery query, Model model) {
		access.scope();
		model.addAttribute("verification", log.verify());
		return list(query, 0, model);
	}

}
