package vn.camguard.notifications;

import vn.camguard.organization.Permission;

/**
 * Stores in-app notifications and mails them. Call inside the transaction that makes the change the notification is
 * about: the notification commits or rolls back with it, and its mail goes only once it has committed. Mail is
 * plain text, one message per recipient (no recipient sees another's address), only to enabled users who gave an
 * address; without a mail server configured the notification is stored all the same and the outcome recorded.
 */
public interface Notifications {

	/**
	 * A notification of a unit, seen in the app by everyone who reads the unit's inventory, and mailed to the users
	 * holding, on that unit itself, a role that carries {@code mailTo}.
	 *
	 * @return the notification's id
	 */
	long toUnit(long unitId, Notice notice, Permission mailTo);

	/** A notification of one user, seen by that user only, and mailed to the user's address if it has one. */
	long toUser(long userId, Notice notice);

}
