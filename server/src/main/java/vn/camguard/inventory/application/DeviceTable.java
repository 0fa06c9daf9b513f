package vn.camguard.inventory.application;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import vn.camguard.inventory.domain.Device;
import vn.camguard.shared.spreadsheet.SpreadsheetCell;
import vn.camguard.shared.spreadsheet.TableExport;

/**
 * Writes devices as a table with exactly the import columns, so an export can be edited and
 * imported again, and the import template is the same table with one example row. CSV is UTF-8 with
 * a BOM (Excel then reads Vietnamese correctly); a CSV cell that a spreadsheet would take for a
 * formula gets a leading apostrophe, which the import takes away again ({@link SpreadsheetCell}).
 * XLSX cells are written as inline text, which spreadsheets never evaluate (so they need no
 * apostrophe), and keep memory flat however many rows are streamed.
 */
public final class DeviceTable {

	/** The row limit of one XLSX sheet, header excluded. */
	public static final int XLSX_MAX_ROWS = TableExport.XLSX_MAX_ROWS;

	/** The file formats offered. */
	public enum Format {

		CSV("text/csv; charset=UTF-8", "csv"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		private final String contentType;

		private final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

		public String contentType() {
			return contentType;
		}

		public String extension() {
			return extension;
		}

		public static Format of(String text) {
			return "xlsx".equalsIgnoreCase(text) ? XLSX : CSV;
		}

	}

	private DeviceTable() {
	}

	/** Writes the devices; returns the number of rows written. */
	public static long write(Format format, Stream<Device> devices, OutputStream out) throws IOException {
		Iterator<List<String>> rows = devices.map(DeviceTable::cells).iterator();
		return format == Format.XLSX ? writeXlsx(rows, out) : writeCsv(rows, out);
	}

	/** The import template: header and one example row. */
	public static void writeTemplate(Format format, OutputStream out) throws IOException {
		List<String> example = new ArrayList<>();
		for (ImportColumn column : ImportColumn.values()) {
			example.add(column.example());
		}
		Iterator<List<String>> rows = List.of(example).iterator();
		if (format == Format.XLSX) {
			writeXlsx(rows, out);
		}
		else {
			writeCsv(rows, out);
		}
	}

	private static List<String> cells(Device device) {
		List<String> cells = new ArrayList<>(ImportColumn.values().length);
		for (ImportColumn column : ImportColumn.values()) {
			cells.add(switch (column) {
				case UNIT_CODE -> device.unitCode();
				case SYSTEM_NAME -> device.systemName();
				case SITE_NAME -> device.siteName();
				case NAME -> device.name();
				case KIND -> device.kind().name();
				case VENDOR -> device.vendor();
				case MODEL -> device.model();
				case FIRMWARE -> device.firmware();
				case SERIAL -> device.serial();
				case MAC -> device.mac();
				case ADDRESS -> device.address();
				case OPEN_PORTS -> device.openPorts();
				case PROCUREMENT_DATE ->
					device.procurementDate() == null ? null : DeviceImport.DATE.format(device.procurementDate());
				case SUPPLIER -> device.supplier();
				case CO_REF -> device.coRef();
				case CQ_REF -> device.cqRef();
				case QCVN135_CERTIFICATE -> device.qcvn135Certificate();
				case STATUS -> device.status().name();
			});
		}
		return cells;
	}

	private static long writeCsv(Iterator<List<String>> rows, OutputStream out) throws IOException {
		try {
			return TableExport.csv(headers(), rows, out);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static long writeXlsx(Iterator<List<String>> rows, OutputStream out) throws IOException {
		return TableExport.xlsx("devices", headers(), rows, out);
	}

	private static List<String> headers() {
		return Stream.of(ImportColumn.values()).map(ImportColumn::header).toList();
	}

}
