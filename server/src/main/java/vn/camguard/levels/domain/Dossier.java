package vn.camguard.levels.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A level-proposal dossier (hồ sơ đề xuất cấp độ) of an information system.
 *
 * @param id database id
 * @param systemId the information system
 * @param unitId the system's unit when the dossier was opened
 * @param determinationId the determination whose level it proposes
 * @param frameworkVersionId the framework version it was filed under, kept for its whole life
 * @param level the proposed (and, once approved, the approved) level
 * @param status where it stands
 * @param relevelOfId the approved dossier a re-levelling replaces, null for a first determination
 * @param relevelReason what changed in the system, required for a re-levelling
 * @param stepStartedOn the day the legal clock of the current step started, null when none runs
 * @param stepDueOn the legal deadline of the current step, null when the framework sets none
 * @param decision the approval decision, null until approved
 * @param createdBy who opened it
 * @param createdAt when
 * @param updatedAt last transition
 */
public record Dossier(long id, long systemId, long unitId, long determinationId, long frameworkVersionId, int level,
		DossierStatus status, Long relevelOfId, String relevelReason, LocalDate stepStartedOn, LocalDate stepDueOn,
		Decision decision, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	/** The approval decision (quyết định phê duyệt). */
	public record Decision(String number, LocalDate date, String signer) {
	}

	public boolean relevelling() {
		return relevelOfId != null;
	}

}
