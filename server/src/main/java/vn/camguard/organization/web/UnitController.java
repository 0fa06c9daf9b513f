package vn.camguard.organization.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.organization.unit.Unit;
import vn.camguard.organization.unit.UnitAdministration;
import vn.camguard.organization.unit.UnitDraft;
import vn.camguard.organization.unit.UnitImportFile;
import vn.camguard.organization.unit.UnitKind;
import vn.camguard.organization.unit.UnitNode;
import vn.camguard.organization.unit.UnitProblem;
import vn.camguard.organization.unit.UnitRuleViolation;
import vn.camguard.shared.spreadsheet.UploadLimits;

/** Unit tree pages: tree, details, create, rename, move, deactivate, reactivate, import. */
@Controller
class UnitController {

	/** Import files bigger than this are refused before parsing (a province tree is far smaller). */
	static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

	private final UnitAdministration units;

	private final UploadLimits uploadLimits;

	private final String provinceCode;

	UnitController(UnitAdministration units, UploadLimits uploadLimits,
			@Value("${camguard.province.code:TN}") String provinceCode) {
		this.units = units;
		this.uploadLimits = uploadLimits;
		this.provinceCode = provinceCode;
	}

	@GetMapping("/units")
	String tree(@RequestParam(required = false) String asOf, Model model) {
		List<UnitNode> tree = units.tree();
		if (tree.isEmpty()) {
			throw new AccessDeniedException("no unit in scope");
		}
		LocalDate day = null;
		if (asOf != null && !asOf.isBlank()) {
			try {
				day = LocalDate.parse(asOf.strip());
			}
			catch (DateTimeParseException ex) {
				model.addAttribute("problems", List.of(new UnitProblem(0, "asOf", "as-of-date", asOf)));
			}
		}
		List<UnitNode> nodes = day == null ? tree : units.treeAsOf(day);
		Map<Long, String> mergedNames = new HashMap<>();
		for (UnitNode node : nodes) {
			Long into = node.unit().mergedIntoId();
			if (into != null) {
				mergedNames.put(into, units.findVisible(into).map(Unit::name).orElse(Long.toString(into)));
			}
		}
		model.addAttribute("asOf", day);
		model.addAttribute("nodes", nodes);
		model.addAttribute("mergedNames", mergedNames);
		model.addAttribute("canManage", !units.manageable().isEmpty());
		return "units/tree";
	}

	@GetMapping("/units/{id}")
	String details(@PathVariable long id, Model model) {
		Unit unit = units.get(id);
		model.addAttribute("unit", unit);
		model.addAttribute("parent", units.findVisible(unit.parentId()).orElse(null));
		model.addAttribute("mergedInto", units.findVisible(unit.mergedIntoId()).orElse(null));
		List<UnitNode> manageable = units.manageable();
		boolean canManage = units.mayManage(id);
		model.addAttribute("canManage", canManage);
		model.addAttribute("parents", manageable.stream()
			.filter(n -> unit.kind().mayHangUnder(n.unit().kind()) && n.unit().id() != id)
			.toList());
		return "units/details";
	}

	@GetMapping("/units/new")
	String createForm(@RequestParam(required = false) String parentCode, Model model) {
		requireManageable();
		model.addAttribute("draft", new UnitDraft("", "", "COMMUNE", parentCode));
		return formModel(model);
	}

	@PostMapping("/units")
	String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String parentCode,
			Model model, RedirectAttributes redirect) {
		UnitDraft draft = new UnitDraft(code, name, kind, parentCode);
		try {
			Unit created = units.create(draft);
			redirect.addFlashAttribute("message", "unit.created.message");
			return "redirect:/units/" + created.id();
		}
		catch (UnitRuleViolation violation) {
			model.addAttribute("draft", draft);
			model.addAttribute("problems", violation.problems());
			return formModel(model);
		}
	}

	@PostMapping("/units/{id}/rename")
	String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		return change(id, redirect, () -> units.rename(id, name), "unit.renamed");
	}

	@PostMapping("/units/{id}/move")
	String move(@PathVariable long id, @RequestParam(required = false) Long parentId, RedirectAttributes redirect) {
		return change(id, redirect, () -> units.move(id, parentId == null ? -1 : parentId), "unit.moved");
	}

	@PostMapping("/units/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		return change(id, redirect, () -> units.deactivate(id), "unit.deactivated");
	}

	@PostMapping("/units/{id}/reactivate")
	String reactivate(@PathVariable long id, RedirectAttributes redirect) {
		return change(id, redirect, () -> units.reactivate(id), "unit.reactivated");
	}

	@GetMapping("/units/import")
	String importForm() {
		requireManageable();
		return "units/import";
	}

	@GetMapping("/units/import/template")
	void template(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
		requireManageable();
		sendTemplate(format, provinceCode, response);
	}

	/** The unit import template as a download, CSV or (format=xlsx) XLSX. */
	static void sendTemplate(String format, String provinceCode, HttpServletResponse response) throws IOException {
		boolean xlsx = "xlsx".equalsIgnoreCase(format);
		response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				: "text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("camguard-unit-template." + (xlsx ? "xlsx" : "csv"))
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		UnitImportFile.writeTemplate(xlsx, provinceCode, response.getOutputStream());
	}

	@PostMapping("/units/import")
	String importFile(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response) {
		requireManageable();
		try {
			if (file.isEmpty() || file.getSize() > MAX_IMPORT_BYTES) {
				throw new UnitRuleViolation(new UnitProblem(0, "file", file.isEmpty() ? "empty" : "too-big", null));
			}
			List<Unit> created = units.importUnits(UnitImportFile.read(file.getOriginalFilename(), file.getInputStream(), uploadLimits));
			model.addAttribute("created", created);
		}
		catch (UnitRuleViolation violation) {
			model.addAttribute("problems", violation.problems());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (IOException ex) {
			model.addAttribute("problems", List.of(new UnitProblem(0, "file", "unreadable", null)));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return "units/import";
	}

	private String change(long id, RedirectAttributes redirect, Runnable action, String doneMessage) {
		try {
			action.run();
			redirect.addFlashAttribute("message", doneMessage);
		}
		catch (UnitRuleViolation violation) {
			redirect.addFlashAttribute("problems", violation.problems());
		}
		return "redirect:/units/" + id;
	}

	private String formModel(Model model) {
		model.addAttribute("kinds", List.of(UnitKind.values()).stream().filter(k -> k != UnitKind.PROVINCE).toList());
		model.addAttribute("parents", units.manageable());
		return "units/new";
	}

	private void requireManageable() {
		if (units.manageable().isEmpty()) {
			throw new AccessDeniedException("UNITS_MANAGE needed");
		}
	}

}
