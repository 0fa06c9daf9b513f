package vn.camguard.products.application;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.products.domain.Assessment;
import vn.camguard.products.domain.Assessment.Result;
import vn.camguard.products.domain.CatalogueItem;
import vn.camguard.shared.document.OfficialDocument;
import vn.camguard.shared.spreadsheet.TableExport;

/**
 * An assessment's report: the score per requirement group, the failed items with what to fix (the requirement in
 * plain language and the scan's findings on it), and the subject's assessments side by side (a column per
 * assessment, a row per item), on screen, as PDF in the official-document layout and as XLSX. Whoever reads the
 * assessment reads its report; each export is audited. Text a device sent (banners, titles) goes in as text only.
 */
@Service
public class AssessmentReports {

	/** Assessments the PDF puts side by side (the newest); the page and the XLSX show all of them. */
	static final int PDF_COLUMNS = 6;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final ProductAssessments assessments;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final String province;

	private final UnitDirectory units;

	private final Clock clock;

	AssessmentReports(ProductAssessments assessments, AuditTrail audit, MessageSource messages, UnitDirectory units,
			@Value("${camguard.province.name:}") String province, Clock clock) {
		this.units = units;
		this.clock = clock;
		this.assessments = assessments;
		this.audit = audit;
		this.messages = messages;
		this.province = province;
	}

	/** The subject's assessments, oldest first, and a row per item of the catalogues they used. */
	public record SideBySide(List<Assessment> assessments, List<ItemRow> rows) {
	}

	/**
	 * @param results per assessment in {@link SideBySide#assessments()} order; null where the assessment used
	 *        another catalogue
	 */
	public record ItemRow(String catalogueCode, CatalogueItem item, List<Result> results) {
	}

	/** A failed item: the requirement to meet and what the scan found, per device. */
	public record Fix(CatalogueItem item, String note, List<String> findings) {
	}

	@Transactional(readOnly = true)
	public SideBySide sideBySide(Assessment.Subject subject, long subjectId) {
		return sideBySide(assessments.history(subject, subjectId));
	}

	static SideBySide sideBySide(List<ProductAssessments.View> history) {
		List<Assessment> columns = history.stream().map(ProductAssessments.View::assessment).toList();
		Map<String, ItemRow> rows = new LinkedHashMap<>();
		// the newest catalogue first: what the subject is held to now comes before what it was held to
		for (ProductAssessments.View view : history.reversed()) {
			for (CatalogueItem item : view.catalogue().items()) {
				rows.computeIfAbsent(view.catalogue().code() + "|" + item.id(), key -> {
					List<Result> results = new ArrayList<>();
					for (ProductAssessments.View column : history) {
						results.add(column.catalogue().code().equals(view.catalogue().code())
								? column.assessment().result(item.id()) : null);
					}
					return new ItemRow(view.catalogue().code(), item, results);
				});
			}
		}
		return new SideBySide(columns, List.copyOf(rows.values()));
	}

	@Transactional(readOnly = true)
	public List<Fix> fixes(ProductAssessments.View view) {
		return view.failed().stream().map(item -> fix(view.assessment(), item)).toList();
	}

	private static Fix fix(Assessment assessment, CatalogueItem item) {
		Assessment.Answer answer = assessment.answers().get(item.id());
		return new Fix(item, answer == null ? null : answer.note(), assessment.evidence(item.id())
			.stream()
			.filter(Assessment.EvidenceEntry::finding)
			.map(e -> (e.address() == null ? "" : e.address() + ": ") + e.detail())
			.toList());
	}

	/** The report as PDF; the export is audited. */
	@Transactional
	public byte[] pdf(long id, Locale locale) {
		ProductAssessments.View view = assessments.view(id);
		Assessment a = view.assessment();
		SideBySide history = sideBySide(assessments.sameSubject(id));
		byte[] pdf = document(view, history, locale).toPdf();
		audit.record("assessment.report.export", "assessment", Long.toString(id), a.unitId(), null, "pdf");
		return pdf;
	}

	/** The report as XLSX, a row per item with the history side by side, then the score per group. */
	@Transactional
	public void xlsx(long id, Locale locale, OutputStream out) throws IOException {
		ProductAssessments.View view = assessments.view(id);
		Assessment a = view.assessment();
		String language = locale.getLanguage();
		SideBySide history = sideBySide(assessments.sameSubject(id));
		List<String> headers = new ArrayList<>(List.of(text(locale, "products.report.column.catalogue"),
				text(locale, "products.assessments.group"), text(locale, "products.assessments.item"),
				text(locale, "products.report.column.requirement"), text(locale, "products.assessments.result"),
				text(locale, "products.report.column.evidence")));
		history.assessments().forEach(column -> headers.add(column(column, locale)));
		List<List<String>> rows = new ArrayList<>();
		for (ItemRow row : history.rows()) {
			boolean current = row.catalogueCode().equals(a.catalogueCode());
			List<String> cells = new ArrayList<>(List.of(row.catalogueCode(), row.item().groupCode(), row.item().code(),
					row.item().text(language),
					current ? text(locale, "products.result." + a.result(row.item().id())) : "",
					current ? evidence(a, row.item()) : ""));
			row.results().forEach(r -> cells.add(r == null ? "" : text(locale, "products.result." + r)));
			rows.add(cells);
		}
		for (Assessment.GroupScore score : view.scores()) {
			rows.add(List.of(a.catalogueCode(), score.group().code(), "",
					text(locale, "products.report.score-row", "en".equals(language) ? score.group().nameEn()
							: score.group().nameVi()),
					percent(score), text(locale, "products.report.counts", score.passed(), score.failed(),
							score.notApplicable(), score.cannotVerify())));
		}
		TableExport.xlsx("assessment", headers, rows.iterator(), out);
		audit.record("assessment.report.export", "assessment", Long.toString(id), a.unitId(), null, "xlsx");
	}

