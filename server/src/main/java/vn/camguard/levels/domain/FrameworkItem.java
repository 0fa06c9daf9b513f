package vn.camguard.levels.domain;

import java.util.List;
import java.util.Map;

/**
 * One item of a framework version, each marked checked or not with its source so the province
 * sees which rules still need a look at the official text.
 *
 * @param key stable key inside the framework, e.g. "R2-1", "T-APPROVAL"
 * @param kind what the item is
 * @param position order on the page
 * @param levelMin lowest level the item concerns (a rule's level), null when it concerns none
 * @param levelMax highest level; above levelMin when a rule leaves the choice to the officer
 * @param text the item in words
 * @param amount a time limit or interval, null when the item has none
 * @param amountUnit DAYS, WORKING_DAYS or MONTHS
 * @param roleKey for bodies, the role to resolve on the unit tree (e.g. OWNER_SECURITY_UNIT)
 * @param when for rules, the answers each question must have (any of the listed values)
 * @param answers for questions, the possible answers
 * @param reference the article it comes from, e.g. "Decree 85 Art. 8.1"
 * @param verified whether checked against the official text
 * @param source where it comes from
 */
public record FrameworkItem(String key, ItemKind kind, int position, Integer levelMin, Integer levelMax,
		LocalizedText text, Integer amount, String amountUnit, String roleKey, Map<String, List<String>> when,
		List<Answer> answers, String reference, boolean verified, String source) {

	public FrameworkItem {
		when = when == null ? Map.of() : Map.copyOf(when);
		answers = answers == null ? List.of() : List.copyOf(answers);
	}

	/** A possible answer of a question. */
	public record Answer(String value, String vi, String en) {

		public LocalizedText text() {
			return new LocalizedText(vi, en);
		}

	}

	/** Whether a rule's conditions all hold for these answers. */
	public boolean matches(Map<String, String> given) {
		return when.entrySet().stream().allMatch(c -> c.getValue().contains(given.get(c.getKey())));
	}

	public boolean concernsLevel(int level) {
		return levelMin != null && levelMin <= level && level <= levelMax;
	}

	public boolean hasAnswer(String value) {
		return answers.stream().anyMatch(a -> a.value().equals(value));
	}

	/** The item with corrected text, amount and verification, everything else kept. */
	public FrameworkItem corrected(ItemCorrection correction) {
		return new FrameworkItem(key, kind, position, levelMin, levelMax,
				new LocalizedText(correction.textVi(), correction.textEn()),
				amount == null ? null : correction.amount(), amountUnit, roleKey, when, answers, reference,
				correction.verified(), correction.source());
	}

}
