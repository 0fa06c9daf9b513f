package vn.camguard.notifications;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import vn.camguard.organization.UserContacts.Contact;

/**
 * A date by which someone has to act, as a {@link DeadlineSource} reports it.
 *
 * @param key stable and unique across sources, e.g. {@code dossier:12:UNDER_APPRAISAL} (at most 120 characters);
 *            with {@code dueOn} it identifies the deadline, so a moved date is a new deadline to remind of
 * @param dueOn the last day
 * @param unitId the unit whose matter it is
 * @param whatVi what has to be done, in Vietnamese, e.g. "thẩm định hồ sơ cấp độ số 12"
 * @param whatEn the same in English
 * @param link where in CamGuard it is done (a path), or null
 * @param recipients who is responsible (each is reminded once per offset)
 */
public record Deadline(String key, LocalDate dueOn, long unitId, String whatVi, String whatEn, String link,
		List<Contact> recipients) {

	public Deadline {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(dueOn, "dueOn");
		if (key.length() > 120) {
			throw new IllegalArgumentException("deadline key too long: " + key);
		}
		recipients = List.copyOf(recipients);
	}

}
