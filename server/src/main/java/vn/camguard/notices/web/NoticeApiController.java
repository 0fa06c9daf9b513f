package vn.camguard.notices.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.camguard.notices.application.MappingImport;
import vn.camguard.notices.application.MappingReport;
import vn.camguard.notices.application.MonthlyReports;
import vn.camguard.notices.application.NotFound;
import vn.camguard.notices.application.NoticeBounces;
import vn.camguard.notices.application.NoticeScope;
import vn.camguard.notices.application.SubscriberNotices;
import vn.camguard.notices.domain.BounceCheck;
import vn.camguard.notices.domain.Notice;
import vn.camguard.notices.domain.NoticePlan;
import vn.camguard.notices.persistence.SubscriberMappings;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * ISP subscriber notices over REST, by the same rules as the pages ({@code NOTICES_MANAGE} on the organisation):
 * the notices (a bounced one with the recipient, status code and diagnostic its DSN gave) and who has open findings,
 * sending, retrying a failed or bounced notice, the printable letter, the subscriber
 * mapping's import and its status, and the monthly report. Errors answer as problem details (RFC 9457).
 */
@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "ISP subscriber notices", description = "Notices of open findings to an ISP's subscribers, mapping, report")
class NoticeApiController {

	private final SubscriberNotices notices;

	private final MappingImport mappingImport;

	private final MonthlyReports reports;

	private final NoticeScope scope;

	private final MessageSource messages;

	private final NoticeBounces bounces;

	NoticeApiController(SubscriberNotices notices, MappingImport mappingImport, MonthlyReports reports,
			NoticeScope scope, MessageSource messages, NoticeBounces bounces) {
		this.bounces = bounces;
		this.notices = notices;
		this.mappingImport = mappingImport;
		this.reports = reports;
		this.scope = scope;
		this.messages = messages;
	}

	/** A subscriber with open findings, who a send would notify. */
	record Pending(String subscriberCode, String subscriberName, boolean email, int findings) {
	}

	record NoticesBody(long organizationId, String organizationName, List<Pending> pending, int unmappedFindings,
			List<Notice> notices, BounceMailboxStatus bounceMailbox) {
	}

	/** Whether bounces are read, and the last read (counts, or the error that stopped it). */
	record BounceMailboxStatus(boolean configured, BounceCheck lastCheck) {
	}

	/** Whom to notify: the named subscribers, or every subscriber with open findings when none is named. */
	record SendRequest(long organizationId, List<String> subscribers) {
	}

	record Sent(List<Notice> notices) {
	}

	record MappingStatus(long organizationId, int rows, Instant importedAt, String importedBy) {
	}

