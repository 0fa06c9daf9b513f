package vn.camguard.levels.domain;

/** Input text as stored: trimmed, blank means absent. */
final class Texts {

	private Texts() {
	}

	static String clean(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
