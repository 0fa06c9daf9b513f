/**
 * Notifications (issues 17 and 18): the one place where a unit or a user is told something in the app, and the mail
 * that goes with it. A notification is for a unit (everyone who reads the unit's inventory sees it) or for one user;
 * {@link vn.camguard.notifications.Notifications} stores one and mails it after the transaction commits. Deadline
 * reminders run daily through the platform's scheduler over every {@link vn.camguard.notifications.DeadlineSource}
 * bean, each reminder once per recipient, deadline and offset across instances and restarts. Depends on
 * {@code organization} for users, their addresses and scope, on {@code schedule} for the daily run, on
 * {@code shared} for mail, and on {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "audit", "schedule", "shared" })
package vn.camguard.notifications;
