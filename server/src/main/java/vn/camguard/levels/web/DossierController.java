package vn.camguard.levels.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.levels.application.DossierDocument;
import vn.camguard.levels.application.LevelDossiers;
import vn.camguard.levels.application.LevelsNotFound;
import vn.camguard.levels.domain.DossierAction;
import vn.camguard.levels.domain.LevelRuleViolation;

/**
 * The dossier pages: opening a dossier from a determination, the dossier with its parts, files and
 * timeline and the steps the caller may take, uploading and downloading files, and the appraising
 * side's queue. Files are always sent as downloads (Content-Disposition: attachment, nosniff, a
 * sandboxing CSP), never shown in the browser.
 */
@Controller
@RequestMapping("/levels")
public class DossierController {

	private final LevelDossiers dossiers;

	private final DossierDocument documents;

	private final MessageSource messages;

	public DossierController(LevelDossiers dossiers, DossierDocument documents, MessageSource messages) {
		this.dossiers = dossiers;
		this.documents = documents;
		this.messages = messages;
	}

	@PostMapping("/determinations/{id}/dossier")
	public String open(@PathVariable long id, @RequestParam(required = false) String relevelReason,
			RedirectAttributes redirect, Locale locale) {
		try {
			return "redirect:/levels/dossiers/" + dossiers.open(id, relevelReason).id();
		}
		catch (LevelRuleViolation violation) {
			redirect.addFlashAttribute("problems", ProblemTexts.of(violation.problems(), messages, locale, null));
			redirect.addFlashAttribute("relevelReason", relevelReason);
			return "redirect:/levels/determinations/" + id;
		}
	}

	@GetMapping("/dossiers/{id}")
	public String dossier(@PathVariable long id, Model model) {
		return page(model, dossiers.view(id), List.of(), null);
	}

	@PostMapping("/dossiers/{id}/attachments")
	public String attach(@PathVariable long id, @RequestParam(required = false) String part,
			@RequestParam(required = false) MultipartFile file, Model model, Locale locale) {
		try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			dossiers.attach(id, part, file == null ? null : file.getOriginalFilename(), content);
			return "redirect:/levels/dossiers/" + id + "#parts";
		}
		catch (LevelRuleViolation violation) {
			LevelDossiers.View view = dossiers.view(id);
			return page(model, view, ProblemTexts.of(violation.problems(), messages, locale, view.framework()), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/dossiers/{id}/attachments/{attachmentId}")
	public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return StoredFileDownload.of(dossiers.download(id, attachmentId));
	}

	/** The dossier as an official document (PDF), a download like every file of a dossier. */
	@GetMapping("/dossiers/{id}/pdf")
	public ResponseEntity<byte[]> pdf(@PathVariable long id) {
		return StoredFileDownload.of(documents.pdf(id));
	}

	@PostMapping("/dossiers/{id}/steps/{action}")
	public String step(@PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) String comment, @RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
			@RequestParam(required = false) String decisionSigner, Model model, Locale locale) {
		DossierAction step = action(action, id);
		LevelDossiers.StepInput input = new LevelDossiers.StepInput(comment, decisionNumber, decisionDate,
				decisionSigner);
		try {
			dossiers.act(id, step, input);
			return "redirect:/levels/dossiers/" + id;
		}
		catch (LevelRuleViolation violation) {
			LevelDossiers.View view = dossiers.view(id);
			return page(model, view, ProblemTexts.of(violation.problems(), messages, locale, view.framework()), input);
		}
	}

	@GetMapping("/queue")
	public String queue(Model model) {
		model.addAttribute("entries", dossiers.queue());
		return "levels/queue";
	}

	private String page(Model model, LevelDossiers.View view, List<String> problems, LevelDossiers.StepInput input) {
		model.addAttribute("view", view);
		model.addAttribute("d", view.dossier());
		if (!model.containsAttribute("problems") || !problems.isEmpty()) {
			model.addAttribute("problems", problems);
		}
		model.addAttribute("input", input != null ? input : new LevelDossiers.StepInput(null, null, null, null));
		model.addAttribute("accept", ".pdf,.docx,.xlsx,.png,.jpg,.jpeg");
		return "levels/dossier";
	}

	static DossierAction action(String name, long dossierId) {
		for (DossierAction action : DossierAction.values()) {
			if (action.name().equalsIgnoreCase(name)) {
				return action;
			}
		}
		throw new LevelsNotFound("step " + name + " of dossier", dossierId);
	}

}
