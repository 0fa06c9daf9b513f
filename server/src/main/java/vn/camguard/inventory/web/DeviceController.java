package vn.camguard.inventory.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.camguard.inventory.application.DeviceImport;
import vn.camguard.inventory.application.DeviceTable;
import vn.camguard.inventory.application.ImportColumn;
import vn.camguard.inventory.application.ImportReport;
import vn.camguard.inventory.application.InventoryManagement;
import vn.camguard.inventory.domain.Device;
import vn.camguard.inventory.domain.DeviceDraft;
import vn.camguard.inventory.domain.DeviceFilter;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.inventory.domain.InvalidValue;
import vn.camguard.inventory.domain.InventoryRuleViolation;
import vn.camguard.inventory.domain.ResultPage;

/**
 * The camera and recorder pages: the filtered list (htmx swaps only the results, plain links work
 * too), detail, create and edit forms, import and export.
 */
@Controller
@RequestMapping("/inventory/cameras")
public class DeviceController {

	/** Vendors offered as suggestions in the vendor filter (any text is accepted). */
	static final List<String> KNOWN_VENDORS = List.of("Hikvision", "Dahua", "KBVision", "Uniview", "Axis", "Hanwha Vision",
			"Bosch", "Panasonic", "Reolink", "TVT", "Ezviz", "Imou", "Vantech", "Questek", "Tiandy", "XiongMai");

	private final InventoryManagement inventory;

	private final DeviceImport deviceImport;

	private final MessageSource messages;

	public DeviceController(InventoryManagement inventory, DeviceImport deviceImport, MessageSource messages) {
		this.inventory = inventory;
		this.deviceImport = deviceImport;
		this.messages = messages;
	}

	@GetMapping
	public String list(@ModelAttribute("query") DeviceQuery query,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Optional<DeviceFilter> filter = query.filter(inventory);
		ResultPage<Device> page = filter
			.map(f -> inventory.devices(f, query.sortColumn(), query.ascending(), query.pageNumber(), query.pageSize()))
			.orElseGet(() -> new ResultPage<>(List.of(), query.pageNumber(), query.pageSize(), 0, 1));
		model.addAttribute("page", page);
		model.addAttribute("unitUnknown", filter.isEmpty());
		model.addAttribute("canWrite", inventory.canWriteAnywhere());
		if (htmx != null) {
			return "inventory/devices :: results";
		}
		model.addAttribute("systems", inventory.systemOptions());
		model.addAttribute("vendors", KNOWN_VENDORS);
		model.addAttribute("statuses", DeviceStatus.values());
		model.addAttribute("kinds", DeviceKind.values());
		return "inventory/devices";
	}

	@GetMapping("/{id}")
	public String detail(@PathVariable long id, Model model) {
		Device device = inventory.device(id);
		model.addAttribute("device", device);
		model.addAttribute("unit", inventory.unit(device.unitId()).orElse(null));
		model.addAttribute("canWrite", inventory.canWrite(device.unitId()));
		return "inventory/device";
	}

	@GetMapping("/new")
	public String createForm(Model model) {
		inventory.requireWriteAnywhere();
		return form(model, DeviceForm.empty(), null, Map.of());
	}

	@PostMapping
	public String create(@ModelAttribute("form") DeviceForm form, BindingResult binding, Model model, Locale locale) {
		if (binding.hasErrors()) {
			return form(model, form, null, FormProblems.binding(binding, "inventory.device.", messages, locale));
		}
		List<InvalidValue> problems = new ArrayList<>();
		DeviceDraft draft = form.draft(problems);
		try {
			if (!problems.isEmpty()) {
				// a bad date must not hide the other fields' problems: report them all at once
				draft.normalised(problems);
				throw new InventoryRuleViolation(problems);
			}
			return "redirect:/inventory/cameras/" + inventory.createDevice(draft).id();
		}
		catch (InventoryRuleViolation violation) {
			return form(model, form, null, FormProblems.messages(violation.problems(), "inventory.device.", messages, locale));
		}
	}

	@GetMapping("/{id}/edit")
	public String editForm(@PathVariable long id, Model model) {
		Device device = inventory.deviceForEdit(id);
		return form(model, DeviceForm.of(device), device, Map.of());
	}

	@PostMapping("/{id}")
	public String update(@PathVariable long id, @ModelAttribute("form") DeviceForm form, BindingResult binding,
			Model model, Locale locale) {
		Device device = inventory.device(id);
		if (binding.hasErrors()) {
			return form(model, form, device, FormProblems.binding(binding, "inventory.device.", messages, locale));
		}
		List<InvalidValue> problems = new ArrayList<>();
		DeviceDraft draft = form.draft(problems);
		try {
			if (!problems.isEmpty()) {
				// a bad date must not hide the other fields' problems: report them all at once
				draft.normalised(problems);
				throw new InventoryRuleViolation(problems);
			}
			inventory.updateDevice(id, draft);
			return "redirect:/inventory/cameras/" + id;
		}
		catch (InventoryRuleViolation violation) {
			return form(model, form, device, FormProblems.messages(violation.problems(), "inventory.device.", messages, locale));
		}
	}

	@GetMapping("/import")
	public String importPage(Model model) {
		inventory.requireWriteAnywhere();
		model.addAttribute("columns", ImportColumn.values());
		return "inventory/device-import";
	}

	@PostMapping("/import")
	public String importFile(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response)
			throws IOException {
		ImportReport report;
		try (InputStream content = file.getInputStream()) {
			report = deviceImport.importFile(file.getOriginalFilename(), content);
		}
		if (!report.accepted()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("report", report);
		model.addAttribute("columns", ImportColumn.values());
		return "inventory/device-import";
	}

	@GetMapping("/import/template")
	public void template(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
			throws IOException {
		DeviceTable.Format table = DeviceTable.Format.of(format);
		Downloads.prepare(response, table, "camguard-import-template");
		DeviceTable.writeTemplate(table, response.getOutputStream());
	}

	@GetMapping("/export")
	public void export(@ModelAttribute DeviceQuery query, @RequestParam(defaultValue = "csv") String format,
			HttpServletResponse response) throws IOException {
		Downloads.export(inventory, query, DeviceTable.Format.of(format), response);
	}

	private String form(Model model, DeviceForm form, Device device, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("device", device);
		model.addAttribute("errors", errors);
		model.addAttribute("units", inventory.writableUnits());
		model.addAttribute("systems", inventory.systemOptionsFor(device));
		model.addAttribute("sites", inventory.siteOptionsFor(device));
		model.addAttribute("statuses", DeviceStatus.values());
		model.addAttribute("kinds", DeviceKind.values());
		return "inventory/device-form";
	}


}
