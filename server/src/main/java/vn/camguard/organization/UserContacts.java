package vn.camguard.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who to tell about something of a unit: enabled users by the roles they hold, with their e-mail address where they
 * gave one. For features that notify people (reminders, warnings); it is no page and shows nothing by itself.
 */
public interface UserContacts {

	/** An enabled user; {@code email} is null when the user gave none. */
	record Contact(long userId, String username, String displayName, String email) {

		@Override
		public String toString() {
			// the address stays out of logs
			return "Contact[" + username + "]";
		}

	}

	/** Users holding one of the roles on the unit itself or on one of its ancestors (the roles' reach). */
	List<Contact> holdingOnOrAbove(Set<Role> roles, long unitId);

	/** Users holding, on the unit itself, a role that carries the permission. */
	List<Contact> withPermissionOn(Permission permission, long unitId);

	/** An enabled user by id. */
	Optional<Contact> byId(long userId);

	/** An enabled user by user name. */
	Optional<Contact> byUsername(String username);

}
