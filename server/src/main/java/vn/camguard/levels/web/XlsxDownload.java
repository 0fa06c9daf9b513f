package vn.camguard.levels.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.camguard.shared.spreadsheet.TableExport;

/** A table of a campaign page as an XLSX download, written through the shared {@link TableExport}. */
final class XlsxDownload {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private XlsxDownload() {
	}

	static ResponseEntity<byte[]> of(String fileName, String sheet, List<String> headers, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			TableExport.xlsx(sheet, headers, rows.iterator(), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName + ".xlsx", StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(out.toByteArray());
	}

	static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
