package vn.camguard.levels.domain;

import java.util.Locale;

/** A text in Vietnamese (the official one) and English. */
public record LocalizedText(String vi, String en) {

	/** English for an English locale, Vietnamese otherwise. */
	public String in(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? en : vi;
	}

}
