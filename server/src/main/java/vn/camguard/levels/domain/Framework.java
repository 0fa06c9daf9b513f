package vn.camguard.levels.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A framework version with its items. */
public record Framework(FrameworkVersion version, List<FrameworkItem> items) {

	public static final int LOWEST_LEVEL = 1;

	public static final int HIGHEST_LEVEL = 5;

	public Framework {
		items = items.stream().sorted(Comparator.comparingInt(FrameworkItem::position)).toList();
	}

	public List<FrameworkItem> ofKind(ItemKind kind) {
		return items.stream().filter(i -> i.kind() == kind).toList();
	}

	public Optional<FrameworkItem> item(String key) {
		return items.stream().filter(i -> i.key().equals(key)).findFirst();
	}

	/** Items of the kind that concern the level, e.g. who approves level 3. */
	public List<FrameworkItem> forLevel(ItemKind kind, int level) {
		return ofKind(kind).stream().filter(i -> i.concernsLevel(level)).toList();
	}

	/**
	 * The level the decision table proposes for these answers. Every question must have one of its
	 * answers. The rules are read as the decree reads them: a system meeting any one criterion of a
	 * level is at that level, and one meeting criteria of several levels takes the highest (Decree 85
	 * Art. 5). A rule may give a range (the law leaves the gravity to be judged); the proposal then
	 * runs from the highest lower bound to the highest upper bound. When no rule matches the rules
	 * leave all levels open.
	 *
	 * @throws LevelRuleViolation naming the unanswered questions
	 */
	public Proposal propose(Map<String, String> answers) {
		List<String> problems = ofKind(ItemKind.QUESTION).stream()
			.filter(q -> answers.get(q.key()) == null || !q.hasAnswer(answers.get(q.key())))
			.map(q -> "levels.problem.unanswered:" + q.key())
			.toList();
		if (!problems.isEmpty()) {
			throw new LevelRuleViolation(problems);
		}
		List<FrameworkItem> matched = ofKind(ItemKind.RULE).stream().filter(r -> r.matches(answers)).toList();
		if (matched.isEmpty()) {
			return new Proposal(LOWEST_LEVEL, HIGHEST_LEVEL, List.of());
		}
		int lowest = matched.stream().mapToInt(FrameworkItem::levelMin).max().orElseThrow();
		int highest = matched.stream().mapToInt(FrameworkItem::levelMax).max().orElseThrow();
		List<FrameworkItem> deciding = matched.stream()
			.filter(r -> r.levelMax() >= lowest)
			.sorted(Comparator.comparingInt(FrameworkItem::levelMax).reversed())
			.toList();
		return new Proposal(lowest, highest, deciding);
	}

}
