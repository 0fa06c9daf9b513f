package vn.camguard.organization.user;

import org.springframework.security.access.AccessDeniedException;

/**
 * An administrator tried to act on a user holding a grant beyond the administrator's own units
 * (e.g. a district administrator resetting the password of a province administrator homed in the
 * district). Answered 403 with {@link #MESSAGE_KEY}.
 */
public class OutsideAuthority extends AccessDeniedException {

	public static final String MESSAGE_KEY = "user.error.outside-authority";

	public OutsideAuthority(String username) {
		super("user " + username + " holds a grant outside the caller's authority");
	}

}
