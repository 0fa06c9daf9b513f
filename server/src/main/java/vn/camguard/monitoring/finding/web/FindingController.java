package vn.camguard.monitoring.finding.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.camguard.monitoring.finding.FindingFilter;
import vn.camguard.monitoring.finding.FindingPage;
import vn.camguard.monitoring.finding.FindingReview;
import vn.camguard.monitoring.finding.FindingRuleViolation;
import vn.camguard.monitoring.finding.FindingSla;
import vn.camguard.monitoring.finding.FindingState;
import vn.camguard.monitoring.finding.FindingTable;
import vn.camguard.monitoring.finding.FindingView;
import vn.camguard.monitoring.finding.Severity;

/**
 * The findings pages: the filtered list (htmx swaps only the results; plain links work too), a finding's detail
 * with its history, the decisions on it, and the export of the filtered list.
 */
@Controller
@RequestMapping("/findings")
public class FindingController {

	private final FindingReview review;

	private final FindingTable table;

	private final FindingSla sla;

	private final ZoneId zone;

	public FindingController(FindingReview review, FindingTable table, FindingSla sla,
			Clock provinceClock) {
		this.review = review;
		this.table = table;
		this.sla = sla;
		this.zone = provinceClock.getZone();
	}

	@GetMapping
	public String list(@ModelAttribute("query") FindingQuery query,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		review.requireReader();
		FindingPage page = new FindingPage(List.of(), query.pageNumber(), query.pageSize(), 0);
		boolean unitUnknown = false;
		try {
			Optional<FindingFilter> filter = query.filter(review);
			unitUnknown = filter.isEmpty();
			if (filter.isPresent()) {
				page = review.findings(filter.get(), query.sortColumn(), query.ascending(), query.pageNumber(),
						query.pageSize());
			}
		}
		catch (FindingRuleViolation violation) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", violation);
		}
		model.addAttribute("page", page);
		model.addAttribute("unitUnknown", unitUnknown);
		model.addAttribute("zone", zone);
		if (htmx != null) {
			return "findings/list :: results";
		}
		model.addAttribute("severities", Severity.values());
		model.addAttribute("states", FindingState.values());
		model.addAttribute("checks", review.checks());
		model.addAttribute("sla", sla);
		return "findings/list";
	}

	@GetMapping("/{id}")
	public String detail(@PathVariable long id, Model model) {
		return detailPage(review.finding(id), model);
	}

	@PostMapping("/{id}/accept-risk")
	public String acceptRisk(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String until, Model model, HttpServletResponse response) {
		try {
			review.acceptRisk(id, reason, endOfDay(until));
			return "redirect:/findings/" + id;
		}
		catch (FindingRuleViolation violation) {
			return refused(id, "accept-risk", violation, reason, until, model, response);
		}
	}

	@PostMapping("/{id}/false-positive")
	public String falsePositive(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			HttpServletResponse response) {
		try {
			review.markFalsePositive(id, reason);
			return "redirect:/findings/" + id;
		}
		catch (FindingRuleViolation violation) {
			return refused(id, "false-positive", violation, reason, null, model, response);
		}
	}

	@PostMapping("/{id}/verify")
	public String verify(@PathVariable long id, @RequestParam(required = false) String note, Model model,
			HttpServletResponse response) {
		try {
			review.verify(id, note);
			return "redirect:/findings/" + id;
		}
		catch (FindingRuleViolation violation) {
			return refused(id, "verify", violation, note, null, model, response);
		}
	}

	@GetMapping("/export")
	public void export(@ModelAttribute FindingQuery query, @RequestParam(defaultValue = "csv") String format,
			HttpServletResponse response) throws IOException {
		FindingDownloads.export(review, table, query, format, response);
	}

	/** A bad filter of an export: 422 with the problem's code (the list page shows it in the form instead). */
	@ExceptionHandler(FindingRuleViolation.class)
	@ResponseBody
	public ResponseEntity<String> badRequest(FindingRuleViolation violation) {
		return ResponseEntity.unprocessableContent().contentType(MediaType.TEXT_PLAIN).body(violation.getMessage());
	}

	/** The last moment of the given local day: an acceptance "until 31/12" runs through that day. */
	private Instant endOfDay(String day) {
		if (day == null || day.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(day.strip()).plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
		}
		catch (DateTimeParseException ex) {
			throw new FindingRuleViolation("until", "bad-date");
		}
	}

	private String refused(long id, String action, FindingRuleViolation violation, String reason, String until,
			Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", violation);
		model.addAttribute("problemAction", action);
		model.addAttribute("typedReason", reason);
		model.addAttribute("typedUntil", until);
		return detailPage(review.finding(id), model);
	}

	private String detailPage(FindingView finding, Model model) {
		model.addAttribute("f", finding);
		model.addAttribute("history", review.history(finding.id()));
		model.addAttribute("decisions", review.decisions(finding));
		model.addAttribute("zone", zone);
		model.addAttribute("today", LocalDate.now(zone));
		return "findings/detail";
	}

}
