package vn.camguard.products.web;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.camguard.products.application.AssessmentReports;
import vn.camguard.products.domain.Assessment;

/**
 * An assessment's report as PDF (official-document layout) and XLSX, and the subject's assessments side by side
 * (a column per assessment, a row per item).
 */
@Controller
@RequestMapping("/products/assessments")
public class AssessmentReportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final AssessmentReports reports;

	public AssessmentReportController(AssessmentReports reports) {
		this.reports = reports;
	}

	@GetMapping("/side-by-side")
	public String sideBySide(@RequestParam String subject, @RequestParam long id, Model model) {
		Assessment.Subject kind;
		try {
			kind = Assessment.Subject.valueOf(subject.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new AssessmentController.NotFoundPage();
		}
		model.addAttribute("subject", kind);
		model.addAttribute("subjectId", id);
		model.addAttribute("table", reports.sideBySide(kind, id));
		return "products/assessment-side-by-side";
	}

	@GetMapping("/{id}/report.pdf")
	public ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		byte[] pdf = reports.pdf(id, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("danh-gia-" + id + ".pdf").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(pdf);
	}

	@GetMapping("/{id}/report.xlsx")
	public void xlsx(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		// built in memory first, so that a refused or failed report never sends half a file with a 200
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		reports.xlsx(id, locale, out);
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("danh-gia-" + id + ".xlsx").build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.getOutputStream().write(out.toByteArray());
	}

}
