package vn.camguard.monitoring.range;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * The address ranges organisations register and the province approves. A caller registers, sees and withdraws
 * ranges of organisations in its {@code MONITORING_SCAN} scope; deciding needs {@code RANGES_APPROVE} on the
 * range's organisation. Every change is audited.
 */
@Service
public class RangeRegistry {

	/** Longest approval the province may give at once. */
	static final int MAX_APPROVAL_DAYS = 3 * 366;

	private final AddressRanges ranges;

	private final AccessControl access;

	private final UnitDirectory units;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	RangeRegistry(AddressRanges ranges, AccessControl access, UnitDirectory units, AuditTrail audit,
			Clock provinceClock) {
		this.ranges = ranges;
		this.access = access;
		this.units = units;
		this.audit = audit;
		this.clock = Clock.systemUTC();
		this.zone = provinceClock.getZone();
	}

	/** What a registration form sends. */
	public record RangeRequest(Long organizationId, String range, String purpose) {
	}

	/** The province's decision: approved until the end of {@code validUntil} (local date), or rejected. */
	public record RangeDecision(boolean approve, LocalDate validUntil, String reason) {
	}

	/** A range with its organisation's name, for lists. */
	public record RangeView(AddressRange range, String organizationName, boolean expired, boolean decidable) {
	}

	@Transactional(readOnly = true)
	public List<RangeView> visible() {
		Instant now = clock.instant();
		List<RangeView> views = new ArrayList<>();
		for (AddressRange range : ranges.within(access.scope(Permission.MONITORING_SCAN))) {
			views.add(view(range, now));
		}
		// the province sees the ranges waiting for its decision even outside its scanning scope
		if (access.allowsAnywhere(Permission.RANGES_APPROVE)) {
			for (AddressRange range : ranges.within(access.scope(Permission.RANGES_APPROVE))) {
				if (views.stream().noneMatch(v -> v.range().id() == range.id())) {
					views.add(view(range, now));
				}
			}
		}
		views.sort((a, b) -> Long.compare(b.range().id(), a.range().id()));
		return views;
	}

	@Transactional(readOnly = true)
	public RangeView range(long id) {
		AddressRange range = ranges.find(id).orElseThrow(() -> new RangeNotFound(id));
		if (!access.allows(Permission.MONITORING_SCAN, range.organizationId())
				&& !access.allows(Permission.RANGES_APPROVE, range.organizationId())) {
			// not telling whether a range outside the caller's organisations exists
			throw new RangeNotFound(id);
		}
		return view(range, clock.instant());
	}

	/** Organisations the caller may register ranges for (form drop-down). */
	public List<UnitRef> registeringOrganizations() {
		return units.within(access.scope(Permission.MONITORING_SCAN));
	}

	public boolean canRegister() {
		return access.allowsAnywhere(Permission.MONITORING_SCAN);
	}

	@Transactional
	public long register(RangeRequest request) {
		if (request.organizationId() == null) {
			throw new MonitoringRefusal("monitoring.range.organizationMissing");
		}
		access.require(Permission.MONITORING_SCAN, request.organizationId());
		String text = request.range() == null ? "" : request.range().strip();
		Ipv4Span span = Ipv4Span.parse(text);
		String purpose = request.purpose() == null || request.purpose().isBlank() ? null : request.purpose().strip();
		if (purpose != null && purpose.length() > 500) {
			throw new MonitoringRefusal("monitoring.range.purposeTooLong");
		}
		for (AddressRange other : ranges.ofOrganization(request.organizationId())) {
			if (other.status() != RangeStatus.REJECTED && other.status() != RangeStatus.WITHDRAWN
					&& other.firstNumber() <= span.last() && span.first() <= other.lastNumber()) {
				throw new MonitoringRefusal("monitoring.range.overlaps", text, other.text());
			}
		}
		Instant now = clock.instant();
		long id = ranges.insert(request.organizationId(), text, span, purpose, access.caller().username(), now);
		audit.record("monitoring.range.register", "monitoring-range", Long.toString(id), request.organizationId(), null,
				Map.of("range", text, "first", span.firstAddress(), "last", span.lastAddress(),
						"purpose", purpose == null ? "" : purpose));
		return id;
	}

