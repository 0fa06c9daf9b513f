package vn.camguard.levels.domain;

/** Which of the competent bodies a framework names for a level acts on a dossier. */
public enum DossierBody {

	/** Prepares, submits, resubmits and withdraws (the framework's PREPARER). */
	PREPARER,
	/** Checks completeness, appraises, returns (the framework's APPRAISER). */
	APPRAISER,
	/** Approves or returns an appraised dossier (the framework's APPROVER). */
	APPROVER

}
