package vn.camguard.scanner.report;

import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Finding;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/** Running totals of a scan, printed as a table at the end. Fed from one thread (the report sink). */
public final class ScanSummary {

	private long hosts;

	private long alive;

	private long withFindings;

	private long findings;

	private final Map<String, Long> byCheck = new TreeMap<>();

	private final Map<String, Long> byVendor = new TreeMap<>();

	public void add(DeviceReport report) {
		hosts++;
		if (report.alive()) {
			alive++;
			byVendor.merge(report.fingerprint().vendor().isEmpty() ? "(unknown)" : report.fingerprint().vendor(), 1L,
					Long::sum);
		}
		if (!report.findings().isEmpty()) {
			withFindings++;
		}
		for (Finding f : report.findings()) {
			findings++;
			byCheck.merge(f.checkId() + " " + f.severity(), 1L, Long::sum);
		}
	}

	public long hosts() {
		return hosts;
	}

	public long alive() {
		return alive;
	}

	public long findings() {
		return findings;
	}

	/** A plain-text table; device strings in vendor names are cut so the table keeps its shape. */
	public void print(PrintWriter out) {
		out.printf("%n%-36s %10s%n", "CamGuard scan summary", "count");
		out.printf("%-36s %10d%n", "hosts scanned", hosts);
		out.printf("%-36s %10d%n", "devices answering", alive);
		out.printf("%-36s %10d%n", "devices with findings", withFindings);
		out.printf("%-36s %10d%n", "findings", findings);
		out.printf("%n%-36s %10s%n", "finding (check, severity)", "devices");
		byCheck.forEach((k, v) -> out.printf("%-36s %10d%n", k, v));
		out.printf("%n%-36s %10s%n", "vendor", "devices");
		byVendor.forEach((k, v) -> out.printf("%-36s %10d%n", cut(k), v));
		out.flush();
	}

	private static String cut(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", ".");
		return clean.length() > 36 ? clean.substring(0, 35) + "…" : clean;
	}

}
