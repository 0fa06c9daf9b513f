package vn.camguard.monitoring.finding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.monitoring.FindingStatus;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.products.RequirementGroups;

/**
 * Findings for the people who answer for them: lists and detail inside the caller's organisations
 * ({@link Permission#FINDINGS_READ}; a province grant reaches every organisation), and the three decisions a person
 * takes on a finding, each audited and kept in the finding's history:
 * <ul>
 * <li>accept the risk until a date, with a reason: {@link Permission#FINDINGS_ACCEPT_RISK}, which the head of a unit
 * (UNIT_APPROVER) and the province administrator hold, never the officer or ISP operator who owns the finding, so the
 * approval comes from above the owner; the approver recorded is the caller;</li>
 * <li>a false positive, with a reason, and verify a fixed finding: {@link Permission#FINDINGS_TRIAGE}, the owners
 * (UNIT_OFFICER, ISP_OPERATOR) and the province administrator.</li>
 * </ul>
 * A finding outside the caller's read scope answers 404; one the caller may read but not decide on answers 403.
 */
@Service
public class FindingReview {

	/** The longest an accepted risk may run before someone must look at it again. */
	static final Duration MAX_RISK_ACCEPTANCE = Duration.ofDays(366);

	/** Catalogues come into force on Vietnamese calendar days. */
	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Set<FindingStatus> DECIDABLE = EnumSet.of(FindingStatus.NEW, FindingStatus.NOTIFIED,
			FindingStatus.ACCEPTED_RISK);

	private final FindingStore store;

	private final AccessControl access;

	private final UnitDirectory units;

	private final AuditTrail audit;

	private final RequirementGroups requirements;

	public FindingReview(FindingStore store, AccessControl access, UnitDirectory units, AuditTrail audit,
			RequirementGroups requirements) {
		this.store = store;
		this.access = access;
		this.units = units;
		this.audit = audit;
		this.requirements = requirements;
	}

	/** Refuses (403) a caller who may read findings nowhere. */
	public void requireReader() {
		if (!access.allowsAnywhere(Permission.FINDINGS_READ)) {
			throw new AccessDeniedException("missing FINDINGS_READ");
		}
	}

	/** The organisation with this code if the caller may read its findings. */
	public Optional<UnitRef> readableUnit(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return units.findByCode(code.strip()).filter(unit -> access.allows(Permission.FINDINGS_READ, unit.id()));
	}

	@Transactional(readOnly = true)
	public FindingPage findings(FindingFilter filter, FindingSort sort, boolean ascending, int page, int size) {
		requireReader();
		FindingPage found = store.page(access.scope(Permission.FINDINGS_READ), filter, sort, ascending, page, size,
				Instant.now());
		RequirementGroups.CheckGroups groups = groupsInForce();
		return new FindingPage(found.items().stream().map(view -> view.withGroupFrom(groups)).toList(), found.page(),
				found.size(), found.total());
	}

	/** Hands every matching finding, in list order, to {@code writer} inside one read transaction. */
	@Transactional(readOnly = true)
	public <T> T export(FindingFilter filter, FindingSort sort, boolean ascending, Function<Stream<FindingView>, T> writer) {
		requireReader();
		try (Stream<FindingView> findings = store.stream(access.scope(Permission.FINDINGS_READ), filter, sort,
				ascending, Instant.now())) {
			RequirementGroups.CheckGroups groups = groupsInForce();
			return writer.apply(findings.map(view -> view.withGroupFrom(groups)));
		}
	}

	@Transactional(readOnly = true)
	public FindingView finding(long id) {
		return store.find(access.scope(Permission.FINDINGS_READ), id, Instant.now())
			.orElseThrow(() -> new FindingNotFound(id))
			.withGroupFrom(groupsInForce());
	}

	private RequirementGroups.CheckGroups groupsInForce() {
		return requirements.inForceOn(LocalDate.now(VIETNAM));
	}

	@Transactional(readOnly = true)
	public List<FindingChange> history(long id) {
		finding(id);
		return store.changes(id);
	}

