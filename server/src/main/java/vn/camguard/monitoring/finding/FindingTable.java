package vn.camguard.monitoring.finding;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import vn.camguard.monitoring.FindingStatus;
import vn.camguard.shared.spreadsheet.SpreadsheetCell;
import vn.camguard.shared.spreadsheet.TableExport;

/**
 * Writes a findings list as CSV, XLSX or SARIF 2.1.0, streaming (a province's findings need not fit in memory).
 * A device's text (title, evidence) may start like a formula: CSV cells go through {@link SpreadsheetCell#safe} and
 * XLSX cells are inline strings, which spreadsheets never evaluate ({@link SpreadsheetCell#asText}), the same
 * defence as the inventory export. SARIF: one rule per check, one result per finding, its location the device's
 * address:port; accepted risks and false positives are results with a suppression.
 */
public final class FindingTable {

	/** The row limit of one XLSX sheet, header excluded. */
	static final int XLSX_MAX_ROWS = TableExport.XLSX_MAX_ROWS;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private static final List<String> HEADERS = List.of("id", "unit_code", "unit_name", "address", "port", "check",
			"severity", "title", "evidence", "requirement_group", "state", "first_seen", "last_seen", "times_seen",
			"due", "overdue", "notified_at", "notice_reference", "fixed_at", "status_reason", "status_by",
			"status_until");

	/** The file formats offered. */
	public enum Format {

		CSV("text/csv; charset=UTF-8", "csv"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
		SARIF("application/sarif+json", "sarif");

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
			for (Format format : values()) {
				if (format.extension.equalsIgnoreCase(text == null ? "" : text.strip())) {
					return format;
				}
			}
			throw new FindingRuleViolation("format", "unknown");
		}

	}

	private final ZoneId zone;

	public FindingTable(ZoneId zone) {
		this.zone = zone;
	}

	/** Writes the findings; returns how many were written. */
	public long write(Format format, Stream<FindingView> findings, OutputStream out) throws IOException {
		return switch (format) {
			case CSV -> writeCsv(findings.map(this::cells).iterator(), out);
			case XLSX -> writeXlsx(findings.map(this::cells).iterator(), out);
			case SARIF -> writeSarif(findings.iterator(), out);
		};
	}

	private List<String> cells(FindingView view) {
		var f = view.finding();
		List<String> cells = new ArrayList<>(HEADERS.size());
		cells.add(Long.toString(f.id()));
		cells.add(view.unitCode());
		cells.add(view.unitName());
		cells.add(f.address());
		cells.add(f.port() == null ? null : f.port().toString());
		cells.add(f.checkId());
		cells.add(f.severity());
		cells.add(f.title());
		cells.add(f.evidence());
		cells.add(f.requirementGroup());
		cells.add(view.state().name());
		cells.add(time(f.firstSeen()));
		cells.add(time(f.lastSeen()));
		cells.add(Integer.toString(f.timesSeen()));
		cells.add(time(view.dueAt()));
		cells.add(view.overdue() ? "yes" : "no");
		cells.add(time(f.notifiedAt()));
		cells.add(f.noticeReference());
		cells.add(time(f.fixedAt()));
		cells.add(view.statusReason());
		cells.add(view.statusBy());
		cells.add(time(view.statusUntil()));
		return cells;
	}

	private String time(Instant instant) {
		return instant == null ? null : TIME.format(instant.atZone(zone));
	}

	private static long writeCsv(Iterator<List<String>> rows, OutputStream out) throws IOException {
		return TableExport.csv(HEADERS, rows, out);
	}

	private static long writeXlsx(Iterator<List<String>> rows, OutputStream out) throws IOException {
		return TableExport.xlsx("findings", HEADERS, rows, out);
	}

