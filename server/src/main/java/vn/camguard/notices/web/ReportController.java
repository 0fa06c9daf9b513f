package vn.camguard.notices.web;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.camguard.notices.application.MonthlyReports;
import vn.camguard.organization.UnitDirectory.UnitRef;

/** The monthly report of an ISP for the province, as PDF (official layout) or XLSX. */
@Controller
public class ReportController {

	private final MonthlyReports reports;

	public ReportController(MonthlyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/notices/report")
	public void report(@RequestParam long organizationId, @RequestParam String month,
			@RequestParam(defaultValue = "pdf") String format, HttpServletResponse response) throws IOException {
		UnitRef organization = reports.organization(organizationId);
		YearMonth period;
		try {
			period = YearMonth.parse(month);
		}
		catch (DateTimeParseException bad) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month is yyyy-MM");
		}
		String baseName = "bao-cao-" + organization.code() + "-" + period;
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (format.equals("xlsx")) {
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(baseName + ".xlsx").build().toString());
			reports.xlsx(organization.id(), period, response.getOutputStream());
		}
		else if (format.equals("pdf")) {
			byte[] pdf = reports.pdf(organization.id(), period);
			response.setContentType("application/pdf");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(baseName + ".pdf").build().toString());
			response.getOutputStream().write(pdf);
		}
		else {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format is pdf or xlsx");
		}
	}

}
