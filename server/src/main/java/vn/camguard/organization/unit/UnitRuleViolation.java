package vn.camguard.organization.unit;

import java.util.List;

/** A change or an import refused because it breaks unit rules; nothing was written. */
public class UnitRuleViolation extends RuntimeException {

	private final List<UnitProblem> problems;

	public UnitRuleViolation(List<UnitProblem> problems) {
		super("unit rules broken: " + problems.stream().map(p -> p.row() + ":" + p.field() + "=" + p.code()).toList());
		this.problems = List.copyOf(problems);
	}

	public UnitRuleViolation(UnitProblem problem) {
		this(List.of(problem));
	}

	public List<UnitProblem> problems() {
		return problems;
	}

}
