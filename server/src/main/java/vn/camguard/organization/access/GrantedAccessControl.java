package vn.camguard.organization.access;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Caller;
import vn.camguard.organization.Permission;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitScope;

/**
 * Answers from the caller's grants as stored now (read per call, so a revoked grant or a disabled
 * user loses access on the next request) and the unit closure table.
 */
@Service
class GrantedAccessControl implements AccessControl {

	private static final String CALLER = GrantedAccessControl.class.getName() + ".caller";

	private final JdbcClient jdbc;

	GrantedAccessControl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Caller caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
			throw new AuthenticationCredentialsNotFoundException("nobody is signed in");
		}
		// one page asks many times (menus, checks); the grants are read once per request
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(CALLER, RequestAttributes.SCOPE_REQUEST) instanceof Caller cached
				&& cached.userId() == user.userId()) {
			return cached;
		}
		var grants = jdbc.sql("""
				SELECT g.role, g.unit_id FROM organization_grant g
				JOIN organization_user u ON u.id = g.user_id
				JOIN organization_unit n ON n.id = g.unit_id
				WHERE g.user_id = :user AND u.enabled = TRUE AND n.active = TRUE
				ORDER BY g.id""")
			.param("user", user.userId())
			.query((rs, n) -> new Caller.Grant(Role.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		Caller caller = new Caller(user.userId(), user.getUsername(), grants);
		if (request != null) {
			request.setAttribute(CALLER, caller, RequestAttributes.SCOPE_REQUEST);
		}
		return caller;
	}

	@Override
	public UnitScope scope(Permission permission) {
		return scopeOf(caller(), permission);
	}

	static UnitScope scopeOf(Caller caller, Permission permission) {
		Set<Long> roots = caller.grants()
			.stream()
			.filter(grant -> RolePermissions.carries(grant.role(), permission))
			.map(Caller.Grant::unitId)
			.collect(Collectors.toSet());
		return new UnitScope(roots);
	}

	@Override
	public boolean allows(Permission permission, long unitId) {
		UnitScope scope = scope(permission);
		if (scope.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				SELECT COUNT(*) FROM organization_unit_closure
				WHERE descendant_id = :unit AND ancestor_id IN (%s)""".formatted(scope.sqlIdList()))
			.param("unit", unitId)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public void require(Permission permission, long unitId) {
		if (!allows(permission, unitId)) {
			throw new AccessDeniedException("missing " + permission + " on unit " + unitId);
		}
	}

	@Override
	public boolean allowsAnywhere(Permission permission) {
		return !scope(permission).isEmpty();
	}

}
