package vn.camguard.products.domain;

import java.util.List;

/** A product or catalogue change that breaks a rule; nothing was saved. */
public class ProductRuleViolation extends RuntimeException {

	private final transient List<Problem> problems;

	public ProductRuleViolation(List<Problem> problems) {
		super("refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	public ProductRuleViolation(String field, String messageKey) {
		this(List.of(new Problem(field, messageKey)));
	}

	public List<Problem> problems() {
		return problems;
	}

}
