package vn.camguard.scanner.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Finding;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One CSV row per finding (a device without findings gets one row with an empty check). Cells that a
 * spreadsheet would read as a formula (starting with {@code = + - @}, tab or CR) get a leading apostrophe.
 */
public final class CsvWriter implements ReportWriter {

	static final List<String> HEADER = List.of("address", "vendor", "model", "firmware", "kind", "open_ports",
			"check_id", "severity", "qcvn_group", "title", "evidence", "references");

	private final CSVPrinter printer;

	private final Writer out;

	public CsvWriter(Writer out, boolean header) throws IOException {
		this.out = out;
		this.printer = new CSVPrinter(out, CSVFormat.DEFAULT);
		if (header) {
			printer.printRecord(HEADER);
			printer.flush();
		}
	}

	@Override
	public void write(DeviceReport report) throws IOException {
		String ports = report.openPorts().stream().map(String::valueOf).collect(Collectors.joining(" "));
		var fp = report.fingerprint();
		if (report.findings().isEmpty()) {
			row(report.address(), fp.vendor(), fp.model(), fp.firmware(), fp.kind().name(), ports, "", "", "", "", "", "");
		}
		for (Finding f : report.findings()) {
			row(report.address(), fp.vendor(), fp.model(), fp.firmware(), fp.kind().name(), ports, f.checkId(),
					f.severity().name(), f.qcvnGroup(), f.title(),
					f.evidence().stream().map(e -> e.source() + ": " + e.detail()).collect(Collectors.joining("; ")),
					String.join(" ", f.references()));
		}
		printer.flush();
	}

	private void row(String... cells) throws IOException {
		for (String cell : cells) {
			printer.print(neutralise(cell));
		}
		printer.println();
	}

	/** Defuses spreadsheet formula injection: device text must never execute in Excel or LibreOffice. */
	public static String neutralise(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + cell : cell;
	}

	@Override
	public void close() throws IOException {
		printer.flush();
		out.flush();
	}

}
