package vn.camguard.inventory.application;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import vn.camguard.inventory.domain.DeviceDraft;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.inventory.domain.InvalidValue;
import vn.camguard.inventory.persistence.Devices;
import vn.camguard.inventory.persistence.InformationSystems;
import vn.camguard.inventory.persistence.Sites;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.shared.spreadsheet.HeaderColumn;
import vn.camguard.shared.spreadsheet.TabularFile;
import vn.camguard.shared.spreadsheet.UploadLimits;

/**
 * Importing cameras and recorders from a CSV or XLSX file, all or nothing. Every row is checked
 * (unit known and writable by the caller, required fields, formats, duplicates inside the file and
 * against the inventory) and every problem collected with its row number before anything is
 * written; only a file without problems is handed to {@link InventoryManagement#importDevices}.
 */
@Service
public class DeviceImport {

	private static final Logger log = LoggerFactory.getLogger(DeviceImport.class);

	/** Problems listed in a report; more are counted, not listed, to bound the answer. */
	public static final int MAX_PROBLEMS = 1_000;

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

	/** Device cells are cut at 2,000 characters; a blank CSV line takes no row number. */
	private static final TabularFile DEVICE_FILE = new TabularFile(2_000, TabularFile.BlankLines.NOT_COUNTED);

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private final InventoryManagement inventory;

	private final Devices devices;

	private final InformationSystems systems;

	private final Sites sites;

	private final int maxRows;

	private final TabularFile deviceFile;

	public DeviceImport(InventoryManagement inventory, Devices devices,
			InformationSystems systems, Sites sites,
			@Value("${camguard.inventory.import.max-rows:200000}") int maxRows, UploadLimits uploadLimits) {
		this.inventory = inventory;
		this.devices = devices;
		this.systems = systems;
		this.sites = sites;
		this.maxRows = maxRows;
		this.deviceFile = DEVICE_FILE.withLimits(uploadLimits);
	}

	/** Reads, checks and (if every row is good) saves the file; never throws for bad content (403 for a caller who may not write). */
	public ImportReport importFile(String fileName, InputStream content) {
		inventory.requireWriteAnywhere();
		String shownName = fileName == null || fileName.isBlank() ? "-"
				: fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
		long started = System.nanoTime();
		Check check = new Check();
		boolean readable = true;
		try {
			deviceFile.read(content, check::row);
		}
		catch (TabularFile.Unreadable unreadable) {
			// the rows read before the file failed are not worth reporting: it is refused as a whole
			check.problems.clear();
			check.omitted = 0;
			check.problem(0, null, unreadable.code(), unreadable.limit(), null);
			readable = false;
		}
		long read = System.nanoTime();
		if (readable) {
			check.finish();
		}
		long checked = System.nanoTime();
		if (!check.problems.isEmpty() || check.omitted > 0) {
			return new ImportReport(shownName, check.rows.size(), 0, "", check.problems, check.omitted, null);
		}
		try {
			InventoryManagement.ImportedBatch batch = inventory.importDevices(shownName, check.drafts);
			List<Long> ids = batch.ids();
			log.info("device import: {} rows read and checked in {} ms, checked against the inventory in {} ms, saved in {} ms",
					ids.size(), (read - started) / 1_000_000, (checked - read) / 1_000_000,
					(System.nanoTime() - checked) / 1_000_000);
			return new ImportReport(shownName, check.drafts.size(), ids.size(), IdRanges.of(ids), List.of(), 0,
					batch.batchId());
		}
		catch (DuplicateKeyException raced) {
			// another import or edit saved the same serial or MAC after our check: nothing was committed
			return new ImportReport(shownName, check.drafts.size(), 0, "",
					List.of(new ImportProblem(0, null, "duplicate-concurrent", null, null)), 0, null);
		}
	}

	/** The state of checking one file. */
	private final class Check {

		private final List<ImportProblem> problems = new ArrayList<>();

		private int omitted;

		private Map<Integer, ImportColumn> columnsByIndex;

		private final List<Integer> rows = new ArrayList<>();

