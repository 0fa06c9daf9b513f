package vn.camguard.scanner.wire;

/** A short, printable excerpt of untrusted device text, safe to keep as evidence. */
public final class Excerpt {

	private static final int MAX = 160;

	private Excerpt() {
	}

	/** Cuts to {@value #MAX} characters and replaces control characters; markup stays plain text. */
	public static String of(String text) {
		if (text == null) {
			return "";
		}
		String cut = text.length() > MAX ? text.substring(0, MAX) + "…" : text;
		StringBuilder out = new StringBuilder(cut.length());
		for (int i = 0; i < cut.length(); i++) {
			char c = cut.charAt(i);
			out.append(c < 0x20 || c == 0x7f ? '.' : c);
		}
		return out.toString();
	}

}
