package vn.camguard.notifications;

import java.util.Objects;

/**
 * What a notification says, written by the feature that makes it, in both languages of the app. Plain text: it is
 * shown escaped and mailed as text/plain, so whatever a device or a user typed into it stays text.
 *
 * @param kind what about, e.g. {@code WARNING}, {@code DEADLINE} (at most 20 characters)
 * @param textVi the text in Vietnamese
 * @param textEn the text in English
 * @param link a path inside CamGuard where the matter is seen (starts with {@code /}), or null
 * @param subjectRef what it is about for the feature that made it, e.g. {@code product_warning:12}, or null
 */
public record Notice(String kind, String textVi, String textEn, String link, String subjectRef) {

	public Notice {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(textVi, "textVi");
		Objects.requireNonNull(textEn, "textEn");
		if (link != null && (!link.startsWith("/") || link.startsWith("//"))) {
			throw new IllegalArgumentException("a notification links inside CamGuard only: " + link);
		}
	}

}
