package vn.camguard.organization.unit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.audit.AuditTrail;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitMergeConflict;
import vn.camguard.organization.UnitTransfer;
import vn.camguard.organization.UnitTreeAsOf;

/**
 * Merges one unit into another (the 2025 reorganisation: a district abolished into the province, two
 * communes made one) in one transaction: the child units are re-hung under the target, then every
 * feature moves what the unit owns ({@link UnitTransfer}), then the unit is closed (kept, marked merged
 * into the target on the day). Any refusal or failure rolls all of it back.
 * <p>
 * Only a caller who manages both units may merge: a province admin, or an admin whose grant covers both.
 */
@Service
@Transactional
public class UnitMerge {

	/** The count key of the child units re-hung by the merge itself. */
	public static final String CHILD_UNITS = "organization_unit";

	private final UnitStore units;

	private final UnitAdministration administration;

	private final AccessControl access;

	private final AuditTrail audit;

	private final List<UnitTransfer> transfers;

	UnitMerge(UnitStore units, UnitAdministration administration, AccessControl access, AuditTrail audit,
			List<UnitTransfer> transfers) {
		this.units = units;
		this.administration = administration;
		this.access = access;
		this.audit = audit;
		this.transfers = transfers.stream().sorted(Comparator.comparingInt(UnitTransfer::order)).toList();
	}

	/** What a merge would move and what would stop it, without changing anything. */
	@Transactional(readOnly = true)
	public MergePreview preview(long sourceId, long targetId) {
		Unit source = administration.get(sourceId);
		Unit target = administration.get(targetId);
		check(source, target);
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(CHILD_UNITS, (long) units.children(sourceId).size());
		List<UnitMergeConflict> conflicts = new ArrayList<>();
		for (UnitTransfer transfer : transfers) {
			counts.putAll(transfer.count(sourceId));
			conflicts.addAll(transfer.conflicts(sourceId, targetId));
		}
		return new MergePreview(source, target, counts, conflicts);
	}

	public MergeResult merge(long sourceId, long targetId) {
		administration.get(sourceId);
		administration.get(targetId);
		// a second merge of either unit waits here, then sees the first one's outcome (e.g. already merged)
		units.lock(List.of(sourceId, targetId));
		Unit source = administration.get(sourceId);
		Unit target = administration.get(targetId);
		check(source, target);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		LocalDate today = now.atZoneSameInstant(UnitTreeAsOf.PROVINCE_ZONE).toLocalDate();
		Map<String, Long> moved = new LinkedHashMap<>();
		try {
			List<Unit> children = units.children(sourceId);
			for (Unit child : children) {
				units.move(child.id(), targetId, now);
			}
			moved.put(CHILD_UNITS, (long) children.size());
			for (UnitTransfer transfer : transfers) {
				moved.putAll(transfer.move(sourceId, targetId));
			}
			units.closeMerged(sourceId, targetId, now, today);
		}
		catch (UnitMergeConflict conflict) {
			throw new UnitRuleViolation(
					new UnitProblem(0, "targetId", "merge-conflict", conflict.table() + ": " + conflict.value()));
		}
		catch (DataAccessException failure) {
			// a table another feature added without a transfer, or a constraint nobody foresaw
			throw new UnitRuleViolation(new UnitProblem(0, "targetId", "merge-failed", null));
		}
		Unit after = units.find(sourceId).orElseThrow();
		// one field per table, so that the audit page lists each count on its own line in the reader's words
		Map<String, Object> audited = new LinkedHashMap<>();
		audited.put("mergedCode", source.code());
		audited.put("intoCode", target.code());
		audited.put("mergedOn", today.toString());
		audited.putAll(moved);
		audit.record("unit.merge", "unit", Long.toString(sourceId), targetId, null, audited);
		return new MergeResult(after, target, today, moved);
	}

	private void check(Unit source, Unit target) {
		access.require(Permission.UNITS_MANAGE, source.id());
		access.require(Permission.UNITS_MANAGE, target.id());
		if (source.id() == target.id()) {
			throw new UnitRuleViolation(new UnitProblem(0, "targetId", "merge-self", target.code()));
		}
		if (units.isUnder(target.id(), source.id())) {
			throw new UnitRuleViolation(new UnitProblem(0, "targetId", "merge-descendant", target.code()));
		}
		if (source.merged()) {
			throw new UnitRuleViolation(new UnitProblem(0, "sourceId", "merge-already-merged", source.code()));
		}
		if (!target.active()) {
			throw new UnitRuleViolation(new UnitProblem(0, "targetId", "merge-target-closed", target.code()));
		}
		List<UnitProblem> problems = new ArrayList<>();
		for (Unit child : units.children(source.id())) {
			if (!child.kind().mayHangUnder(target.kind())) {
				problems.add(new UnitProblem(0, "targetId", "merge-child-kind", child.code()));
			}
		}
		if (!problems.isEmpty()) {
			throw new UnitRuleViolation(problems);
		}
	}

	/**
	 * @param counts rows per table the merge would move ({@link #CHILD_UNITS} first)
	 * @param conflicts rows that would stop it; the merge is refused while there are any
	 */
	public record MergePreview(Unit source, Unit target, Map<String, Long> counts, List<UnitMergeConflict> conflicts) {
	}

	public record MergeResult(Unit source, Unit target, LocalDate mergedOn, Map<String, Long> moved) {
	}

}
