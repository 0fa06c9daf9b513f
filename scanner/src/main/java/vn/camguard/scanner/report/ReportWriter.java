package vn.camguard.scanner.report;

import vn.camguard.scanner.DeviceReport;

import java.io.Closeable;
import java.io.IOException;

/** Writes device reports as they arrive, in one output format. */
public interface ReportWriter extends Closeable {

	void write(DeviceReport report) throws IOException;

}
