package vn.camguard.levels.domain;

import java.util.Set;

/** Where a level-proposal dossier stands. */
public enum DossierStatus {

	/** Being prepared by the operating unit. */
	DRAFT,
	/** Sent; the appraising body checks it is complete. */
	SUBMITTED,
	/** Received complete; the appraisal clock runs. */
	UNDER_APPRAISAL,
	/** Appraised; waits for the approving body's decision. */
	APPRAISED,
	/** Sent back with comments; the operating unit fixes and resubmits. */
	RETURNED,
	/** Approved by a decision (number, date, signer): the system's level. */
	APPROVED,
	/** Withdrawn by the operating unit. */
	WITHDRAWN,
	/** Was approved; a later re-levelling of the same system was approved. */
	SUPERSEDED;

	/** Statuses of a dossier still under way: a system has at most one. */
	public static final Set<DossierStatus> OPEN = Set.of(DRAFT, SUBMITTED, UNDER_APPRAISAL, APPRAISED, RETURNED);

	/** Statuses in which the appraising or approving side has to act. */
	public static final Set<DossierStatus> AWAITING_AUTHORITY = Set.of(SUBMITTED, UNDER_APPRAISAL, APPRAISED);

	/** Whether the operating unit may change its files. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
