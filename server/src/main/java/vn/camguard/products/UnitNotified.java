package vn.camguard.products;

/**
 * Published when the products module notifies a unit (today: a warning marked some of its devices),
 * inside the transaction that recorded it. The in-app notification is stored and its mail planned (after
 * commit) by the platform's notifications; this event is for features that want to react as well.
 *
 * @param notificationId the stored notification (in the platform's notifications)
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
