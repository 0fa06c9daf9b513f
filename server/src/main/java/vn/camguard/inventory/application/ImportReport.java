package vn.camguard.inventory.application;

import java.util.List;

/**
 * The answer to an import: either every row was saved ({@code problems} empty) or nothing was.
 *
 * @param fileName the uploaded file's name (as given by the client, shown back only as text)
 * @param rows data rows read (the header excluded)
 * @param created number of devices created (0 when refused)
 * @param idRanges ids of the created devices as ranges, e.g. "101-200,205"
 * @param problems every problem found (at most {@link DeviceImport#MAX_PROBLEMS})
 * @param problemsOmitted problems found beyond that cap, not listed
 * @param batchId the import batch the created devices belong to (to roll it back), null when refused
 */
public record ImportReport(String fileName, int rows, int created, String idRanges, List<ImportProblem> problems,
		int problemsOmitted, Long batchId) {

	public ImportReport {
		problems = List.copyOf(problems);
	}

	public boolean accepted() {
		return problems.isEmpty() && problemsOmitted == 0;
	}

}
