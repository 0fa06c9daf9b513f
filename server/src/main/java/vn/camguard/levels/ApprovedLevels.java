package vn.camguard.levels;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The approved security level of information systems: what plans, assessments and schedules read.
 * Only an approved dossier gives a level (a determination or a dossier under way does not); after a
 * re-levelling is approved, the new level. It answers facts without checking the caller, so that jobs
 * without a signed-in user can ask; a feature showing the answer checks its own scope first.
 */
public interface ApprovedLevels {

	/** The approved level of the system, if it has one. */
	Optional<ApprovedLevel> of(long systemId);

	/** The approved levels of those systems that have one, by system id. */
	Map<Long, ApprovedLevel> of(Collection<Long> systemIds);

	/**
	 * How often a system at this level is assessed, as the level's framework data says (the newest
	 * version of the framework it was approved under, so a province's correction applies); empty when
	 * the data sets no interval for the level (Decree 85 sets none for levels 1 and 2).
	 */
	Optional<Period> assessmentInterval(ApprovedLevel level);

	/**
	 * An approved level.
	 *
	 * @param systemId the information system
	 * @param level 1 to 5
	 * @param frameworkCode the framework it was approved under, e.g. ND85_2016
	 * @param frameworkVersionId the exact framework version (its requirement catalogue and intervals)
	 * @param dossierId the approved dossier
	 * @param decisionNumber the approval decision's number
	 * @param decisionDate its date
	 */
	record ApprovedLevel(long systemId, int level, String frameworkCode, long frameworkVersionId, long dossierId,
			String decisionNumber, LocalDate decisionDate) {
	}

}
