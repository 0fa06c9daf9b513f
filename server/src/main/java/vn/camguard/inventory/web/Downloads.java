package vn.camguard.inventory.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import vn.camguard.inventory.application.DeviceTable;
import vn.camguard.inventory.application.InventoryManagement;
import vn.camguard.inventory.domain.DeviceFilter;

/** How the web pages and the REST API send device tables (exports, templates) as downloads. */
final class Downloads {

	private Downloads() {
	}

	static void prepare(HttpServletResponse response, DeviceTable.Format format, String baseName) {
		response.setContentType(format.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(baseName + "." + format.extension()).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	/** Streams the filtered list; an unknown unit code gives an empty table. */
	static void export(InventoryManagement inventory, DeviceQuery query, DeviceTable.Format format,
			HttpServletResponse response) throws IOException {
		DeviceFilter filter = query.filter(inventory).orElse(null);
		prepare(response, format, "camguard-devices-" + LocalDate.now());
		OutputStream out = response.getOutputStream();
		try {
			inventory.exportDevices(filter == null ? new DeviceFilter(null, -1L, null, null, null, null, null) : filter,
					query.sortColumn(), query.ascending(), devices -> {
						try {
							return DeviceTable.write(format, devices, out);
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
