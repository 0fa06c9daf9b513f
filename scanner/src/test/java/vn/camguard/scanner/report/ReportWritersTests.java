package vn.camguard.scanner.report;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.camguard.scanner.DeviceKind;
import vn.camguard.scanner.DeviceReport;
import vn.camguard.scanner.Evidence;
import vn.camguard.scanner.Finding;
import vn.camguard.scanner.Fingerprint;
import vn.camguard.scanner.Severity;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWritersTests {

	static DeviceReport hostileReport() {
		Fingerprint fp = new Fingerprint("<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "+1\n\"quoted\"",
				DeviceKind.CAMERA, List.of(new Evidence("http", "Server: <b>x</b>")));
		Finding finding = new Finding("CG-SVC-TELNET", Severity.HIGH, "QCVN 135:2024 group 6", "Telnet service open",
				List.of(new Evidence("tcp/23", "@SUM(A1:A9) login:")), List.of());
		return new DeviceReport("127.20.0.1", List.of(23, 80), fp, List.of(finding), List.of(), 12);
	}

	@Test
	void jsonLinesKeepDeviceMarkupAsEscapedText() throws Exception {
		StringWriter out = new StringWriter();
		try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
			writer.write(hostileReport());
			writer.write(hostileReport());
		}
		List<String> lines = out.toString().lines().toList();
		assertThat(lines).hasSize(2);
		JsonNode node = JsonMapper.builder().build().readTree(lines.getFirst());
		assertThat(node.get("fingerprint").get("vendor").asString()).isEqualTo("<script>alert(1)</script>");
		assertThat(node.get("fingerprint").get("firmware").asString()).isEqualTo("+1.\"quoted\"");
		assertThat(node.get("findings").get(0).get("checkId").asString()).isEqualTo("CG-SVC-TELNET");
		assertThat(lines.getFirst()).doesNotContain("\n");
	}

	@Test
	void csvNeutralisesFormulaCellsAndQuotesTheRest() throws Exception {
		StringWriter out = new StringWriter();
		try (CsvWriter writer = new CsvWriter(out, true)) {
			writer.write(hostileReport());
		}
		var records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(out.toString())).getRecords();
		assertThat(records).hasSize(1);
		assertThat(records.getFirst().get("model")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(records.getFirst().get("firmware")).startsWith("'+1");
		assertThat(records.getFirst().get("evidence")).isEqualTo("tcp/23: @SUM(A1:A9) login:");
		assertThat(records.getFirst().get("vendor")).isEqualTo("<script>alert(1)</script>");
		assertThat(CsvWriter.neutralise("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvWriter.neutralise("@cmd")).isEqualTo("'@cmd");
		assertThat(CsvWriter.neutralise("Hikvision")).isEqualTo("Hikvision");
	}

	@Test
	void aDeviceWithoutFindingsStillGetsACsvRow() throws Exception {
		StringWriter out = new StringWriter();
		try (CsvWriter writer = new CsvWriter(out, false)) {
			writer.write(new DeviceReport("127.20.0.2", List.of(), Fingerprint.unknown(), List.of(), List.of(), 1));
		}
		assertThat(out.toString().strip()).startsWith("127.20.0.2,");
	}

	@Test
	void summaryCountsDevicesAndFindings() {
		ScanSummary summary = new ScanSummary();
		summary.add(hostileReport());
		summary.add(new DeviceReport("127.20.0.2", List.of(), Fingerprint.unknown(), List.of(), List.of(), 1));
		StringWriter text = new StringWriter();
		summary.print(new java.io.PrintWriter(text));
		assertThat(summary.hosts()).isEqualTo(2);
		assertThat(summary.alive()).isEqualTo(1);
		assertThat(summary.findings()).isEqualTo(1);
		assertThat(text.toString()).contains("CG-SVC-TELNET HIGH").contains("hosts scanned");
	}

}