	private long writeSarif(Iterator<FindingView> findings, OutputStream out) {
		// results are streamed first and the rules they referenced written after them: JSON members have no order
		Map<String, Rule> rules = new LinkedHashMap<>();
		long count = 0;
		try (JsonGenerator json = JsonMapper.builder().build().createGenerator(out)) {
			json.writeStartObject();
			json.writeStringProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
			json.writeStringProperty("version", "2.1.0");
			json.writeArrayPropertyStart("runs");
			json.writeStartObject();
			json.writeArrayPropertyStart("results");
			while (findings.hasNext()) {
				FindingView view = findings.next();
				var f = view.finding();
				Rule rule = rules.computeIfAbsent(f.checkId(), id -> new Rule(rules.size(), id, f.title(), f.severity(),
						f.requirementGroup()));
				json.writeStartObject();
				json.writeStringProperty("ruleId", f.checkId());
				json.writeNumberProperty("ruleIndex", rule.index());
				Severity severity = severityOf(f.severity());
				json.writeStringProperty("level", severity == null ? "warning" : severity.sarifLevel());
				json.writeObjectPropertyStart("message");
				json.writeStringProperty("text", f.title());
				json.writeEndObject();
				json.writeArrayPropertyStart("locations");
				json.writeStartObject();
				json.writeObjectPropertyStart("physicalLocation");
				json.writeObjectPropertyStart("artifactLocation");
				json.writeStringProperty("uri", "tcp://" + hostPort(f.address(), f.port()));
				json.writeEndObject();
				json.writeEndObject();
				json.writeArrayPropertyStart("logicalLocations");
				json.writeStartObject();
				json.writeStringProperty("fullyQualifiedName", view.location());
				json.writeStringProperty("kind", "resource");
				json.writeEndObject();
				json.writeEndArray();
				json.writeEndObject();
				json.writeEndArray();
				json.writeObjectPropertyStart("partialFingerprints");
				json.writeStringProperty("camguardFinding/v1", f.organizationId() + "/" + f.address() + "/" + f.checkId());
				json.writeEndObject();
				if (f.status() == FindingStatus.ACCEPTED_RISK && !view.open() || f.status() == FindingStatus.FALSE_POSITIVE) {
					json.writeArrayPropertyStart("suppressions");
					json.writeStartObject();
					json.writeStringProperty("kind", "external");
					json.writeStringProperty("status", "accepted");
					if (view.statusReason() != null) {
						json.writeStringProperty("justification", view.statusReason());
					}
					json.writeEndObject();
					json.writeEndArray();
				}
				json.writeObjectPropertyStart("properties");
				json.writeNumberProperty("findingId", f.id());
				json.writeStringProperty("unitCode", view.unitCode());
				json.writeStringProperty("severity", f.severity());
				json.writeStringProperty("state", view.state().name());
				json.writeStringProperty("firstSeen", f.firstSeen().toString());
				json.writeStringProperty("lastSeen", f.lastSeen().toString());
				json.writeNumberProperty("timesSeen", f.timesSeen());
				json.writeBooleanProperty("overdue", view.overdue());
				if (view.dueAt() != null) {
					json.writeStringProperty("due", view.dueAt().toString());
				}
				if (f.evidence() != null) {
					json.writeStringProperty("evidence", f.evidence());
				}
				if (f.requirementGroup() != null) {
					json.writeStringProperty("requirementGroup", f.requirementGroup());
				}
				json.writeEndObject();
				json.writeEndObject();
				count++;
			}
			json.writeEndArray();
			json.writeObjectPropertyStart("tool");
			json.writeObjectPropertyStart("driver");
			json.writeStringProperty("name", "CamGuard");
			json.writeStringProperty("informationUri", "https://camguard.vn");
			json.writeArrayPropertyStart("rules");
			for (Rule rule : rules.values()) {
				json.writeStartObject();
				json.writeStringProperty("id", rule.id());
				json.writeObjectPropertyStart("shortDescription");
				json.writeStringProperty("text", rule.title());
				json.writeEndObject();
				Severity severity = severityOf(rule.severity());
				json.writeObjectPropertyStart("defaultConfiguration");
				json.writeStringProperty("level", severity == null ? "warning" : severity.sarifLevel());
				json.writeEndObject();
				if (rule.requirementGroup() != null) {
					json.writeObjectPropertyStart("properties");
					json.writeStringProperty("requirementGroup", rule.requirementGroup());
					json.writeEndObject();
				}
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
			json.writeEndObject();
			json.writeEndObject();
			json.writeEndArray();
			json.writeEndObject();
		}
		return count;
	}

	private static Severity severityOf(String text) {
		try {
			return Severity.parse(text);
		}
		catch (FindingRuleViolation ex) {
			return null;
		}
	}

	private static String hostPort(String address, Integer port) {
		String host = address.indexOf(':') >= 0 ? "[" + address + "]" : address;
		return port == null ? host : host + ":" + port;
	}

	private record Rule(int index, String id, String title, String severity, String requirementGroup) {
	}

}