	@Transactional
	public void decide(long id, RangeDecision decision) {
		AddressRange before = ranges.find(id).orElseThrow(() -> new RangeNotFound(id));
		if (!access.allows(Permission.RANGES_APPROVE, before.organizationId())) {
			if (access.allows(Permission.MONITORING_SCAN, before.organizationId())) {
				throw new AccessDeniedException("deciding on a range needs RANGES_APPROVE");
			}
			throw new RangeNotFound(id);
		}
		if (before.status() == RangeStatus.WITHDRAWN) {
			throw new MonitoringRefusal("monitoring.range.withdrawnAlready", before.text());
		}
		Instant now = clock.instant();
		String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
		if (reason != null && reason.length() > 1000) {
			throw new MonitoringRefusal("monitoring.range.reasonTooLong");
		}
		Instant until = null;
		RangeStatus status;
		if (decision.approve()) {
			if (decision.validUntil() == null) {
				throw new MonitoringRefusal("monitoring.range.untilMissing");
			}
			LocalDate today = LocalDate.now(clock.withZone(zone));
			if (!decision.validUntil().isAfter(today.minusDays(1))
					|| decision.validUntil().isAfter(today.plusDays(MAX_APPROVAL_DAYS))) {
				throw new MonitoringRefusal("monitoring.range.untilOutOfBounds", Integer.toString(MAX_APPROVAL_DAYS));
			}
			until = decision.validUntil().plusDays(1).atStartOfDay(zone).toInstant();
			status = RangeStatus.APPROVED;
		}
		else {
			if (reason == null) {
				throw new MonitoringRefusal("monitoring.range.reasonMissing");
			}
			status = RangeStatus.REJECTED;
		}
		String by = access.caller().username();
		ranges.decide(id, status, by, now, until, reason);
		AddressRange after = ranges.find(id).orElseThrow();
		audit.record(decision.approve() ? "monitoring.range.approve" : "monitoring.range.reject", "monitoring-range",
				Long.toString(id), before.organizationId(), auditState(before), auditState(after));
	}

	@Transactional
	public void withdraw(long id) {
		AddressRange before = ranges.find(id).orElseThrow(() -> new RangeNotFound(id));
		if (!access.allows(Permission.MONITORING_SCAN, before.organizationId())) {
			throw new RangeNotFound(id);
		}
		ranges.withdraw(id);
		audit.record("monitoring.range.withdraw", "monitoring-range", Long.toString(id), before.organizationId(),
				auditState(before), auditState(ranges.find(id).orElseThrow()));
	}

	/**
	 * The ranges of the organisation scannable at {@code at}, for the scan side (which checks its caller itself,
	 * or runs as the scheduler with no caller).
	 */
	@Transactional(readOnly = true)
	public List<AddressRange> scannable(long organizationId, Instant at) {
		return ranges.ofOrganization(organizationId).stream().filter(r -> r.scannableAt(at)).toList();
	}

	/**
	 * Why the targets may not be scanned for the organisation at {@code at}, or empty when every address of them
	 * lies inside its approved, unexpired ranges.
	 */
	@Transactional(readOnly = true)
	public Optional<MonitoringRefusal> refusal(long organizationId, List<Ipv4Span> targets, Instant at) {
		List<AddressRange> all = ranges.ofOrganization(organizationId);
		for (Ipv4Span target : targets) {
			if (covered(target, all.stream().filter(r -> r.scannableAt(at)).toList())) {
				continue;
			}
			if (covered(target, all.stream().filter(r -> r.expiredAt(at)).toList())) {
				return Optional.of(new MonitoringRefusal("monitoring.scan.refused.expired", target.toString()));
			}
			if (covered(target, all.stream().filter(r -> r.status() == RangeStatus.PENDING).toList())) {
				return Optional.of(new MonitoringRefusal("monitoring.scan.refused.pending", target.toString()));
			}
			return Optional.of(new MonitoringRefusal("monitoring.scan.refused.outside", target.toString()));
		}
		return Optional.empty();
	}

	/** Whether the ranges together cover every address of the target (adjacent ranges may share one target). */
	private static boolean covered(Ipv4Span target, List<AddressRange> ranges) {
		long next = target.first();
		List<AddressRange> sorted = ranges.stream()
			.sorted((a, b) -> Long.compare(a.firstNumber(), b.firstNumber()))
			.toList();
		for (AddressRange range : sorted) {
			if (range.firstNumber() <= next && range.lastNumber() >= next) {
				next = range.lastNumber() + 1;
				if (next > target.last()) {
					return true;
				}
			}
		}
		return false;
	}

	private RangeView view(AddressRange range, Instant now) {
		String name = units.find(range.organizationId()).map(UnitRef::name).orElse("#" + range.organizationId());
		return new RangeView(range, name, range.expiredAt(now),
				range.status() != RangeStatus.WITHDRAWN && access.allows(Permission.RANGES_APPROVE, range.organizationId()));
	}

	private static Map<String, Object> auditState(AddressRange range) {
		return Map.of("range", range.text(), "status", range.status().name(),
				"decidedBy", range.decidedBy() == null ? "" : range.decidedBy(),
				"validUntil", range.validUntil() == null ? "" : range.validUntil().toString(),
				"reason", range.decisionReason() == null ? "" : range.decisionReason());
	}

}
