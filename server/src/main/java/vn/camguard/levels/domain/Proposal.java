package vn.camguard.levels.domain;

import java.util.List;

/**
 * What the decision table proposes.
 *
 * @param lowest lowest level the rules allow
 * @param highest highest level the rules allow; equal to lowest when the rules decide
 * @param decidingRules the rules that set the range, highest first; empty when no rule matched
 */
public record Proposal(int lowest, int highest, List<FrameworkItem> decidingRules) {

	public Proposal {
		decidingRules = List.copyOf(decidingRules);
	}

	/** Whether the officer chooses (with a justification) between several levels. */
	public boolean leavesRoom() {
		return lowest != highest;
	}

	public boolean allows(int level) {
		return lowest <= level && level <= highest;
	}

}
