package vn.camguard.monitoring.device.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.monitoring.device.Adoption;
import vn.camguard.monitoring.device.DiscoveredDevice;
import vn.camguard.monitoring.device.DiscoveredDevices;
import vn.camguard.monitoring.range.MonitoringRefusal;

/** Discovered devices over REST: the same rules as the pages; refusals answer 422 as problem details. */
@RestController
@RequestMapping("/api/v1/monitoring/devices")
@Tag(name = "Network monitoring: discovered devices", description = "Devices scans found; adopt into or match to the inventory")
class DiscoveredDeviceApiController {

	private final DiscoveredDevices devices;

	private final MessageSource messages;

	DiscoveredDeviceApiController(DiscoveredDevices devices, MessageSource messages) {
		this.devices = devices;
		this.messages = messages;
	}

	/** A device with the inventory entries its address, MAC or serial suggests. */
	record DeviceBody(DiscoveredDevice device, List<DeviceFacts> suggestions) {
	}

	record Match(long inventoryDeviceId) {
	}

	@GetMapping
	@Operation(summary = "Devices found by scans of the caller's organisations, by address; narrowed to one "
			+ "organisation or one job when given; 100 per page")
	List<DiscoveredDevice> list(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Long jobId, @RequestParam(defaultValue = "0") int page) {
		if (!devices.canSee()) {
			throw new AccessDeniedException("discovered devices need MONITORING_SCAN");
		}
		return devices.list(organizationId, jobId, page);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One discovered device and the inventory entries that may be it (same address, MAC or serial)")
	DeviceBody device(@PathVariable long id) {
		return new DeviceBody(devices.device(id), devices.suggestions(id));
	}

	@PostMapping("/{id}/adopt")
	@Operation(summary = "Add the device to the inventory (vendor, model, firmware, ports from the fingerprint) in the "
			+ "given unit; needs inventory write on that unit")
	org.springframework.http.ResponseEntity<DiscoveredDevice> adopt(@PathVariable long id, @RequestBody Adoption adoption) {
		DiscoveredDevice adopted = devices.adopt(id, adoption);
		return org.springframework.http.ResponseEntity
			.created(URI.create("/api/v1/inventory/devices/" + adopted.inventoryDeviceId()))
			.body(adopted);
	}

	@PostMapping("/{id}/match")
	@Operation(summary = "Link the device to an inventory entry with the same address, MAC or serial")
	DiscoveredDevice match(@PathVariable long id, @RequestBody Match match) {
		return devices.match(id, match.inventoryDeviceId());
	}

	@ExceptionHandler(MonitoringRefusal.class)
	ProblemDetail refused(MonitoringRefusal refusal, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				refusal.text(messages, locale));
		problem.setProperty("problem", refusal.key());
		return problem;
	}

	@ExceptionHandler(InventoryDevices.Refused.class)
	ProblemDetail broken(InventoryDevices.Refused refused, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage("monitoring.device.adopt.refused", null, "refused", locale));
		problem.setProperty("problem", "monitoring.device.adopt.refused");
		problem.setProperty("problems", refused.problems().stream()
			.map(p -> new FieldProblem(p.field(), p.code(),
					messages.getMessage("inventory.error." + p.code(), new Object[] { p.field(), "" }, p.code(), locale)))
			.toList());
		return problem;
	}

	record FieldProblem(String field, String code, String message) {
	}

}
