package vn.camguard.web.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

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

	/** Dates on pages are written the Vietnamese way; a typed day may omit leading zeros (1/2/2026). */
	private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private final AuditLog log;

	private final AuditAccess access;

	private final UnitDirectory directory;

	AuditController(AuditLog log, AuditAccess access, UnitDirectory directory) {
		this.log = log;
		this.access = access;
		this.directory = directory;
	}

	/**
	 * Dates are typed by hand, so they are parsed here rather than by data binding: a badly typed
	 * day becomes a form error next to the field instead of a bare 400 page.
	 */
	@ModelAttribute("query")
	AuditQuery query(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) Long unitId,
			Model model) {
		Map<String, String> dateErrors = new LinkedHashMap<>();
		LocalDate fromDay = day(from, "from", dateErrors);
		LocalDate toDay = day(to, "to", dateErrors);
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			dateErrors.put("to", "audit.date.order");
		}
		model.addAttribute("fromText", from == null ? "" : from.strip());
		model.addAttribute("toText", to == null ? "" : to.strip());
		model.addAttribute("dateErrors", dateErrors);
		return new AuditQuery(fromDay, toDay, actor, action, entityType, unitId);
	}

	private static LocalDate day(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip(), TYPED_DAY);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "audit.date.invalid");
			return null;
		}
	}

	@GetMapping("/audit")
	String list(@ModelAttribute("query") AuditQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
		var visibility = access.visibility();
		model.addAttribute("page", hasDateErrors(model) ? new AuditLog.AuditPage(List.of(), 0, PAGE_SIZE, false)
				: log.search(query, visibility, Math.max(page, 0), PAGE_SIZE));
		var units = directory.within(access.scope());
		model.addAttribute("units", units);
		model.addAttribute("unitCodes", units.stream()
			.collect(java.util.stream.Collectors.toMap(UnitDirectory.UnitRef::id, UnitDirectory.UnitRef::code)));
		return "audit/list";
	}

	@GetMapping("/audit/export.csv")
	void export(@ModelAttribute("query") AuditQuery query, Model model, HttpServletResponse response)
			throws IOException {
		var visibility = access.visibility();
		if (hasDateErrors(model)) {
			// exporting without the mistyped bound would hand out more than was asked for
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
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

	private static boolean hasDateErrors(Model model) {
		return model.getAttribute("dateErrors") instanceof Map<?, ?> errors && !errors.isEmpty();
	}

}
