package vn.camguard.organization.user;

import java.util.List;

/** A user change refused; each problem is a field and a message key suffix under {@code user.error.}. */
public class UserRuleViolation extends RuntimeException {

	private final List<Problem> problems;

	public UserRuleViolation(List<Problem> problems) {
		super("user rules broken: " + problems);
		this.problems = List.copyOf(problems);
	}

	public UserRuleViolation(String field, String code) {
		this(List.of(new Problem(field, code)));
	}

	public List<Problem> problems() {
		return problems;
	}

	public record Problem(String field, String code) {

		public String messageKey() {
			return "user.error." + code;
		}

		/** Shared with unit problems so that one page fragment shows both: a user problem has no file row. */
		public int row() {
			return 0;
		}

		public String value() {
			return null;
		}

	}

}
