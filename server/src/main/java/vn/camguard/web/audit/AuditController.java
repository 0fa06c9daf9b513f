package vn.camguard.web.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.camguard.audit.AuditEntry;
import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditQuery;
import vn.camguard.audit.SourceAddress;
import vn.camguard.organization.UnitDirectory;

/**
 * The audit log page: filters, paging, CSV export, chain verification and, for readers granted on
 * the province, the verification banner and the signed head. Entries are shown in the reader's
 * words: the action's name in their language, before/after as the fields that changed, the time in
 * {@code camguard.time-zone} and the address in one format.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	/** Dates on pages are written the Vietnamese way; a typed day may omit leading zeros (1/2/2026). */
	private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	/** A signed head is a few hundred bytes; anything much larger is not one. */
	private static final int MAX_HEAD_BYTES = 4096;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditLog log;

	private final HeadSafekeeping safekeeping;

	private final AuditAccess access;

	private final UnitDirectory directory;

	private final MessageSource messages;

	private final ZoneId zone;

	AuditController(AuditLog log, HeadSafekeeping safekeeping, AuditAccess access, UnitDirectory directory,
			MessageSource messages, Clock provinceClock) {
		this.log = log;
		this.safekeeping = safekeeping;
		this.access = access;
		this.directory = directory;
		this.messages = messages;
		this.zone = provinceClock.getZone();
	}

	/**
	 * One entry as the page shows it.
	 *
	 * @param actionName the action in the reader's language (the code when it has no name)
	 */
	record Row(AuditEntry entry, String time, String address, String actionName, String entityName,
			List<EntryDiff.Change> changes) {
	}

	/**
	 * Dates are typed by hand, so they are parsed here rather than by data binding: a badly typed
	 * day becomes a form error next to the field instead of a bare 400 page.
	 */
	@ModelAttribute("query")
	AuditQuery query(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) Long unitId,
			Model model) {
		Map<String, String> dateErrors = new LinkedHashMap<>();
		LocalDate fromDay = day(from, "from", dateErrors);
		LocalDate toDay = day(to, "to", dateErrors);
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			dateErrors.put("to", "audit.date.order");
		}
		model.addAttribute("fromText", from == null ? "" : from.strip());
		model.addAttribute("toText", to == null ? "" : to.strip());
		model.addAttribute("dateErrors", dateErrors);
		return new AuditQuery(fromDay, toDay, actor, action, entityType, unitId);
	}

	private static LocalDate day(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip(), TYPED_DAY);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "audit.date.invalid");
			return null;
		}
	}

	@GetMapping("/audit")
	String list(@ModelAttribute("query") AuditQuery query, @RequestParam(defaultValue = "0") int page, Model model,
			Locale locale) {
		var visibility = access.visibility();
		AuditLog.AuditPage found = hasDateErrors(model) ? new AuditLog.AuditPage(List.of(), 0, PAGE_SIZE, false)
				: log.search(query, visibility, Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("page", found);
		model.addAttribute("rows", found.entries().stream().map(entry -> row(entry, locale)).toList());
		model.addAttribute("zone", zone.getId());
		var units = directory.within(access.scope());
		model.addAttribute("units", units);
		model.addAttribute("unitCodes", units.stream()
			.collect(java.util.stream.Collectors.toMap(UnitDirectory.UnitRef::id, UnitDirectory.UnitRef::code)));
		model.addAttribute("provinceWide", visibility.unitless());
		if (visibility.unitless()) {
			AuditLog.ChainStatus status = log.status();
			if (status.checkedAt() != null && !status.verification().intact()) {
				model.addAttribute("chainAlarm", status.verification());
				model.addAttribute("chainAlarmTime", shown(status.checkedAt()));
			}
		}
		return "audit/list";
	}

	private Row row(AuditEntry entry, Locale locale) {
		String name = messages.getMessage("audit.action." + entry.action(), null, entry.action(), locale);
		// field names in the reader's language where the platform has a word for them, as recorded otherwise
		List<EntryDiff.Change> changes = EntryDiff.of(entry.beforeJson(), entry.afterJson())
			.stream()
			.map(change -> new EntryDiff.Change(change.field().isEmpty() ? ""
					: messages.getMessage("audit.field." + change.field(), null, change.field(), locale),
					change.before(), change.after()))
			.toList();
		String entity = entry.entityType() == null ? ""
				: messages.getMessage("audit.entityType." + entry.entityType(), null, entry.entityType(), locale);
		return new Row(entry, shown(entry.at()), SourceAddress.canonical(entry.actorAddress()), name, entity, changes);
	}

	private String shown(Instant at) {
		return SHOWN_TIME.format(at.atZone(zone));
	}

	@GetMapping("/audit/export.csv")
	void export(@ModelAttribute("query") AuditQuery query, Model model, HttpServletResponse response)
			throws IOException {
		var visibility = access.visibility();
		if (hasDateErrors(model)) {
			// exporting without the mistyped bound would hand out more than was asked for
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"camguard-audit.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		log.exportCsv(query, visibility, out);
		out.flush();
	}

	@PostMapping("/audit/verify")
	String verify(@ModelAttribute("query") AuditQuery query, Model model, Locale locale) {
		access.scope();
		model.addAttribute("verification", log.verify());
		return list(query, 0, model, locale);
	}

	/** The chain's current head, signed, as a file to keep outside CamGuard. */
	@GetMapping("/audit/head.json")
	ResponseEntity<AuditLog.SignedHead> head() {
		AuditLog.SignedHead head = safekeeping.export();
		String name = "camguard-audit-head-" + head.seq() + ".json";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(head);
	}

	/** Checks a head exported earlier against the log as it is now. */
	@PostMapping("/audit/head/verify")
	String checkHead(@ModelAttribute("query") AuditQuery query, @RequestParam(required = false) MultipartFile file,
			Model model, Locale locale) throws IOException {
		AuditLog.SignedHead head = readHead(file);
		model.addAttribute("headCheck", safekeeping.check(head));
		model.addAttribute("checkedHead", head);
		return list(query, 0, model, locale);
	}

	private static AuditLog.SignedHead readHead(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty() || file.getSize() > MAX_HEAD_BYTES) {
			return null;
		}
		try (InputStream in = file.getInputStream()) {
			return JSON.readValue(in.readNBytes(MAX_HEAD_BYTES), AuditLog.SignedHead.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean hasDateErrors(Model model) {
		return model.getAttribute("dateErrors") instanceof Map<?, ?> errors && !errors.isEmpty();
	}

}
