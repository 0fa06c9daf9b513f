package vn.camguard.levels.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wizard's input: the framework version, the answers, and where the rules leave room the level
 * chosen and why.
 */
public record DeterminationRequest(long frameworkVersionId, Map<String, String> answers, Integer chosenLevel,
		String justification) {

	public DeterminationRequest {
		// a JSON body may carry null answers; they count as unanswered
		answers = answers == null ? Map.of()
				: answers.entrySet()
					.stream()
					.filter(e -> e.getKey() != null && e.getValue() != null)
					.collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
		justification = Texts.clean(justification);
	}

	/**
	 * The level to record for this proposal, or the broken rules: a level the rules decide needs no
	 * choice (a different one is refused, the answers decide it); where they leave room a level inside
	 * the range and a justification are required.
	 */
	public int settle(Proposal proposal) {
		List<String> problems = new ArrayList<>();
		if (justification != null && justification.length() > 4000) {
			problems.add("levels.problem.text-too-long");
		}
		if (!proposal.leavesRoom()) {
			if (chosenLevel != null && chosenLevel != proposal.lowest()) {
				problems.add("levels.problem.level-decided");
			}
		}
		else {
			if (chosenLevel == null || !proposal.allows(chosenLevel)) {
				problems.add("levels.problem.level-choice");
			}
			if (justification == null) {
				problems.add("levels.problem.justification-required");
			}
		}
		if (!problems.isEmpty()) {
			throw new LevelRuleViolation(problems);
		}
		return proposal.leavesRoom() ? chosenLevel : proposal.lowest();
	}

}