	@GetMapping
	@Operation(summary = "The organisation's latest notices and the subscribers a send would notify now")
	NoticesBody list(@RequestParam(required = false) Long organizationId) {
		UnitRef organization = scope.chosen(organizationId);
		NoticePlan plan = notices.plan(organization.id());
		List<Pending> pending = plan.subscribers().stream()
			.map(group -> new Pending(group.subscriber().subscriberCode(), group.subscriber().subscriberName(),
					group.subscriber().email() != null, group.findings().size()))
			.toList();
		return new NoticesBody(organization.id(), organization.name(), pending, plan.unmapped().size(),
				notices.latest(organization.id()),
				new BounceMailboxStatus(bounces.configured(), bounces.lastCheck().orElse(null)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One notice: subscriber, findings, status, failure and attempts")
	Notice notice(@PathVariable long id) {
		return notices.notice(id);
	}

	@PostMapping
	@Operation(summary = "Make and send a notice to each named subscriber (all with open findings when none is named); "
			+ "mailed when the subscriber has an address, else kept as a printable letter")
	ResponseEntity<Sent> send(@RequestBody SendRequest request) {
		List<Long> made = notices.send(request.organizationId(),
				request.subscribers() == null ? List.of() : request.subscribers());
		return ResponseEntity.created(URI.create("/api/v1/notices?organizationId=" + request.organizationId()))
			.body(new Sent(made.stream().map(notices::notice).toList()));
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Send a failed, unsent or bounced notice again (to the subscriber's address in today's "
			+ "mapping); 409 for one already sent or printed")
	Notice retry(@PathVariable long id) {
		return notices.retry(id);
	}

	@GetMapping("/{id}/letter")
	@Operation(summary = "The notice's printable letter (PDF)")
	ResponseEntity<byte[]> letter(@PathVariable long id) {
		Notice notice = notices.notice(id);
		return file(notices.letter(id), MediaType.APPLICATION_PDF, notice.reference() + ".pdf");
	}

	@GetMapping("/subscribers")
	@Operation(summary = "The subscriber mapping's status: rows, and when and by whom it was last imported")
	MappingStatus mapping(@RequestParam long organizationId) {
		SubscriberMappings.Imported imported = mappingImport.imported(organizationId);
		return new MappingStatus(organizationId, imported.rows(), imported.at(), imported.by());
	}

	@PostMapping("/subscribers/import")
	@Operation(summary = "Replace the subscriber mapping with a CSV/XLSX file, all or nothing: 200 with the report "
			+ "when every row is good, else 422 with every row problem and nothing saved")
	ResponseEntity<?> importMapping(@RequestParam long organizationId, @RequestParam("file") MultipartFile file,
			Locale locale) throws IOException {
		MappingReport report;
		try (InputStream content = file.getInputStream()) {
			report = mappingImport.importFile(organizationId, file.getOriginalFilename(), content);
		}
		if (report.accepted()) {
			return ResponseEntity.ok(report);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage("notices.api.import.refused", null, "refused", locale));
		problem.setProperty("problem", "notices.api.import.refused");
		problem.setProperty("rows", report.rows());
		problem.setProperty("problems", report.problems().stream()
			.map(p -> new RowProblem(p.row(), p.column(), p.code(), p.value(),
					messages.getMessage(p.messageKey(), new Object[] { p.column(), p.value(), p.otherRow() },
							p.code(), locale)))
			.toList());
		problem.setProperty("problemsOmitted", report.problemsOmitted());
		return ResponseEntity.unprocessableContent().body(problem);
	}

	record RowProblem(int row, String column, String code, String value, String message) {
	}

	@GetMapping("/report")
	@Operation(summary = "The monthly report of the ISP for the province (month yyyy-MM), as pdf or xlsx")
	ResponseEntity<byte[]> report(@RequestParam long organizationId, @RequestParam String month,
			@RequestParam(defaultValue = "pdf") String format) throws IOException {
		UnitRef organization = reports.organization(organizationId);
		YearMonth period;
		try {
			period = YearMonth.parse(month);
		}
		catch (DateTimeParseException bad) {
			throw new BadRequest("notices.api.month");
		}
		String baseName = "bao-cao-" + organization.code() + "-" + period;
		return switch (format) {
			case "pdf" -> file(reports.pdf(organization.id(), period), MediaType.APPLICATION_PDF, baseName + ".pdf");
			case "xlsx" -> {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				reports.xlsx(organization.id(), period, out);
				yield file(out.toByteArray(),
						MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
						baseName + ".xlsx");
			}
			default -> throw new BadRequest("notices.api.format");
		};
	}

	@ExceptionHandler(SubscriberNotices.NotRetriable.class)
	ProblemDetail notRetriable(SubscriberNotices.NotRetriable refused, Locale locale) {
		return problem(HttpStatus.CONFLICT, "notices.api.notRetriable", locale, refused.getMessage());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound absent, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, "notices.api.notFound", locale);
	}

	@ExceptionHandler(BadRequest.class)
	ProblemDetail badRequest(BadRequest bad, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, bad.getMessage(), locale);
	}

	private ProblemDetail problem(HttpStatus status, String key, Locale locale, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(key, arguments, key, locale));
		problem.setProperty("problem", key);
		return problem;
	}

	private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	/** A parameter the API cannot read; its message is the message key. */
	private static final class BadRequest extends RuntimeException {

		BadRequest(String key) {
			super(key);
		}

	}

}
