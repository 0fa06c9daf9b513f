package vn.camguard.products.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.camguard.products.application.ProductAssessments;
import vn.camguard.products.domain.Assessment;
import vn.camguard.products.domain.Problem;
import vn.camguard.products.domain.ProductRuleViolation;
import vn.camguard.products.domain.ScanFile;
import vn.camguard.products.domain.ScanFile.ScanFileRefused;

/**
 * Assessments: the history of a system's (or a device's) assessments with the form to open one, an
 * assessment with its score per group, failed items and evidence, an item's answer, and the import
 * of a scanner report. A refused form or file comes back with the reason and nothing saved.
 */
@Controller
@RequestMapping("/products/assessments")
public class AssessmentController {

	private final ProductAssessments assessments;

	public AssessmentController(ProductAssessments assessments) {
		this.assessments = assessments;
	}

	@GetMapping
	public String history(@RequestParam String subject, @RequestParam long id, Model model) {
		Assessment.Subject kind = subject(subject);
		if (kind == null) {
			throw new NotFoundPage();
		}
		model.addAttribute("subject", kind);
		model.addAttribute("subjectId", id);
		model.addAttribute("history", assessments.history(kind, id));
		model.addAttribute("kinds", Assessment.Kind.values());
		if (!model.containsAttribute("assessedOn")) {
			model.addAttribute("assessedOn", "");
		}
		return "products/assessments";
	}

	@PostMapping
	public String open(@RequestParam(required = false) String subject, @RequestParam long subjectId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String assessedOn, Model model) {
		List<Problem> problems = new ArrayList<>();
		LocalDate date = ProductController.date(assessedOn, "assessedOn", problems);
		Assessment.Subject subjectKind = subject(subject);
		try {
			if (problems.isEmpty()) {
				return "redirect:/products/assessments/" + assessments.open(subjectKind, subjectId, kind(kind), date);
			}
		}
		catch (ProductRuleViolation refused) {
			problems.addAll(refused.problems());
		}
		model.addAttribute("problems", problems);
		model.addAttribute("assessedOn", assessedOn);
		return history(subject, subjectId, model);
	}

	@GetMapping("/{id}")
	public String assessment(@PathVariable long id, Model model) {
		model.addAttribute("view", assessments.view(id));
		model.addAttribute("results", Assessment.Result.values());
		return "products/assessment";
	}

	@PostMapping("/{id}/items/{itemId}")
	public String answer(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String result,
			@RequestParam(required = false) String note, Model model) {
		try {
			assessments.answer(id, itemId, result(result), note);
		}
		catch (ProductRuleViolation refused) {
			model.addAttribute("problems", refused.problems());
			return assessment(id, model);
		}
		return "redirect:/products/assessments/" + id + "#item-" + itemId;
	}

	@PostMapping("/{id}/scan")
	public String importScan(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			byte[] content = read(file);
			redirect.addFlashAttribute("imported", assessments.importScan(id, file == null ? null : file.getOriginalFilename(),
					content));
			return "redirect:/products/assessments/" + id;
		}
		catch (ScanFileRefused refused) {
			model.addAttribute("scanRefused", refused);
			return assessment(id, model);
		}
	}

	/** The upload, read no further than one byte past the largest report accepted (the import refuses it). */
	private static byte[] read(MultipartFile file) throws IOException {
		if (file == null) {
			return new byte[0];
		}
		try (InputStream in = file.getInputStream()) {
			return in.readNBytes(ScanFile.MAX_BYTES + 1);
		}
	}

	private static Assessment.Subject subject(String text) {
		return value(Assessment.Subject.class, text);
	}

	private static Assessment.Kind kind(String text) {
		return value(Assessment.Kind.class, text);
	}

	private static Assessment.Result result(String text) {
		return value(Assessment.Result.class, text);
	}

	private static <E extends Enum<E>> E value(Class<E> type, String text) {
		try {
			return text == null ? null : Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	/** An unknown subject kind names nothing. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFoundPage extends RuntimeException {

	}

}
