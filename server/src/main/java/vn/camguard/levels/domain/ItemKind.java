package vn.camguard.levels.domain;

/** What an item of a framework version is. */
public enum ItemKind {

	/** A question of the level wizard, with its possible answers. */
	QUESTION,
	/** A row of the decision table: the answers it needs and the level (or range) it gives. */
	RULE,
	/** A part of the level-proposal dossier (hồ sơ đề xuất cấp độ). */
	DOSSIER_PART,
	/** Who prepares the dossier, per level. */
	PREPARER,
	/** Who appraises (thẩm định), per level. */
	APPRAISER,
	/** Who approves (phê duyệt), per level. */
	APPROVER,
	/** A legal time limit, in days or working days. */
	TIME_LIMIT,
	/** How often a system of a level is assessed, in months. */
	ASSESSMENT_INTERVAL,
	/** A transition rule between frameworks. */
	TRANSITION,
	/**
	 * A requirement of the security plan for the level (phương án bảo đảm an toàn theo cấp độ), keyed by
	 * the standard's clause, e.g. TCVN 11930:2017 §5.1.1.
	 */
	REQUIREMENT

}
