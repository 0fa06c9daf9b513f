package vn.camguard.levels.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

import vn.camguard.levels.application.UnitRegulations;
import vn.camguard.levels.application.UnitRegulations.RegulationInput;
import vn.camguard.levels.domain.LevelRuleViolation;
import vn.camguard.levels.domain.UnitRegulation;
import vn.camguard.levels.persistence.RegulationStore.UnitLine;

/**
 * Unit regulation pages: a unit's regulation in force and its earlier ones, recording a new one with
 * its document (always downloaded, never shown inline), and the units of a subtree without one or with
 * one that does not cover surveillance cameras, with the XLSX export.
 */
@Controller
@RequestMapping("/levels")
public class RegulationController {

	private final UnitRegulations regulations;

	private final MessageSource messages;

	public RegulationController(UnitRegulations regulations, MessageSource messages) {
		this.regulations = regulations;
		this.messages = messages;
	}

	@GetMapping("/regulations")
	public String list(@RequestParam(required = false) Long unit, @RequestParam(defaultValue = "true") boolean lacking,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("list", regulations.list(unit, lacking, page));
		return "levels/regulations";
	}

	@GetMapping("/regulations/export")
	public ResponseEntity<byte[]> export(@RequestParam(required = false) Long unit,
			@RequestParam(defaultValue = "true") boolean lacking, Locale locale) {
		List<String> headers = new ArrayList<>();
		for (String key : List.of("levels.campaign.export.unit-code", "levels.campaign.export.unit",
				"levels.regulation.export.state", "levels.regulation.number", "levels.regulation.issued-on",
				"levels.regulation.clause")) {
			headers.add(messages.getMessage(key, null, locale));
		}
		List<List<String>> rows = new ArrayList<>();
		for (UnitLine line : regulations.all(unit, lacking)) {
			UnitRegulation r = line.regulation();
			String state = messages.getMessage(r == null ? "levels.regulation.state.none"
					: r.coversCameras() ? "levels.regulation.state.covers" : "levels.regulation.state.not-covering",
					null, locale);
			rows.add(Arrays.asList(line.unitCode(), line.unitName(), state, r == null ? null : r.documentNumber(),
					r == null ? null : r.issuedOn().toString(), r == null ? null : r.cameraClause()));
		}
		return XlsxDownload.of("quy-che-don-vi", "units", headers, rows);
	}

	@GetMapping("/units/{id}/regulation")
	public String unit(@PathVariable long id, Model model) {
		return page(model, regulations.view(id), List.of(), null);
	}

	@PostMapping("/units/{id}/regulation")
	public String record(@PathVariable long id, @RequestParam(required = false) String documentNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(defaultValue = "false") boolean coversCameras,
			@RequestParam(required = false) String cameraClause, @RequestParam(required = false) MultipartFile document,
			Model model, Locale locale) {
		RegulationInput input = new RegulationInput(documentNumber, issuedOn, coversCameras, cameraClause);
		boolean hasFile = document != null && !document.isEmpty();
		try (InputStream content = hasFile ? document.getInputStream() : null) {
			regulations.record(id, input, hasFile ? document.getOriginalFilename() : null, content);
			return "redirect:/levels/units/" + id + "/regulation";
		}
		catch (LevelRuleViolation violation) {
			return page(model, regulations.view(id), ProblemTexts.of(violation.problems(), messages, locale, null),
					input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/units/{id}/regulation/{regulationId}/document")
	public ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long regulationId) {
		return StoredFileDownload.of(regulations.document(id, regulationId));
	}

	private String page(Model model, UnitRegulations.UnitView view, List<String> problems, RegulationInput input) {
		model.addAttribute("view", view);
		model.addAttribute("problems", problems);
		model.addAttribute("input", input);
		return "levels/regulation";
	}

}
