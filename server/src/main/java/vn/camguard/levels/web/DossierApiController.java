package vn.camguard.levels.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

import vn.camguard.levels.application.DossierDocument;
import vn.camguard.levels.application.LevelDossiers;
import vn.camguard.levels.domain.Attachment;
import vn.camguard.levels.domain.Dossier;
import vn.camguard.levels.domain.DossierAction;
import vn.camguard.levels.domain.DossierEvent;
import vn.camguard.levels.domain.DossierStatus;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.LevelRuleViolation;

/**
 * Level-proposal dossiers over REST (JSON under {@code /api/v1/levels}). Every call goes through the
 * same service as the pages, so the same rules hold: a dossier of a system outside the caller's units
 * answers 404; a step taken by anyone but the body the dossier's framework version names for its level
 * answers 403; a step from the wrong status, a missing comment, decision or file answers 422 with the
 * problems in words; every change is audited and on the dossier's timeline.
 */
@RestController
@RequestMapping("/api/v1/levels")
@Tag(name = "Security level dossiers", description = "Level-proposal dossiers: list, open, files, workflow steps, "
		+ "the appraising side's queue, the dossier as an official PDF document")
public class DossierApiController {

	private final LevelDossiers dossiers;

	private final DossierDocument documents;

	private final MessageSource messages;

	public DossierApiController(LevelDossiers dossiers, DossierDocument documents, MessageSource messages) {
		this.dossiers = dossiers;
		this.documents = documents;
		this.messages = messages;
	}

	/** Opening a dossier; the reason is required when the system already has an approved level. */
	public record OpenRequest(String relevelReason) {
	}

	/** A workflow step: a comment (required to return, reject or withdraw), and for an approval the decision. */
	public record StepRequest(String comment, String decisionNumber, LocalDate decisionDate, String decisionSigner) {
	}

	/** A dossier as a list shows it. */
	public record DossierSummary(long id, long systemId, String systemName, long unitId, long determinationId,
			long frameworkVersionId, int level, DossierStatus status, Long relevelOfId, String relevelReason,
			LocalDate stepStartedOn, LocalDate stepDueOn, Decision decision, String createdBy, OffsetDateTime createdAt,
			OffsetDateTime updatedAt) {

		static DossierSummary of(Dossier d, String systemName) {
			return new DossierSummary(d.id(), d.systemId(), systemName, d.unitId(), d.determinationId(),
					d.frameworkVersionId(), d.level(), d.status(), d.relevelOfId(), d.relevelReason(), d.stepStartedOn(),
					d.stepDueOn(), d.decision() == null ? null
							: new Decision(d.decision().number(), d.decision().date(), d.decision().signer()),
					d.createdBy(), d.createdAt(), d.updatedAt());
		}

	}

	/** The approval decision (quyết định phê duyệt). */
	public record Decision(String number, LocalDate date, String signer) {
	}

	/** A dossier with its parts and files, timeline, and the steps the caller may take now. */
	public record DossierResponse(DossierSummary dossier, String framework, int frameworkVersion, List<Part> parts,
			List<DossierEvent> timeline, List<DossierAction> allowedActions, boolean canUpload,
			Integer workingDaysLeft) {

		static DossierResponse of(LevelDossiers.View view) {
			return new DossierResponse(DossierSummary.of(view.dossier(), view.system().name()),
					view.framework().version().code(), view.framework().version().version(),
					view.parts().stream().map(p -> Part.of(p, view.attachmentsOf(p.key()))).toList(), view.timeline(),
					view.allowedActions(), view.canUpload(), view.workingDaysLeft());
		}

	}

	/** A part of the dossier the framework asks for, with the files covering it. */
	public record Part(String key, String vi, String en, String reference, boolean verified,
			List<AttachmentResponse> attachments) {

		static Part of(FrameworkItem part, List<Attachment> files) {
			return new Part(part.key(), part.text().vi(), part.text().en(), part.reference(), part.verified(),
					files.stream().map(AttachmentResponse::of).toList());
		}

	}

	/** A file of a dossier part (the type is the one found in the content). */
	public record AttachmentResponse(long id, String part, String fileName, String type, long size, String sha256,
			String uploadedBy, OffsetDateTime uploadedAt) {

		static AttachmentResponse of(Attachment a) {
			return new AttachmentResponse(a.id(), a.partKey(), a.fileName(), a.type().name(), a.size(), a.sha256(),
					a.uploadedBy(), a.uploadedAt());
		}

	}

