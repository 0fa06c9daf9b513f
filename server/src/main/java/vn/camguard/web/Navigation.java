package vn.camguard.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;

/**
 * What the navigation bar shows for the signed-in user; templates call it as {@code @navigation}
 * so menus appear only for what the user may open.
 */
@Component("navigation")
public class Navigation {

	private final AccessControl access;

	Navigation(AccessControl access) {
		this.access = access;
	}

	public boolean signedIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	public String username() {
		return signedIn() ? SecurityContextHolder.getContext().getAuthentication().getName() : "";
	}

	/** Whether the signed-in user holds the permission (by name) anywhere; false when signed out. */
	public boolean can(String permission) {
		if (!signedIn()) {
			return false;
		}
		try {
			return access.allowsAnywhere(Permission.valueOf(permission));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
