package vn.camguard.notices.application;

import java.util.List;

/** What an import did: every row saved, or nothing saved and every problem listed (up to a bound). */
public record MappingReport(String fileName, int rows, int saved, List<MappingProblem> problems, int problemsOmitted) {

	public MappingReport {
		problems = List.copyOf(problems);
	}

	public boolean accepted() {
		return problems.isEmpty() && problemsOmitted == 0;
	}

}
