package vn.camguard.levels.domain;

/**
 * How much of one or more plans is done: requirements done out of those that apply (items marked not
 * applicable are left out of both).
 */
public record PlanProgress(int applicable, int done) {

	public static final PlanProgress NONE = new PlanProgress(0, 0);

	public PlanProgress plus(PlanProgress other) {
		return new PlanProgress(applicable + other.applicable, done + other.done);
	}

	/** Whole percent, rounded down (so 100 means all done); null when nothing applies. */
	public Integer percent() {
		return applicable == 0 ? null : (int) (100L * done / applicable);
	}

}
