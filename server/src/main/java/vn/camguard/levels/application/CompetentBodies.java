package vn.camguard.levels.application;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.camguard.levels.domain.DossierBody;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Caller;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory;

/**
 * Resolves the bodies a framework names per level (its PREPARER, APPRAISER and APPROVER items, each
 * with a role key) to the people of the unit tree: a caller is that body for a system when it holds
 * the matching CamGuard role on the system's unit or one of its ancestors.
 * <ul>
 * <li>OPERATING_UNIT (prepares): a unit officer (the unit's IT staff);</li>
 * <li>OWNER_SECURITY_UNIT (appraises; approves levels 1-2): a province administrator, the provincial
 * information-security authority (PRODUCT.md: it appraises level dossiers);</li>
 * <li>SYSTEM_OWNER (approves levels 3-4): a unit approver (head of unit, chủ quản);</li>
 * <li>NATIONAL_SECURITY_AUTHORITY and PRIME_MINISTER sit outside the province: their decisions are
 * recorded by a province administrator.</li>
 * </ul>
 * A role key this table does not know resolves to nobody, so a new framework's body never lets
 * anyone act by accident.
 */
@Service
public class CompetentBodies {

	static final Map<String, Role> ROLES = Map.of("OPERATING_UNIT", Role.UNIT_OFFICER, "OWNER_SECURITY_UNIT",
			Role.PROVINCE_ADMIN, "SYSTEM_OWNER", Role.UNIT_APPROVER, "NATIONAL_SECURITY_AUTHORITY", Role.PROVINCE_ADMIN,
			"PRIME_MINISTER", Role.PROVINCE_ADMIN);

	private final AccessControl access;

	private final UnitDirectory units;

	public CompetentBodies(AccessControl access, UnitDirectory units) {
		this.access = access;
		this.units = units;
	}

	/** Whether the signed-in caller is the body for a system of this unit at this level. */
	public boolean isBody(DossierBody body, Framework framework, int level, long unitId) {
		Set<Role> roles = roles(body, framework, level);
		if (roles.isEmpty()) {
			return false;
		}
		Set<Long> unitAndAncestors = unitAndAncestors(unitId);
		Caller caller = access.caller();
		return caller.grants()
			.stream()
			.anyMatch(grant -> roles.contains(grant.role()) && unitAndAncestors.contains(grant.unitId()));
	}

	/** The CamGuard roles that are the body at this level (whom to remind of the body's deadlines). */
	public Set<Role> rolesOf(DossierBody body, Framework framework, int level) {
		return roles(body, framework, level);
	}

	/** Whether the framework names the same body to appraise and to approve at this level. */
	public boolean oneBodyAppraisesAndApproves(Framework framework, int level) {
		return roleKeys(framework, level, ItemKind.APPRAISER).equals(roleKeys(framework, level, ItemKind.APPROVER));
	}

	/** The framework's items naming the body at this level (for the page, in words). */
	public List<FrameworkItem> named(DossierBody body, Framework framework, int level) {
		return framework.forLevel(kind(body), level);
	}

	private Set<Role> roles(DossierBody body, Framework framework, int level) {
		return roleKeys(framework, level, kind(body)).stream()
			.map(ROLES::get)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
	}

	private static Set<String> roleKeys(Framework framework, int level, ItemKind kind) {
		return framework.forLevel(kind, level)
			.stream()
			.map(FrameworkItem::roleKey)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
	}

	private static ItemKind kind(DossierBody body) {
		return switch (body) {
			case PREPARER -> ItemKind.PREPARER;
			case APPRAISER -> ItemKind.APPRAISER;
			case APPROVER -> ItemKind.APPROVER;
		};
	}

	private Set<Long> unitAndAncestors(long unitId) {
		Set<Long> chain = new HashSet<>();
		Optional<UnitDirectory.UnitRef> unit = units.find(unitId);
		// bounded by the tree's depth; the set stops a (corrupt) cycle
		while (unit.isPresent() && chain.add(unit.get().id())) {
			Long parent = unit.get().parentId();
			unit = parent == null ? Optional.empty() : units.find(parent);
		}
		return chain;
	}

}
