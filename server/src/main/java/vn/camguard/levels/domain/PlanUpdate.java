package vn.camguard.levels.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the operating unit records for one requirement of its plan. */
public record PlanUpdate(PlanStatus status, String notApplicableReason, String owner, LocalDate dueOn,
		String evidenceLink) {

	public PlanUpdate {
		notApplicableReason = Texts.clean(notApplicableReason);
		owner = Texts.clean(owner);
		evidenceLink = Texts.clean(evidenceLink);
	}

	/** The broken rules as message keys; empty when it may be saved. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (status == null) {
			problems.add("levels.problem.plan-status");
		}
		if (status == PlanStatus.NOT_APPLICABLE && notApplicableReason == null) {
			problems.add("levels.problem.plan-reason");
		}
		if ((notApplicableReason != null && notApplicableReason.length() > 2000) || (owner != null && owner.length() > 200)) {
			problems.add("levels.problem.text-too-long");
		}
		if (evidenceLink != null && !webAddress(evidenceLink)) {
			problems.add("levels.problem.plan-link");
		}
		return problems;
	}

	/** Only http and https links are kept: a javascript: or data: address must never become a link. */
	private static boolean webAddress(String link) {
		if (link.length() > 1000) {
			return false;
		}
		try {
			URI uri = new URI(link);
			return uri.getScheme() != null
					&& (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException notAnAddress) {
			return false;
		}
	}

}
