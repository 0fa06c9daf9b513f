package vn.camguard.scanner.target;

/** A target list or scope the scanner refuses: bad syntax, unknown host, or outside the allowed scope. */
public final class TargetException extends RuntimeException {

	public TargetException(String message) {
		super(message);
	}

}