		private final List<DeviceDraft> drafts = new ArrayList<>();

		private final Map<String, Integer> serialRows = new HashMap<>();

		private final Map<String, Integer> macRows = new HashMap<>();

		private Map<String, Long> writableUnitByCode;

		private final Map<String, Optional<Long>> systemByUnitAndName = new HashMap<>();

		private final Map<String, Optional<Long>> siteByUnitAndName = new HashMap<>();

		void row(TabularFile.Row raw) {
			if (columnsByIndex == null) {
				header(raw);
				return;
			}
			if (rows.size() >= maxRows) {
				problem(raw.number(), null, "too-many-rows", Integer.toString(maxRows), null);
				throw new TabularFile.StopReading();
			}
			rows.add(raw.number());
			Map<ImportColumn, String> values = HeaderColumn.cells(ImportColumn.class, columnsByIndex, raw);
			DeviceDraft draft = draft(raw.number(), values);
			if (draft != null) {
				drafts.add(draft);
			}
		}

		private void header(TabularFile.Row raw) {
			columnsByIndex = HeaderColumn.read(ImportColumn.class, raw,
					(row, column, code, value) -> problem(row, column, code, value, null));
			if (!problems.isEmpty()) {
				throw new TabularFile.StopReading();
			}
		}

		private DeviceDraft draft(int row, Map<ImportColumn, String> values) {
			int before = problems.size() + omitted;
			Long unitId = null;
			String unitCode = value(values, ImportColumn.UNIT_CODE);
			if (unitCode == null) {
				problem(row, ImportColumn.UNIT_CODE.header(), "required", null, null);
			}
			else {
				if (writableUnitByCode == null) {
					// every unit the caller may write to, in one call rather than one per code
					writableUnitByCode = new HashMap<>();
					for (UnitDirectory.UnitRef unit : inventory.writableUnits()) {
						writableUnitByCode.put(unit.code().toUpperCase(Locale.ROOT), unit.id());
					}
				}
				unitId = writableUnitByCode.get(unitCode.toUpperCase(Locale.ROOT));
				if (unitId == null) {
					problem(row, ImportColumn.UNIT_CODE.header(), "unit-unknown", unitCode, null);
				}
			}
			Long systemId = named(row, unitId, values, ImportColumn.SYSTEM_NAME, systemByUnitAndName, true);
			Long siteId = named(row, unitId, values, ImportColumn.SITE_NAME, siteByUnitAndName, false);
			DeviceKind kind = kind(row, value(values, ImportColumn.KIND));
			DeviceStatus status = status(row, value(values, ImportColumn.STATUS));
			LocalDate date = date(row, value(values, ImportColumn.PROCUREMENT_DATE));
			List<InvalidValue> invalid = new ArrayList<>();
			DeviceDraft draft = new DeviceDraft(unitId, systemId, siteId, kind, status, values.get(ImportColumn.NAME),
					values.get(ImportColumn.VENDOR), values.get(ImportColumn.MODEL), values.get(ImportColumn.FIRMWARE),
					values.get(ImportColumn.SERIAL), values.get(ImportColumn.MAC), values.get(ImportColumn.ADDRESS),
					values.get(ImportColumn.OPEN_PORTS), date, values.get(ImportColumn.SUPPLIER),
					values.get(ImportColumn.CO_REF), values.get(ImportColumn.CQ_REF),
					values.get(ImportColumn.QCVN135_CERTIFICATE))
				.normalised(invalid);
			for (InvalidValue problem : invalid) {
				// unit and kind were already reported with the file's own wording
				if (!(problem.field().equals("unit_code") || problem.field().equals("kind"))) {
					problem(row, problem.field(), problem.code(), problem.value(), null);
				}
			}
			if (draft.vendor() != null && draft.serial() != null) {
				Integer first = serialRows.putIfAbsent(Devices.serialKey(draft.vendor(), draft.serial()), row);
				if (first != null) {
					problem(row, ImportColumn.SERIAL.header(), "duplicate-serial-in-file", draft.serial(), first);
				}
			}
			if (draft.mac() != null) {
				Integer first = macRows.putIfAbsent(draft.mac(), row);
				if (first != null) {
					problem(row, ImportColumn.MAC.header(), "duplicate-mac-in-file", draft.mac(), first);
				}
			}
			return problems.size() + omitted == before ? draft : null;
		}

