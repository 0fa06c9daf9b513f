package vn.camguard.web.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditQuery;

/** REST for the audit log: search, CSV export, chain verification (read only: there is no write path). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The tamper-evident audit log")
class AuditApiController {

	private final AuditLog log;

	private final AuditAccess access;

	private final MessageSource messages;

	private final HeadSafekeeping safekeeping;

	AuditApiController(AuditLog log, AuditAccess access, MessageSource messages, HeadSafekeeping safekeeping) {
		this.log = log;
		this.access = access;
		this.messages = messages;
		this.safekeeping = safekeeping;
	}

	/** A request parameter that could not be read, with a message in the caller's language. */
	record Problem(String field, String code, String message) {
	}

	record Problems(List<Problem> problems) {
	}

	/** A mistyped date or number answers 400 naming the parameter, not a bare error. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Problems> badParameter(MethodArgumentTypeMismatchException ex, Locale locale) {
		boolean date = LocalDate.class.equals(ex.getRequiredType());
		String key = date ? "audit.api.date.invalid" : "audit.api.parameter.invalid";
		return ResponseEntity.badRequest()
			.body(new Problems(List.of(new Problem(ex.getName(), date ? "date" : "parameter",
					messages.getMessage(key, null, key, locale)))));
	}

	/** Result of a verification; {@code firstBrokenSeq} is null when the chain is intact. */
	record Verification(boolean intact, long checked, Long firstBrokenSeq, String reason) {
	}

	@GetMapping
	@Operation(summary = "Audit entries in the caller's scope, newest first")
	AuditLog.AuditPage search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) Long unitId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return log.search(new AuditQuery(from, to, actor, action, entityType, unitId), access.visibility(), page, size);
	}

	@GetMapping(path = "/export.csv", produces = "text/csv")
	@Operation(summary = "The matching entries as CSV (UTF-8 with BOM)")
	void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) Long unitId,
			HttpServletResponse response) throws IOException {
		var visibility = access.visibility();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"camguard-audit.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		log.exportCsv(new AuditQuery(from, to, actor, action, entityType, unitId), visibility, out);
		out.flush();
	}

	@PostMapping("/verify")
	@Operation(summary = "Walk the hash chain and report the first broken entry")
	Verification verify() {
		access.scope();
		var result = log.verify();
		return new Verification(result.intact(), result.checked(),
				result.firstBrokenSeq().isPresent() ? result.firstBrokenSeq().getAsLong() : null, result.reason());
	}

	@GetMapping("/head")
	@Operation(summary = "The chain's last entry signed with the audit key, to keep outside CamGuard (province readers)")
	AuditLog.SignedHead head() {
		return safekeeping.export();
	}

	@PostMapping("/head/check")
	@Operation(summary = "Whether a head exported earlier is genuine and still in the log (not cut off or rewritten)")
	AuditLog.HeadCheck checkHead(@RequestBody AuditLog.SignedHead head) {
		return safekeeping.check(head);
	}

}
