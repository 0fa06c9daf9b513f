package vn.camguard.scanner.report;

import tools.jackson.databind.json.JsonMapper;
import vn.camguard.scanner.DeviceReport;

import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per device per line. Device text (banners, models) is only ever a JSON string value,
 * escaped by Jackson, so {@code <script>} in a model name stays text.
 */
public final class JsonLinesWriter implements ReportWriter {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Writer out;

	public JsonLinesWriter(Writer out) {
		this.out = out;
	}

	@Override
	public void write(DeviceReport report) throws IOException {
		out.write(json.writeValueAsString(report));
		out.write('\n');
		out.flush();
	}

	@Override
	public void close() throws IOException {
		out.flush();
	}

}