	OfficialDocument document(ProductAssessments.View view, SideBySide history, Locale locale) {
		Assessment a = view.assessment();
		String language = locale.getLanguage();
		List<OfficialDocument.Block> body = new ArrayList<>();
		body.add(new OfficialDocument.Text(text(locale, "products.report.intro", a.subjectName(),
				DAY.format(a.assessedOn()), text(locale, "products.assessments.kind." + a.kind()), a.catalogueCode(),
				view.catalogue().title(language), a.deviceIds().size(), a.createdBy())));
		body.add(new OfficialDocument.Text(text(locale, "products.assessments.scores"), true));
		List<List<String>> scores = new ArrayList<>();
		for (Assessment.GroupScore s : view.scores()) {
			scores.add(List.of(s.group().code() + ". " + ("en".equals(language) ? s.group().nameEn() : s.group().nameVi()),
					percent(s), Integer.toString(s.passed()), Integer.toString(s.failed()),
					Integer.toString(s.notApplicable()), Integer.toString(s.cannotVerify())));
		}
		body.add(new OfficialDocument.Table(List.of(text(locale, "products.assessments.group"),
				text(locale, "products.assessments.score"), text(locale, "products.result.PASS"),
				text(locale, "products.result.FAIL"), text(locale, "products.result.NOT_APPLICABLE"),
				text(locale, "products.result.CANNOT_VERIFY")), scores, new float[] { 40, 12, 12, 12, 12, 12 }));
		body.add(new OfficialDocument.Text(text(locale, "products.assessments.failed-items"), true));
		List<Fix> fixes = fixes(view);
		if (fixes.isEmpty()) {
			body.add(new OfficialDocument.Text(text(locale, "products.assessments.no-failed")));
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			for (Fix fix : fixes) {
				rows.add(List.of(fix.item().code(), fix.item().text(language),
						fix.findings().isEmpty() ? (fix.note() == null ? "" : fix.note()) : String.join("\n", fix.findings())));
			}
			body.add(new OfficialDocument.Table(List.of(text(locale, "products.assessments.item"),
					text(locale, "products.report.column.fix"), text(locale, "products.report.column.evidence")), rows,
					new float[] { 10, 45, 45 }));
		}
		body.add(new OfficialDocument.Text(text(locale, "products.report.history"), true));
		List<Assessment> shown = history.assessments()
			.subList(Math.max(0, history.assessments().size() - PDF_COLUMNS), history.assessments().size());
		int skip = history.assessments().size() - shown.size();
		List<String> headers = new ArrayList<>(List.of(text(locale, "products.assessments.item")));
		shown.forEach(column -> headers.add(column(column, locale)));
		List<List<String>> historyRows = new ArrayList<>();
		for (ItemRow row : history.rows()) {
			List<String> cells = new ArrayList<>(List.of(row.catalogueCode() + " " + row.item().code()));
			row.results().subList(skip, row.results().size())
				.forEach(r -> cells.add(r == null ? "" : text(locale, "products.result." + r)));
			historyRows.add(cells);
		}
		float[] widths = new float[headers.size()];
		java.util.Arrays.fill(widths, 1f);
		widths[0] = 2f;
		body.add(new OfficialDocument.Table(headers, historyRows, widths));
		return new OfficialDocument(province.isBlank() ? null : province, unitName(a, locale),
				text(locale, "products.report.number", Long.toString(a.id())), text(locale, "products.report.subject"),
				OfficialDocument.placeAndDate(province.replaceFirst("^(Tỉnh|Thành phố)\\s+", ""),
						java.time.LocalDate.now(clock)),
				text(locale, "products.report.title"), a.subjectName(), null, body,
				text(locale, "products.procurement.pdf.recipients"),
				List.of(text(locale, "products.procurement.pdf.recipient.file")),
				new OfficialDocument.Signature(null, text(locale, "products.report.signature"), null));
	}

	private String unitName(Assessment a, Locale locale) {
		return units.find(a.unitId()).map(UnitDirectory.UnitRef::name).orElseGet(() -> Long.toString(a.unitId()));
	}

	private String column(Assessment a, Locale locale) {
		return DAY.format(a.assessedOn()) + " " + text(locale, "products.assessments.kind." + a.kind()) + " ("
				+ a.catalogueCode() + ")";
	}

	private static String evidence(Assessment a, CatalogueItem item) {
		String found = a.evidence(item.id())
			.stream()
			.map(e -> e.outcome() + " " + (e.address() == null ? "" : e.address() + " ") + e.detail())
			.collect(Collectors.joining("\n"));
		Assessment.Answer answer = a.answers().get(item.id());
		return found.isEmpty() && answer != null && answer.note() != null ? answer.note() : found;
	}

	private static String percent(Assessment.GroupScore score) {
		return score.percent() < 0 ? "—" : score.percent() + "%";
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
