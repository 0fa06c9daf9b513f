package vn.camguard.notices.application;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.notices.domain.AddressSpan;
import vn.camguard.notices.domain.MappingEntry;
import vn.camguard.notices.domain.SubscriberMapping;
import vn.camguard.notices.persistence.SubscriberMappings;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.shared.spreadsheet.HeaderColumn;
import vn.camguard.shared.spreadsheet.TabularFile;
import vn.camguard.shared.spreadsheet.UploadLimits;

/**
 * Importing an ISP's subscriber mapping from CSV or XLSX, all or nothing: every row is checked (required cells,
 * address forms, dates, e-mail, one name and e-mail per subscriber code, no address given to two holders on one day)
 * and every problem listed with its row before anything is written. An accepted file replaces the organisation's
 * whole mapping, history included, in one transaction with its audit entry.
 */
@Service
public class MappingImport {

	public static final int MAX_PROBLEMS = 1_000;

	private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private static final TabularFile MAPPING_FILE = new TabularFile(1_000, TabularFile.BlankLines.NOT_COUNTED);

	private final SubscriberMappings mappings;

	private final NoticeScope scope;

	private final AuditTrail audit;

	private final TabularFile file;

	private final int maxRows;

	MappingImport(SubscriberMappings mappings, NoticeScope scope, AuditTrail audit, UploadLimits limits,
			@Value("${camguard.notices.import.max-rows:200000}") int maxRows) {
		this.mappings = mappings;
		this.scope = scope;
		this.audit = audit;
		this.file = MAPPING_FILE.withLimits(limits);
		this.maxRows = maxRows;
	}

	/** Reads and checks the file and, if every row is good, replaces the mapping; 403 outside the caller's scope. */
	@Transactional
	public MappingReport importFile(long organizationId, String fileName, InputStream content) {
		UnitRef organization = scope.require(organizationId);
		String shownName = fileName == null || fileName.isBlank() ? "-"
				: fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
		Check check = new Check();
		try {
			file.read(content, check::row);
			check.finish();
		}
		catch (TabularFile.Unreadable unreadable) {
			check.problems.clear();
			check.omitted = 0;
			check.problem(0, null, unreadable.code(), unreadable.limit(), null);
		}
		if (!check.problems.isEmpty() || check.omitted > 0) {
			return new MappingReport(shownName, check.rows, 0, check.problems, check.omitted);
		}
		int before = mappings.count(organization.id());
		mappings.replace(organization.id(), check.entries, scope.username(), Instant.now());
		audit.record("subscriber-mapping.import", "subscriber-mapping", Long.toString(organization.id()),
				organization.id(), Map.of("rows", before),
				Map.of("file", shownName, "rows", check.entries.size(),
						"subscribers", check.subscribers.size()));
		return new MappingReport(shownName, check.rows, check.entries.size(), List.of(), 0);
	}

	/** The mapping as it stands, for the page (403 outside the caller's scope). */
	public SubscriberMapping mapping(long organizationId) {
		return mappings.mapping(scope.require(organizationId).id());
	}

	/** How many rows the mapping has and when and by whom it was last imported (403 outside the caller's scope). */
	public SubscriberMappings.Imported imported(long organizationId) {
		return mappings.imported(scope.require(organizationId).id());
	}

	/** One subscriber's identity as its first row gave it, to compare later rows with. */
	private record Subscriber(String name, String email, String language, int row) {
	}

	private final class Check {

		private final List<MappingProblem> problems = new ArrayList<>();

		private int omitted;

		private int rows;

		private Map<Integer, MappingColumn> columns;

		private final List<MappingEntry> entries = new ArrayList<>();

		private final Map<String, Subscriber> subscribers = new HashMap<>();

		void row(TabularFile.Row raw) {
			if (columns == null) {
				header(raw);
				return;
			}
			if (rows >= maxRows) {
				problem(raw.number(), null, "too-many-rows", Integer.toString(maxRows), null);
				throw new TabularFile.StopReading();
			}
			rows++;
			Map<MappingColumn, String> values = HeaderColumn.cells(MappingColumn.class, columns, raw);
			values.replaceAll((column, cell) -> cell == null || cell.isBlank() ? null : cell.strip());
			entry(raw.number(), values);
		}

		private void header(TabularFile.Row raw) {
			columns = HeaderColumn.read(MappingColumn.class, raw,
					(row, column, code, value) -> problem(row, column, code, value, null));
			if (!problems.isEmpty()) {
				throw new TabularFile.StopReading();
			}
		}

