package vn.camguard.levels.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;

/** Turns problem keys ("key" or "key:question") into sentences in the caller's language. */
final class ProblemTexts {

	private ProblemTexts() {
	}

	static List<String> of(List<String> problems, MessageSource messages, Locale locale, Framework framework) {
		return problems.stream().map(problem -> {
			int colon = problem.indexOf(':');
			String key = colon < 0 ? problem : problem.substring(0, colon);
			String subject = colon < 0 ? "" : problem.substring(colon + 1);
			if (framework != null && !subject.isEmpty()) {
				subject = framework.item(subject).map(FrameworkItem::text).map(t -> t.in(locale)).orElse(subject);
			}
			return messages.getMessage(key, new Object[] { subject }, key, locale);
		}).distinct().toList();
	}

}
