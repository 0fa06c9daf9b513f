package vn.camguard.levels.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One version of a level framework (e.g. Decree 85/2016 version 2). Never changed once written; a
 * correction writes the next version.
 *
 * @param id database id
 * @param code the framework, e.g. ND85_2016, ND331_2026
 * @param version 1, 2, ... inside the code
 * @param name the legal instruments it bundles
 * @param legalBasis the instruments in one line
 * @param validFrom first day it applies
 * @param validUntil first day it no longer applies to new dossiers, null when open
 * @param transitionUntil first day dossiers already under way may no longer finish under it, or null
 * @param validityVerified whether the dates were checked against the official texts
 * @param validitySource where the dates come from
 * @param basedOnId the version it was copied from, null for a seeded one
 * @param changeNote why this version was made
 * @param createdBy who made it
 * @param createdAt when
 * @param current whether it is the newest version of its code (only those are offered to the wizard)
 */
public record FrameworkVersion(long id, String code, int version, LocalizedText name, String legalBasis,
		LocalDate validFrom, LocalDate validUntil, LocalDate transitionUntil, boolean validityVerified,
		String validitySource, Long basedOnId, String changeNote, String createdBy, OffsetDateTime createdAt,
		boolean current) {

	/** Whether new dossiers may use it on the day (transition days included). */
	public boolean appliesOn(LocalDate day) {
		LocalDate end = transitionUntil != null ? transitionUntil : validUntil;
		return !day.isBefore(validFrom) && (end == null || day.isBefore(end));
	}

	/** Whether the day falls in the transition only (for systems already under way). */
	public boolean inTransitionOn(LocalDate day) {
		return validUntil != null && !day.isBefore(validUntil) && appliesOn(day);
	}

}
