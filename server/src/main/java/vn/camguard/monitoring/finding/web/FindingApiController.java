package vn.camguard.monitoring.finding.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.camguard.monitoring.finding.FindingChange;
import vn.camguard.monitoring.finding.FindingFilter;
import vn.camguard.monitoring.finding.FindingPage;
import vn.camguard.monitoring.finding.FindingReview;
import vn.camguard.monitoring.finding.FindingRuleViolation;
import vn.camguard.monitoring.finding.FindingTable;
import vn.camguard.monitoring.finding.FindingView;

/**
 * The findings REST API (JSON under {@code /api/v1/findings}): the same service as the pages, so the same scope and
 * role checks apply; a finding outside the caller's organisations answers 404, a decision the caller may not take
 * 403, a refused value or a decision the finding's status does not allow 422.
 */
@RestController
@RequestMapping("/api/v1/findings")
@Tag(name = "Findings", description = "Network monitoring findings: list, detail, decisions, export")
public class FindingApiController {

	private final FindingReview review;

	private final FindingTable table;

	public FindingApiController(FindingReview review, FindingTable table) {
		this.review = review;
		this.table = table;
	}

	@GetMapping
	@Operation(summary = "Findings of the caller's organisations, filtered, sorted and paged")
	public ListAnswer list(@ModelAttribute FindingQuery query) {
		review.requireReader();
		Optional<FindingFilter> filter = query.filter(review);
		FindingPage page = filter
			.map(f -> review.findings(f, query.sortColumn(), query.ascending(), query.pageNumber(), query.pageSize()))
			.orElseGet(() -> new FindingPage(List.of(), query.pageNumber(), query.pageSize(), 0));
		return new ListAnswer(page.items().stream().map(FindingAnswer::of).toList(), page.page(), page.size(),
				page.shownTotal(), page.totalCapped());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One finding with its status history")
	public DetailAnswer detail(@PathVariable long id) {
		return new DetailAnswer(FindingAnswer.of(review.finding(id)), review.history(id));
	}

	@PostMapping("/{id}/accept-risk")
	@Operation(summary = "Accept the risk until a time, with a reason (UNIT_APPROVER or PROVINCE_ADMIN)")
	public FindingAnswer acceptRisk(@PathVariable long id, @RequestBody RiskAcceptance body) {
		return FindingAnswer.of(review.acceptRisk(id, body.reason(), body.until()));
	}

	@PostMapping("/{id}/false-positive")
	@Operation(summary = "Mark a false positive, with a reason (UNIT_OFFICER, ISP_OPERATOR or PROVINCE_ADMIN)")
	public FindingAnswer falsePositive(@PathVariable long id, @RequestBody Reason body) {
		return FindingAnswer.of(review.markFalsePositive(id, body.reason()));
	}

	@PostMapping("/{id}/verify")
	@Operation(summary = "Confirm a fixed finding verified (UNIT_OFFICER, ISP_OPERATOR or PROVINCE_ADMIN)")
	public FindingAnswer verify(@PathVariable long id, @RequestBody(required = false) Reason body) {
		return FindingAnswer.of(review.verify(id, body == null ? null : body.reason()));
	}

	@GetMapping("/export")
	@Operation(summary = "The filtered list as CSV, XLSX or SARIF 2.1.0 (format=csv|xlsx|sarif)")
	public void export(@ModelAttribute FindingQuery query, @RequestParam(defaultValue = "csv") String format,
			HttpServletResponse response) throws IOException {
		FindingDownloads.export(review, table, query, format, response);
	}

	@ExceptionHandler(FindingRuleViolation.class)
	public ResponseEntity<Map<String, String>> refused(FindingRuleViolation violation) {
		return ResponseEntity.unprocessableContent()
			.body(Map.of("field", violation.field(), "problem", violation.code()));
	}

	/** A page of findings; {@code totalCapped}: there are more than {@code total}. */
	public record ListAnswer(List<FindingAnswer> items, int page, int size, long total, boolean totalCapped) {
	}

	public record DetailAnswer(FindingAnswer finding, List<FindingChange> history) {
	}

	public record RiskAcceptance(String reason, Instant until) {
	}

	public record Reason(String reason) {
	}

	/** A finding as the API shows it; {@code title} and {@code evidence} are the device's text. */
	public record FindingAnswer(long id, long organizationId, String unitCode, String address, Integer port,
			String checkId, String severity, String title, String evidence, String requirementGroup, String status,
			String state, boolean open, boolean overdue, Instant due, Instant firstSeen, Instant lastSeen, int timesSeen,
			Instant notifiedAt, String noticeReference, Instant fixedAt, Instant verifiedAt, String statusReason,
			String statusBy, Instant statusUntil) {

		static FindingAnswer of(FindingView view) {
			var f = view.finding();
			return new FindingAnswer(f.id(), f.organizationId(), view.unitCode(), f.address(), f.port(), f.checkId(),
					f.severity(), f.title(), f.evidence(), f.requirementGroup(), f.status().name(), view.state().name(),
					view.open(), view.overdue(), view.dueAt(), f.firstSeen(), f.lastSeen(), f.timesSeen(),
					f.notifiedAt(), f.noticeReference(), f.fixedAt(), view.verifiedAt(), view.statusReason(),
					view.statusBy(), view.statusUntil());
		}

	}

}
