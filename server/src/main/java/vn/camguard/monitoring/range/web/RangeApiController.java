package vn.camguard.monitoring.range.web;

import vn.camguard.monitoring.range.AddressRange;
import vn.camguard.monitoring.range.MonitoringRefusal;
import vn.camguard.monitoring.range.RangeRegistry;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.camguard.organization.AccessControl;

/** Address ranges over REST: the same rules as the pages; a refusal answers 422 with its reason. */
@RestController
@RequestMapping("/api/v1/monitoring/ranges")
@Tag(name = "Network monitoring: address ranges", description = "Ranges an organisation answers for, approved by "
		+ "the province before they may be scanned")
class RangeApiController {

	private final RangeRegistry registry;

	private final AccessControl access;

	private final MessageSource messages;

	RangeApiController(RangeRegistry registry, AccessControl access, MessageSource messages) {
		this.registry = registry;
		this.access = access;
		this.messages = messages;
	}

	/** A range as the API shows it. */
	record RangeBody(long id, long organizationId, String organizationName, String range, String firstAddress,
			String lastAddress, String purpose, String status, boolean expired, String requestedBy, String requestedAt,
			String decidedBy, String decidedAt, String validUntil, String decisionReason) {

		static RangeBody of(RangeRegistry.RangeView view) {
			AddressRange r = view.range();
			return new RangeBody(r.id(), r.organizationId(), view.organizationName(), r.text(), r.firstAddress(),
					r.lastAddress(), r.purpose(), r.status().name(), view.expired(), r.requestedBy(),
					String.valueOf(r.requestedAt()), r.decidedBy(), r.decidedAt() == null ? null : r.decidedAt().toString(),
					r.validUntil() == null ? null : r.validUntil().toString(), r.decisionReason());
		}

	}

	@GetMapping
	@Operation(summary = "The ranges of the caller's organisations (and, for the province, those it decides on)")
	List<RangeBody> list() {
		RangeController.requireAnyRangeWork(access);
		return registry.visible().stream().map(RangeBody::of).toList();
	}

	@PostMapping
	@Operation(summary = "Register a range (CIDR, first-last or one IPv4 address) for an organisation; it waits for "
			+ "the province's approval")
	ResponseEntity<RangeBody> register(@RequestBody RangeRegistry.RangeRequest request) {
		long id = registry.register(request);
		return ResponseEntity.created(URI.create("/api/v1/monitoring/ranges/" + id))
			.body(RangeBody.of(registry.range(id)));
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "Approve a range until a date (inclusive, local time) or reject it with a reason")
	RangeBody decide(@PathVariable long id, @RequestBody RangeRegistry.RangeDecision decision) {
		registry.decide(id, decision);
		return RangeBody.of(registry.range(id));
	}

	@ExceptionHandler(MonitoringRefusal.class)
	ResponseEntity<Map<String, Object>> refused(MonitoringRefusal refusal, Locale locale) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Map.of("problem", refusal.key(), "message", refusal.text(messages, locale)));
	}

}
