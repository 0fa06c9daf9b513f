package vn.camguard.levels.domain;

/** How far one requirement of a security plan is. */
public enum PlanStatus {

	NOT_STARTED, IN_PROGRESS, DONE,
	/** Does not apply to this system; the reason is required. */
	NOT_APPLICABLE

}