	/**
	 * The scanner checks the catalogue in force names, for the check filter's suggestions (any text is accepted).
	 * Taken from the catalogue rather than from the findings: a DISTINCT over a province's million findings cost
	 * seconds per page.
	 */
	public List<String> checks() {
		return groupsInForce().groupsByCheck().keySet().stream().sorted().toList();
	}

	/** What the caller may decide on this finding, for the detail page's buttons. */
	public Decisions decisions(FindingView finding) {
		long unit = finding.finding().organizationId();
		FindingStatus status = finding.finding().status();
		boolean triage = access.allows(Permission.FINDINGS_TRIAGE, unit);
		return new Decisions(access.allows(Permission.FINDINGS_ACCEPT_RISK, unit) && DECIDABLE.contains(status),
				triage && DECIDABLE.contains(status), triage && status == FindingStatus.FIXED);
	}

	@Transactional
	public FindingView acceptRisk(long id, String reason, Instant until) {
		FindingView finding = finding(id);
		access.require(Permission.FINDINGS_ACCEPT_RISK, finding.finding().organizationId());
		Instant now = Instant.now();
		String why = reason(reason, true);
		if (until == null) {
			throw new FindingRuleViolation("until", "required");
		}
		if (!until.isAfter(now)) {
			throw new FindingRuleViolation("until", "until-past");
		}
		if (until.isAfter(now.plus(MAX_RISK_ACCEPTANCE))) {
			throw new FindingRuleViolation("until", "until-too-far");
		}
		return decide(finding, DECIDABLE, FindingStatus.ACCEPTED_RISK, why, until, "finding.accept-risk", now);
	}

	@Transactional
	public FindingView markFalsePositive(long id, String reason) {
		FindingView finding = finding(id);
		access.require(Permission.FINDINGS_TRIAGE, finding.finding().organizationId());
		return decide(finding, DECIDABLE, FindingStatus.FALSE_POSITIVE, reason(reason, true), null,
				"finding.false-positive", Instant.now());
	}

	@Transactional
	public FindingView verify(long id, String note) {
		FindingView finding = finding(id);
		access.require(Permission.FINDINGS_TRIAGE, finding.finding().organizationId());
		return decide(finding, EnumSet.of(FindingStatus.FIXED), FindingStatus.VERIFIED, reason(note, false), null,
				"finding.verify", Instant.now());
	}

	private FindingView decide(FindingView finding, Set<FindingStatus> from, FindingStatus to, String reason,
			Instant until, String action, Instant now) {
		FindingStatus status = finding.finding().status();
		if (!from.contains(status)) {
			throw new FindingRuleViolation("status", "status-not-allowed");
		}
		String actor = access.caller().username();
		if (!store.changeStatus(finding.id(), status, to, reason, actor, until, now)) {
			// a scan or another person changed it since it was read
			throw new FindingRuleViolation("status", "status-changed");
		}
		audit.record(action, "monitoring-finding", Long.toString(finding.id()), finding.finding().organizationId(),
				Map.of("status", status.name()), auditAfter(finding, to, reason, until, actor));
		return finding(finding.id());
	}

	private static Map<String, Object> auditAfter(FindingView finding, FindingStatus to, String reason, Instant until,
			String actor) {
		var after = new java.util.LinkedHashMap<String, Object>();
		after.put("status", to.name());
		after.put("address", finding.finding().address());
		after.put("check", finding.finding().checkId());
		after.put("by", actor);
		if (reason != null) {
			after.put("reason", reason);
		}
		if (until != null) {
			after.put("until", until.toString());
		}
		return after;
	}

	private static String reason(String text, boolean required) {
		String clean = text == null || text.isBlank() ? null : text.strip();
		if (clean == null) {
			if (required) {
				throw new FindingRuleViolation("reason", "required");
			}
			return null;
		}
		if (clean.length() > 1000) {
			throw new FindingRuleViolation("reason", "too-long");
		}
		if (clean.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw new FindingRuleViolation("reason", "control-chars");
		}
		return clean;
	}

	/** The decisions open to the caller on one finding. */
	public record Decisions(boolean acceptRisk, boolean falsePositive, boolean verify) {

		public boolean any() {
			return acceptRisk || falsePositive || verify;
		}

	}

}
