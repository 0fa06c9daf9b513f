package vn.camguard.monitoring.finding.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import vn.camguard.monitoring.finding.FindingFilter;
import vn.camguard.monitoring.finding.FindingReview;
import vn.camguard.monitoring.finding.FindingTable;

/** How the findings page and the REST API send the filtered list as a download. */
final class FindingDownloads {

	private FindingDownloads() {
	}

	/** Streams the filtered list; an organisation code the caller may not read gives an empty file. */
	static void export(FindingReview review, FindingTable table, FindingQuery query, String formatName,
			HttpServletResponse response) throws IOException {
		review.requireReader();
		FindingTable.Format format = FindingTable.Format.of(formatName);
		FindingFilter filter = query.filter(review)
			.orElse(new FindingFilter(-1L, null, null, null, null, null, null, null, false));
		response.setContentType(format.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("camguard-findings-" + LocalDate.now() + "." + format.extension())
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		OutputStream out = response.getOutputStream();
		try {
			review.export(filter, query.sortColumn(), query.ascending(), findings -> {
				try {
					return table.write(format, findings, out);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.flush();
	}

}