		private void entry(int row, Map<MappingColumn, String> values) {
			int before = problems.size() + omitted;
			String code = text(row, values, MappingColumn.SUBSCRIBER_CODE, 60);
			String name = text(row, values, MappingColumn.SUBSCRIBER_NAME, 200);
			String email = email(row, values.get(MappingColumn.EMAIL));
			String language = language(row, values.get(MappingColumn.LANGUAGE));
			String addresses = values.get(MappingColumn.ADDRESS);
			AddressSpan span = null;
			if (addresses == null) {
				problem(row, MappingColumn.ADDRESS.header(), "required", null, null);
			}
			else {
				span = AddressSpan.parse(addresses).orElse(null);
				if (span == null) {
					problem(row, MappingColumn.ADDRESS.header(), "address", addresses, null);
				}
			}
			LocalDate from = date(row, MappingColumn.VALID_FROM, values.get(MappingColumn.VALID_FROM));
			if (from == null && values.get(MappingColumn.VALID_FROM) == null) {
				problem(row, MappingColumn.VALID_FROM.header(), "required", null, null);
			}
			LocalDate to = date(row, MappingColumn.VALID_TO, values.get(MappingColumn.VALID_TO));
			if (from != null && to != null && to.isBefore(from)) {
				problem(row, MappingColumn.VALID_TO.header(), "period", values.get(MappingColumn.VALID_TO), null);
			}
			if (code != null && name != null) {
				Subscriber first = subscribers.putIfAbsent(code.toUpperCase(Locale.ROOT),
						new Subscriber(name, email, language, row));
				if (first != null && !(first.name().equals(name) && java.util.Objects.equals(first.email(), email)
						&& first.language().equals(language))) {
					problem(row, MappingColumn.SUBSCRIBER_CODE.header(), "subscriber-differs", code, first.row());
				}
			}
			if (problems.size() + omitted == before) {
				entries.add(new MappingEntry(code, name, email, language, addresses, span, from, to, row));
			}
		}

		private String text(int row, Map<MappingColumn, String> values, MappingColumn column, int max) {
			String value = values.get(column);
			if (value == null) {
				problem(row, column.header(), "required", null, null);
				return null;
			}
			if (value.length() > max) {
				problem(row, column.header(), "too-long", Integer.toString(max), null);
				return null;
			}
			return value;
		}

		private String email(int row, String value) {
			if (value == null) {
				return null;
			}
			try {
				InternetAddress address = new InternetAddress(value, true);
				if (value.length() <= 254 && address.getPersonal() == null && address.getAddress().equals(value)
						&& value.indexOf('@') > 0) {
					return value;
				}
			}
			catch (AddressException bad) {
				// reported below
			}
			problem(row, MappingColumn.EMAIL.header(), "email", value, null);
			return null;
		}

		private String language(int row, String value) {
			if (value == null) {
				return "vi";
			}
			String code = value.toLowerCase(Locale.ROOT);
			if (code.equals("vi") || code.equals("en")) {
				return code;
			}
			problem(row, MappingColumn.LANGUAGE.header(), "language", value, null);
			return "vi";
		}

		private LocalDate date(int row, MappingColumn column, String value) {
			if (value == null) {
				return null;
			}
			try {
				if (value.chars().allMatch(Character::isDigit) && value.length() <= 6) {
					// an XLSX date cell arrives as its serial day number
					return EXCEL_EPOCH.plusDays(Long.parseLong(value));
				}
				if (value.length() == 10 && value.charAt(4) == '-') {
					return LocalDate.parse(value);
				}
				return LocalDate.parse(value, DAY_FIRST);
			}
			catch (DateTimeParseException ex) {
				problem(row, column.header(), "date", value, null);
				return null;
			}
		}

		void finish() {
			if (columns == null || rows == 0) {
				if (problems.isEmpty()) {
					problem(1, null, "empty", null, null);
				}
				return;
			}
			for (MappingEntry[] clash : SubscriberMapping.overlaps(entries)) {
				problem(clash[0].row(), MappingColumn.ADDRESS.header(), "overlap", clash[0].addresses(), clash[1].row());
			}
			problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
		}

		void problem(int row, String column, String code, String value, Integer otherRow) {
			if (problems.size() >= MAX_PROBLEMS) {
				omitted++;
				return;
			}
			String shown = value != null && value.length() > 60 ? value.substring(0, 60) + "…" : value;
			problems.add(new MappingProblem(row, column, code, shown, otherRow));
		}

	}

}
