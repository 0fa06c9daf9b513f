package vn.camguard.inventory.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.camguard.inventory.application.DeviceImport;
import vn.camguard.inventory.application.DeviceTable;
import vn.camguard.inventory.application.ImportReport;
import vn.camguard.inventory.application.InventoryManagement;
import vn.camguard.inventory.domain.Device;
import vn.camguard.inventory.domain.DeviceDraft;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.inventory.domain.ImportBatch;
import vn.camguard.inventory.domain.InformationSystem;
import vn.camguard.inventory.domain.InventoryRuleViolation;
import vn.camguard.inventory.domain.NameFilter;
import vn.camguard.inventory.domain.ResultPage;
import vn.camguard.inventory.domain.Site;
import vn.camguard.inventory.domain.SiteDraft;
import vn.camguard.inventory.domain.SystemDraft;

/**
 * The inventory REST API (JSON under {@code /api/v1/inventory}). It calls the same service as the
 * web pages, so the same scope and permission checks apply; ids outside the caller's units answer
 * 404, writes on units the caller may not change answer 403, broken rules answer 422.
 */
@RestController
@RequestMapping("/api/v1/inventory")
@Tag(name = "Inventory", description = "Information systems, sites, cameras and recorders")
public class InventoryApiController {

	private final InventoryManagement inventory;

	private final DeviceImport deviceImport;

	private final MessageSource messages;

	public InventoryApiController(InventoryManagement inventory, DeviceImport deviceImport, MessageSource messages) {
		this.inventory = inventory;
		this.deviceImport = deviceImport;
		this.messages = messages;
	}

	// ---- devices

	@GetMapping("/devices")
	@Operation(summary = "List cameras and recorders in the caller's units",
			description = "Filters: q (a serial or name in any case, a MAC or a network address finds the devices "
					+ "it names exactly; any other text, the devices whose serial, MAC, model, address or name "
					+ "contains it), unit (code, with subtree), vendor, system, site, status, kind; sort (serial, "
					+ "name, vendor, model, address, status, procurement_date, updated) "
					+ "and dir (asc/desc); page (0-based), size (10..100). total is counted up to 10,001 "
					+ "(totalCapped = true beyond).")
	public PageResponse<Device> devices(@ModelAttribute DeviceQuery query) {
		return query.filter(inventory)
			.map(filter -> PageResponse.of(inventory.devices(filter, query.sortColumn(), query.ascending(),
					query.pageNumber(), query.pageSize())))
			.orElseGet(() -> PageResponse.empty(query.pageNumber(), query.pageSize()));
	}

	@GetMapping("/devices/{id}")
	@Operation(summary = "One camera or recorder")
	public Device device(@PathVariable long id) {
		return inventory.device(id);
	}

	@PostMapping("/devices")
	@Operation(summary = "Register a camera or recorder")
	public ResponseEntity<Device> createDevice(@RequestBody DeviceRequest request) {
		Device created = inventory.createDevice(request.draft());
		return ResponseEntity.created(URI.create("/api/v1/inventory/devices/" + created.id())).body(created);
	}

	@PutMapping("/devices/{id}")
	@Operation(summary = "Change a camera or recorder (moving it to another unit needs write access to both)")
	public Device updateDevice(@PathVariable long id, @RequestBody DeviceRequest request) {
		return inventory.updateDevice(id, request.draft());
	}

