package vn.camguard.levels.domain;

import java.util.List;

/**
 * A request breaks a rule of the levels module. Each problem is a message key, optionally followed
 * by ":" and the field or question it concerns.
 */
public class LevelRuleViolation extends RuntimeException {

	private final List<String> problems;

	public LevelRuleViolation(List<String> problems) {
		super(String.join(", ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
