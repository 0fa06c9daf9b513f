package vn.camguard.shared.spreadsheet;

/**
 * An upload went past one of its {@link UploadLimits}; thrown from inside the parsers (so it is
 * unchecked) and turned into {@link TabularFile.Unreadable} with the same code and limit.
 */
final class LimitExceeded extends RuntimeException {

	private final String code;

	private final String limit;

	LimitExceeded(String code, String limit) {
		super(code + " " + limit, null, false, false);
		this.code = code;
		this.limit = limit;
	}

	LimitExceeded(String code, long limit) {
		this(code, Long.toString(limit));
	}

	String code() {
		return code;
	}

	String limit() {
		return limit;
	}

	/** The limit exceeded somewhere in the causes of a parser's exception, or null. */
	static LimitExceeded in(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t instanceof LimitExceeded limit) {
				return limit;
			}
		}
		return null;
	}

}