	@DeleteMapping("/devices/{id}")
	@Operation(summary = "Delete a camera or recorder for good, with a reason (kept in the audit log)",
			description = "204 when deleted; 422 without a reason. A device only taken out of service is better "
					+ "changed to status DECOMMISSIONED, which keeps it and its history.")
	public ResponseEntity<Void> deleteDevice(@PathVariable long id, @RequestParam(required = false) String reason) {
		inventory.deleteDevice(id, reason);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/imports")
	@Operation(summary = "Recent device imports in the caller's units, newest first")
	public PageResponse<ImportBatch> imports(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return PageResponse.of(inventory.importBatches(Math.max(page, 0), clampSize(size)));
	}

	@PostMapping("/imports/{id}/rollback")
	@Operation(summary = "Roll back a device import as a whole, with a reason",
			description = "Deletes every device the import created, in one transaction, and writes one audit entry. "
					+ "Needs write access to the import's unit (the lowest unit containing all its rows). 422 when "
					+ "a device of the import was changed since (their serials are named), or it was already rolled "
					+ "back, or the reason is missing.")
	public RollbackResponse rollBackImport(@PathVariable long id, @RequestParam(required = false) String reason) {
		return new RollbackResponse(id, inventory.rollBackImport(id, reason));
	}

	@PostMapping(path = "/devices/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import cameras and recorders from CSV or XLSX, all or nothing",
			description = "Columns as in the template (GET /api/v1/inventory/devices/import-template). Answers 200 "
					+ "with the created id ranges and the importId (POST /api/v1/inventory/imports/{importId}/rollback "
					+ "undoes the whole import), or 422 with every problem and its row number (header = row 1); "
					+ "nothing is saved when any row is bad.")
	public ResponseEntity<ImportResponse> importDevices(@RequestPart("file") MultipartFile file) throws IOException {
		ImportReport report;
		try (InputStream content = file.getInputStream()) {
			report = deviceImport.importFile(file.getOriginalFilename(), content);
		}
		return ResponseEntity.status(report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
			.body(ImportResponse.of(report, messages, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/devices/import-template")
	@Operation(summary = "The import template (format=csv or xlsx)")
	public void importTemplate(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
			throws IOException {
		DeviceTable.Format table = DeviceTable.Format.of(format);
		Downloads.prepare(response, table, "camguard-import-template");
		DeviceTable.writeTemplate(table, response.getOutputStream());
	}

	@GetMapping("/devices/export")
	@Operation(summary = "Export the filtered list (same filters as the list; format=csv or xlsx)")
	public void export(@ModelAttribute DeviceQuery query, @RequestParam(defaultValue = "csv") String format,
			HttpServletResponse response) throws IOException {
		Downloads.export(inventory, query, DeviceTable.Format.of(format), response);
	}

	// ---- systems

	@GetMapping("/systems")
	@Operation(summary = "List information systems in the caller's units")
	public PageResponse<InformationSystem> systems(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
		return PageResponse.of(inventory.systems(new NameFilter(q, null), Math.max(page, 0), clampSize(size)));
	}

	@GetMapping("/systems/{id}")
	@Operation(summary = "One information system")
	public InformationSystem system(@PathVariable long id) {
		return inventory.system(id);
	}

	@PostMapping("/systems")
	@Operation(summary = "Register an information system")
	public ResponseEntity<InformationSystem> createSystem(@RequestBody SystemDraft request) {
		InformationSystem created = inventory.createSystem(request);
		return ResponseEntity.created(URI.create("/api/v1/inventory/systems/" + created.id())).body(created);
	}

	@PutMapping("/systems/{id}")
	@Operation(summary = "Change an information system")
	public InformationSystem updateSystem(@PathVariable long id, @RequestBody SystemDraft request) {
		return inventory.updateSystem(id, request);
	}

	@DeleteMapping("/systems/{id}")
	@Operation(summary = "Delete an information system no device uses any more, with a reason",
			description = "204 when deleted; 422 while devices still belong to it or without a reason.")
	public ResponseEntity<Void> deleteSystem(@PathVariable long id, @RequestParam(required = false) String reason) {
		inventory.deleteSystem(id, reason);
		return ResponseEntity.noContent().build();
	}

	// ---- sites

	@GetMapping("/sites")
	@Operation(summary = "List sites in the caller's units")
	public PageResponse<Site> sites(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
		return PageResponse.of(inventory.sites(new NameFilter(q, null), Math.max(page, 0), clampSize(size)));
	}

	@GetMapping("/sites/{id}")
	@Operation(summary = "One site")
	public Site site(@PathVariable long id) {
		return inventory.site(id);
	}

	@PostMapping("/sites")
	@Operation(summary = "Register a site")
	public ResponseEntity<Site> createSite(@RequestBody SiteDraft request) {
		Site created = inventory.createSite(request);
		return ResponseEntity.created(URI.create("/api/v1/inventory/sites/" + created.id())).body(created);
	}

	@PutMapping("/sites/{id}")
	@Operation(summary = "Change a site")
	public Site updateSite(@PathVariable long id, @RequestBody SiteDraft request) {
		return inventory.updateSite(id, request);
	}

	@DeleteMapping("/sites/{id}")
	@Operation(summary = "Delete a site no device hangs at any more, with a reason",
			description = "204 when deleted; 422 while devices are still at it or without a reason.")
	public ResponseEntity<Void> deleteSite(@PathVariable long id, @RequestParam(required = false) String reason) {
		inventory.deleteSite(id, reason);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(InventoryRuleViolation.class)
	ResponseEntity<ProblemsResponse> broken(InventoryRuleViolation violation) {
		Locale locale = LocaleContextHolder.getLocale();
		List<ProblemsResponse.Problem> problems = violation.problems()
			.stream()
			.map(p -> new ProblemsResponse.Problem(p.field(), p.code(), p.value(),
					messages.getMessage(p.messageKey(), new Object[] { p.field(), p.value() == null ? "" : p.value() },
							p.code(), locale)))
			.toList();
		return ResponseEntity.unprocessableContent().body(new ProblemsResponse(problems));
	}

	private static int clampSize(int size) {
		return Math.max(1, Math.min(size, 100));
	}

	/** A camera or recorder as a REST client sends it (dates ISO yyyy-MM-dd). */
	public record DeviceRequest(Long unitId, Long systemId, Long siteId, DeviceKind kind, DeviceStatus status,
			String name, String vendor, String model, String firmware, String serial, String mac, String address,
			String openPorts, LocalDate procurementDate, String supplier, String coRef, String cqRef,
			String qcvn135Certificate) {

		DeviceDraft draft() {
			return new DeviceDraft(unitId, systemId, siteId, kind, status, name, vendor, model, firmware, serial, mac,
					address, openPorts, procurementDate, supplier, coRef, cqRef, qcvn135Certificate);
		}

	}

	/** What a rollback removed. */
	public record RollbackResponse(long importId, int removed) {
	}

	/** A page of results; {@code totalCapped} means "at least {@code total}". */
	public record PageResponse<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

		static <T> PageResponse<T> of(ResultPage<T> page) {
			return new PageResponse<>(page.items(), page.page(), page.size(), page.shownTotal(), page.totalCapped());
		}

		static <T> PageResponse<T> empty(int page, int size) {
			return new PageResponse<>(List.of(), page, size, 0, false);
		}

	}

	/** Why a create or update was refused. */
	public record ProblemsResponse(List<Problem> problems) {

		public record Problem(String field, String code, String value, String message) {
		}

	}

	/** The outcome of an import, with each problem's message in the caller's language. */
	public record ImportResponse(String fileName, boolean accepted, int rows, int created, String createdIds,
			List<Problem> problems, int problemsOmitted, Long importId) {

		public record Problem(int row, String column, String code, String value, String message) {
		}

		static ImportResponse of(ImportReport report, MessageSource messages, Locale locale) {
			return new ImportResponse(report.fileName(), report.accepted(), report.rows(), report.created(),
					report.idRanges(),
					report.problems()
						.stream()
						.map(p -> new Problem(p.row(), p.column(), p.code(), p.value(),
								messages.getMessage(p.messageKey(), p.messageArguments(), p.code(), locale)))
						.toList(),
					report.problemsOmitted(), report.batchId());
		}

	}

}