		private Long named(int row, Long unitId, Map<ImportColumn, String> values, ImportColumn column,
				Map<String, Optional<Long>> cache, boolean system) {
			String name = value(values, column);
			if (name == null || unitId == null) {
				return null;
			}
			Optional<Long> id = cache.computeIfAbsent(unitId + "\u0000" + name,
					key -> system ? systems.idByName(unitId, name) : sites.idByName(unitId, name));
			if (id.isEmpty()) {
				problem(row, column.header(), system ? "system-unknown" : "site-unknown", name, null);
			}
			return id.orElse(null);
		}

		private DeviceKind kind(int row, String text) {
			if (text == null) {
				problem(row, ImportColumn.KIND.header(), "required", null, null);
				return null;
			}
			return switch (text.toUpperCase(Locale.ROOT)) {
				case "CAMERA", "IPC", "CAM" -> DeviceKind.CAMERA;
				case "RECORDER", "NVR", "DVR", "XVR" -> DeviceKind.RECORDER;
				default -> {
					problem(row, ImportColumn.KIND.header(), "kind", text, null);
					yield null;
				}
			};
		}

		private DeviceStatus status(int row, String text) {
			if (text == null) {
				return DeviceStatus.ACTIVE;
			}
			try {
				return DeviceStatus.valueOf(text.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problem(row, ImportColumn.STATUS.header(), "status", text, null);
				return null;
			}
		}

		private LocalDate date(int row, String text) {
			if (text == null) {
				return null;
			}
			try {
				if (text.chars().allMatch(Character::isDigit) && text.length() <= 6) {
					// an XLSX date cell arrives as its serial day number
					return EXCEL_EPOCH.plusDays(Long.parseLong(text));
				}
				return LocalDate.parse(text, DATE);
			}
			catch (DateTimeParseException ex) {
				problem(row, ImportColumn.PROCUREMENT_DATE.header(), "date", text, null);
				return null;
			}
		}

		/** Duplicate serials and MACs against the database, once the whole file is read. */
		void finish() {
			if (columnsByIndex == null && problems.isEmpty()) {
				problem(1, null, "empty", null, null);
				return;
			}
			if (rows.isEmpty() && problems.isEmpty()) {
				problem(1, null, "empty", null, null);
				return;
			}
			if (drafts.isEmpty()) {
				return;
			}
			List<String> serials = drafts.stream().map(DeviceDraft::serial).distinct().toList();
			Set<String> existingSerials = devices.existingSerialKeys(serials);
			List<String> macs = drafts.stream().map(DeviceDraft::mac).filter(m -> m != null).toList();
			Set<String> existingMacs = macs.isEmpty() ? Set.of() : devices.existingMacs(macs);
			if (existingSerials.isEmpty() && existingMacs.isEmpty()) {
				return;
			}
			for (DeviceDraft draft : drafts) {
				String key = Devices.serialKey(draft.vendor(), draft.serial());
				if (existingSerials.contains(key)) {
					problem(serialRows.get(key), ImportColumn.SERIAL.header(), "duplicate-serial", draft.serial(), null);
				}
				if (draft.mac() != null && existingMacs.contains(draft.mac())) {
					problem(macRows.get(draft.mac()), ImportColumn.MAC.header(), "duplicate-mac", draft.mac(), null);
				}
			}
			problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
		}

		void problem(int row, String column, String code, String value, Integer otherRow) {
			if (problems.size() >= MAX_PROBLEMS) {
				omitted++;
				return;
			}
			String shown = value != null && value.length() > 60 ? value.substring(0, 60) + "…" : value;
			problems.add(new ImportProblem(row, column, code, shown, otherRow));
		}

		private static String value(Map<ImportColumn, String> values, ImportColumn column) {
			String value = values.get(column);
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

}
