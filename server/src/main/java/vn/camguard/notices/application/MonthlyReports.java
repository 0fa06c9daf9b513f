package vn.camguard.notices.application;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.camguard.monitoring.MonitoringFindings;
import vn.camguard.notices.domain.MonthlyFigures;
import vn.camguard.notices.persistence.Notices;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.shared.document.OfficialDocument;
import vn.camguard.shared.spreadsheet.SpreadsheetCell;

/**
 * An ISP's monthly report to the province, as a PDF in the official-document layout and as XLSX, in Vietnamese (the
 * language of reports to the authorities). Check ids come from the scanner and stay text in both.
 */
@Service
public class MonthlyReports {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final NoticeScope scope;

	private final MonitoringFindings findings;

	private final Notices notices;

	private final NoticeWriting writing;

	private final MessageSource messages;

	MonthlyReports(NoticeScope scope, MonitoringFindings findings, Notices notices, NoticeWriting writing,
			MessageSource messages) {
		this.scope = scope;
		this.findings = findings;
		this.notices = notices;
		this.writing = writing;
		this.messages = messages;
	}

	/** The month's figures (403 outside the caller's scope). */
	public MonthlyFigures figures(long organizationId, YearMonth month) {
		UnitRef organization = scope.require(organizationId);
		Instant start = month.atDay(1).atStartOfDay(writing.zone()).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(writing.zone()).toInstant();
		return MonthlyFigures.of(month, writing.zone(), findings.findingsOf(organization.id(), Instant.EPOCH),
				notices.delivered(organization.id(), start, end), Instant.now());
	}

	public UnitRef organization(long organizationId) {
		return scope.require(organizationId);
	}

	public byte[] pdf(long organizationId, YearMonth month) {
		UnitRef organization = scope.require(organizationId);
		MonthlyFigures figures = figures(organizationId, month);
		String period = String.format("%02d/%d", month.getMonthValue(), month.getYear());
		List<OfficialDocument.Block> body = new ArrayList<>();
		body.add(new OfficialDocument.Text(text("notices.report.intro", organization.name(), period)));
		body.add(new OfficialDocument.Table(List.of(text("notices.report.figure"), text("notices.report.value")),
				summary(figures), new float[] { 70, 30 }));
		body.add(new OfficialDocument.Text(text("notices.report.by-check")));
		body.add(new OfficialDocument.Table(checkHeaders(), checkRows(figures), new float[] { 28, 14, 14, 14, 14, 16 }));
		body.add(new OfficialDocument.Text(text("notices.report.note")));
		return new OfficialDocument(null, organization.name(), text("notices.report.number"),
				text("notices.report.subject", period), OfficialDocument.placeAndDate(writing.place(),
						LocalDate.now(writing.zone())),
				text("notices.report.title"), text("notices.report.title-excerpt", period),
				text("notices.report.addressee", writing.provinceName()), body, text("notices.letter.recipients"),
				List.of(text("notices.report.recipient.addressee"), text("notices.letter.recipient.file")),
				new OfficialDocument.Signature(text("notices.letter.signature.authority"),
						text("notices.letter.signature.position"), null))
			.toPdf();
	}

	public void xlsx(long organizationId, YearMonth month, OutputStream out) throws IOException {
		UnitRef organization = scope.require(organizationId);
		MonthlyFigures figures = figures(organizationId, month);
		Workbook workbook = new Workbook(out, "CamGuard", "1.0");
		Worksheet summary = workbook.newWorksheet(text("notices.report.sheet.summary"));
		summary.inlineString(0, 0, text("notices.report.organization"));
		summary.inlineString(0, 1, SpreadsheetCell.asText(organization.name()));
		summary.inlineString(1, 0, text("notices.report.month"));
		summary.inlineString(1, 1, month.toString());
		int r = 3;
		for (List<String> row : summary(figures)) {
			summary.inlineString(r, 0, row.get(0));
			summary.value(r, 1, Integer.parseInt(row.get(1)));
			r++;
		}
		Worksheet checks = workbook.newWorksheet(text("notices.report.sheet.by-check"));
		List<String> headers = checkHeaders();
		for (int c = 0; c < headers.size(); c++) {
			checks.inlineString(0, c, headers.get(c));
		}
		int row = 1;
		for (MonthlyFigures.CheckFigures line : figures.byCheck()) {
			checks.inlineString(row, 0, SpreadsheetCell.asText(line.checkId()));
			checks.inlineString(row, 1, SpreadsheetCell.asText(line.severity()));
			checks.value(row, 2, line.cameras());
			checks.value(row, 3, line.notified());
			checks.value(row, 4, line.fixed());
			checks.value(row, 5, line.stillOpen());
			row++;
		}
		workbook.finish();
	}

	private List<List<String>> summary(MonthlyFigures f) {
		return List.of(List.of(text("notices.report.cameras-found"), Integer.toString(f.camerasFound())),
				List.of(text("notices.report.findings-seen"), Integer.toString(f.findingsSeen())),
				List.of(text("notices.report.notices-sent"), Integer.toString(f.noticesSent())),
				List.of(text("notices.report.notified"), Integer.toString(f.notified())),
				List.of(text("notices.report.fixed"), Integer.toString(f.fixed())),
				List.of(text("notices.report.still-open"), Integer.toString(f.stillOpen())));
	}

	private List<String> checkHeaders() {
		return List.of(text("notices.report.check"), text("notices.report.severity"),
				text("notices.report.unsafe-cameras"), text("notices.report.notified-short"),
				text("notices.report.fixed-short"), text("notices.report.open-short"));
	}

	private static List<List<String>> checkRows(MonthlyFigures figures) {
		return figures.byCheck()
			.stream()
			.map(c -> List.of(c.checkId(), c.severity(), Integer.toString(c.cameras()), Integer.toString(c.notified()),
					Integer.toString(c.fixed()), Integer.toString(c.stillOpen())))
			.toList();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
