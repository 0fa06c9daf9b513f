package vn.camguard.web.audit;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.camguard.audit.AuditVisibility;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitScope;

/**
 * Turns the caller's {@code AUDIT_READ} grants into what the audit log may show: entries of units
 * in scope, and entries tied to no unit only for readers granted on a root (the province).
 */
@Component
class AuditAccess {

	private final AccessControl access;

	private final UnitDirectory directory;

	AuditAccess(AccessControl access, UnitDirectory directory) {
		this.access = access;
		this.directory = directory;
	}

	UnitScope scope() {
		UnitScope scope = access.scope(Permission.AUDIT_READ);
		if (scope.isEmpty()) {
			throw new AccessDeniedException("AUDIT_READ needed");
		}
		return scope;
	}

	/**
	 * Chain-wide things (the verification banner, the signed head) are for readers granted on a root
	 * of the tree, the province: the head covers every unit's entries.
	 */
	boolean provinceWide() {
		return visibility().unitless();
	}

	void requireProvinceWide() {
		if (!provinceWide()) {
			throw new AccessDeniedException("AUDIT_READ on the province needed");
		}
	}

	AuditVisibility visibility() {
		UnitScope scope = scope();
		boolean atRoot = scope.rootUnitIds()
			.stream()
			.anyMatch(id -> directory.find(id).map(unit -> unit.parentId() == null).orElse(false));
		return new AuditVisibility(scope.rootUnitIds(), atRoot);
	}

}
