package vn.camguard.levels.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What an administrator may correct on one item: its words, its amount (for time limits and
 * intervals), whether it is verified and the source. Which questions a rule needs is not editable
 * here: a changed decision table is a new framework, not a correction.
 */
public record ItemCorrection(String textVi, String textEn, Integer amount, boolean verified, String source,
		String note) {

	public ItemCorrection {
		textVi = Texts.clean(textVi);
		textEn = Texts.clean(textEn);
		source = Texts.clean(source);
		note = Texts.clean(note);
	}

	/** The broken rules as message keys; empty when the correction may be saved. */
	public List<String> problems(FrameworkItem item) {
		List<String> problems = new ArrayList<>();
		if (textVi == null || textEn == null) {
			problems.add("levels.problem.text-required");
		}
		else if (textVi.length() > 2000 || textEn.length() > 2000) {
			problems.add("levels.problem.text-too-long");
		}
		if (source == null) {
			problems.add("levels.problem.source-required");
		}
		else if (source.length() > 1000) {
			problems.add("levels.problem.text-too-long");
		}
		if (item.amount() != null && (amount == null || amount < 1 || amount > 3650)) {
			problems.add("levels.problem.amount");
		}
		if (note != null && note.length() > 1000) {
			problems.add("levels.problem.text-too-long");
		}
		return problems;
	}

}
