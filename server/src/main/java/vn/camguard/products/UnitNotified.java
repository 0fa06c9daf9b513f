package vn.camguard.products;

/**
 * Published when the products module records a notification for a unit (today: a warning marked some
 * of its devices), inside the transaction that recorded it. The in-app notification is already
 * stored; this event is the seam for delivery by other channels: the platform's mail piece listens
 * to it (after commit, e.g. with {@code @TransactionalEventListener} or Modulith's
 * {@code @ApplicationModuleListener}) and sends one mail per notification to the unit's contacts.
 *
 * @param notificationId the stored notification
 * @param unitId the unit notified
 * @param kind what about: {@code WARNING}
 * @param warningId the warning
 * @param deviceCount how many of the unit's devices the warning marked
 * @param subjectVi one-line subject in Vietnamese (plain text: vendor, model, authority, reference)
 * @param subjectEn the same in English
 */
public record UnitNotified(long notificationId, long unitId, String kind, long warningId, int deviceCount,
		String subjectVi, String subjectEn) {
}