	/** A line of the appraising side's queue. */
	public record QueueEntry(DossierSummary dossier, String framework, String actingBody, Integer workingDaysLeft) {
	}

	@GetMapping("/dossiers")
	@Operation(summary = "Dossiers of the systems the caller may read, newest first (at most "
			+ LevelDossiers.LIST_LIMIT + "); filter by status and system")
	public List<DossierSummary> list(@RequestParam(required = false) DossierStatus status,
			@RequestParam(required = false) Long systemId) {
		return dossiers.list(status, systemId).stream().map(l -> DossierSummary.of(l.dossier(), l.system().name())).toList();
	}

	@GetMapping("/dossiers/{id}")
	@Operation(summary = "One dossier with its framework parts and files, timeline, and the steps the caller may take "
			+ "(404 outside the caller's units)")
	public DossierResponse dossier(@PathVariable long id) {
		return DossierResponse.of(dossiers.view(id));
	}

	@PostMapping("/determinations/{id}/dossier")
	@Operation(summary = "Open the dossier of a determination as a draft (201); a re-levelling (the system already "
			+ "has an approved level) needs relevelReason. Only the body preparing dossiers of that level (403 "
			+ "otherwise); one open dossier per system (422)")
	public ResponseEntity<DossierResponse> open(@PathVariable long id, @RequestBody(required = false) OpenRequest request) {
		Dossier opened = dossiers.open(id, request == null ? null : request.relevelReason());
		return ResponseEntity.created(URI.create("/api/v1/levels/dossiers/" + opened.id()))
			.body(DossierResponse.of(dossiers.view(opened.id())));
	}

	@PostMapping(path = "/dossiers/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Add a file (PDF, DOCX, XLSX, PNG, JPEG, checked by content) to a part of a draft or "
			+ "returned dossier (201); only the preparing body")
	public ResponseEntity<AttachmentResponse> attach(@PathVariable long id, @RequestParam(required = false) String part,
			@RequestParam(required = false) MultipartFile file) throws IOException {
		try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			Attachment attachment = dossiers.attach(id, part, file == null ? null : file.getOriginalFilename(), content);
			return ResponseEntity.created(URI.create("/api/v1/levels/dossiers/" + id + "/attachments/" + attachment.id()))
				.body(AttachmentResponse.of(attachment));
		}
	}

	@GetMapping("/dossiers/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download a file of a dossier (always as an attachment; 404 outside the caller's units)")
	public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return StoredFileDownload.of(dossiers.download(id, attachmentId));
	}

	@PostMapping("/dossiers/{id}/steps/{action}")
	@Operation(summary = "Take a workflow step: SUBMIT, RESUBMIT, WITHDRAW (preparing body), RECEIVE, APPRAISE, "
			+ "RETURN (appraising body), REJECT, APPROVE (approving body; decisionNumber, decisionDate, decisionSigner "
			+ "required). 403 for any other caller, 422 from the wrong status or without what the step needs")
	public DossierResponse step(@PathVariable long id, @PathVariable String action,
			@RequestBody(required = false) StepRequest request) {
		DossierAction step = DossierController.action(action, id);
		StepRequest given = request == null ? new StepRequest(null, null, null, null) : request;
		dossiers.act(id, step, new LevelDossiers.StepInput(given.comment(), given.decisionNumber(),
				given.decisionDate(), given.decisionSigner()));
		return DossierResponse.of(dossiers.view(id));
	}

	@GetMapping("/dossiers/{id}/pdf")
	@Operation(summary = "The dossier as a Vietnamese administrative document (PDF, embedded fonts): determination "
			+ "with the deciding rules, framework version and parts with their files, timeline, approval decision")
	public ResponseEntity<byte[]> pdf(@PathVariable long id) {
		return StoredFileDownload.of(documents.pdf(id));
	}

	@GetMapping("/queue")
	@Operation(summary = "The appraising side's queue: dossiers waiting for a body the caller is, earliest legal "
			+ "deadline first, with working days left")
	public List<QueueEntry> queue() {
		return dossiers.queue()
			.stream()
			.map(e -> new QueueEntry(DossierSummary.of(e.dossier(), e.system().name()), e.frameworkCode(),
					e.actingBody().name(), e.workingDaysLeft()))
			.toList();
	}

	@ExceptionHandler(LevelRuleViolation.class)
	ResponseEntity<Map<String, Object>> brokenRules(LevelRuleViolation violation) {
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Map.of("problems", violation.problems(), "messages",
					ProblemTexts.of(violation.problems(), messages, locale, null)));
	}

}
