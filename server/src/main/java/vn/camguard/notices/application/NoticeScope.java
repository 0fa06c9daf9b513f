package vn.camguard.notices.application;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;
import vn.camguard.organization.UnitDirectory;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.UnitScope;

/**
 * Which organisations' mappings, notices and reports the caller may work on: those inside its
 * {@link Permission#NOTICES_MANAGE} scope, so an ISP operator reaches its own ISP and the province its every ISP.
 */
@Component
public class NoticeScope {

	private final AccessControl access;

	private final UnitDirectory units;

	NoticeScope(AccessControl access, UnitDirectory units) {
		this.access = access;
		this.units = units;
	}

	/** The organisation, once the caller is known to reach it (403 otherwise, 404 for an unknown one). */
	public UnitRef require(long organizationId) {
		access.require(Permission.NOTICES_MANAGE, organizationId);
		return units.find(organizationId).orElseThrow(() -> new NotFound("organization " + organizationId));
	}

	/** ISPs the caller reaches, for the chooser on every page (403 if it reaches nothing). */
	public List<UnitRef> organizations() {
		UnitScope scope = access.scope(Permission.NOTICES_MANAGE);
		if (scope.isEmpty()) {
			throw new org.springframework.security.access.AccessDeniedException("missing NOTICES_MANAGE");
		}
		return units.within(scope).stream().filter(u -> "ISP".equals(u.kind())).toList();
	}

	/** The organisation a page opens on: the one asked for, else the caller's first ISP, else its first unit. */
	public UnitRef chosen(Long organizationId) {
		if (organizationId != null) {
			return require(organizationId);
		}
		Optional<UnitRef> first = organizations().stream().findFirst();
		if (first.isPresent()) {
			return first.get();
		}
		long root = access.scope(Permission.NOTICES_MANAGE).rootUnitIds().stream().sorted().findFirst().orElseThrow();
		return require(root);
	}

	public String username() {
		return access.caller().username();
	}

}
