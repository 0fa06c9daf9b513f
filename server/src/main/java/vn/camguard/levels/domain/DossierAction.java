package vn.camguard.levels.domain;

import java.util.Set;

/**
 * A step of the dossier workflow: the statuses it starts from, the status it leads to and the body
 * that takes it. APPROVE also starts from UNDER_APPRAISAL when the framework names one body to both
 * appraise and approve (levels 1 and 2 under Decree 85): that body needs no separate appraisal step.
 */
public enum DossierAction {

	SUBMIT(DossierBody.PREPARER, DossierStatus.SUBMITTED, DossierStatus.DRAFT),
	RESUBMIT(DossierBody.PREPARER, DossierStatus.SUBMITTED, DossierStatus.RETURNED),
	WITHDRAW(DossierBody.PREPARER, DossierStatus.WITHDRAWN, DossierStatus.DRAFT, DossierStatus.SUBMITTED,
			DossierStatus.UNDER_APPRAISAL, DossierStatus.APPRAISED, DossierStatus.RETURNED),
	/** The appraising body received the dossier complete: the appraisal clock starts. */
	RECEIVE(DossierBody.APPRAISER, DossierStatus.UNDER_APPRAISAL, DossierStatus.SUBMITTED),
	APPRAISE(DossierBody.APPRAISER, DossierStatus.APPRAISED, DossierStatus.UNDER_APPRAISAL),
	RETURN(DossierBody.APPRAISER, DossierStatus.RETURNED, DossierStatus.SUBMITTED, DossierStatus.UNDER_APPRAISAL),
	/** The approving body sends an appraised dossier back. */
	REJECT(DossierBody.APPROVER, DossierStatus.RETURNED, DossierStatus.APPRAISED),
	APPROVE(DossierBody.APPROVER, DossierStatus.APPROVED, DossierStatus.APPRAISED);

	private final DossierBody body;

	private final DossierStatus to;

	private final Set<DossierStatus> from;

	DossierAction(DossierBody body, DossierStatus to, DossierStatus... from) {
		this.body = body;
		this.to = to;
		this.from = Set.of(from);
	}

	public DossierBody body() {
		return body;
	}

	public DossierStatus to() {
		return to;
	}

	/**
	 * Whether the action may start from the status.
	 *
	 * @param oneBodyAppraisesAndApproves the framework names the same body for both at this level
	 */
	public boolean startsFrom(DossierStatus status, boolean oneBodyAppraisesAndApproves) {
		return from.contains(status)
				|| (this == APPROVE && oneBodyAppraisesAndApproves && status == DossierStatus.UNDER_APPRAISAL);
	}

	/** Whether the action needs a comment in words (a return says what to fix, a withdrawal why). */
	public boolean needsComment() {
		return this == RETURN || this == REJECT || this == WITHDRAW;
	}

}
