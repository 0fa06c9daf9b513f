package vn.camguard.levels.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The state of one requirement in the plan of an approved dossier.
 *
 * @param evidenceLink an http(s) address of the evidence, or null
 * @param evidence a document kept as evidence, or null
 */
public record PlanItemState(long dossierId, String itemKey, PlanStatus status, String notApplicableReason,
		String owner, LocalDate dueOn, String evidenceLink, Evidence evidence, String updatedBy,
		OffsetDateTime updatedAt) {

	/** A document kept outside the database like a dossier file. */
	public record Evidence(String fileName, AttachmentType type, long size, String sha256, String storageKey) {
	}

	/** The state of an item nobody has touched. */
	public static PlanItemState notStarted(long dossierId, String itemKey) {
		return new PlanItemState(dossierId, itemKey, PlanStatus.NOT_STARTED, null, null, null, null, null, null, null);
	}

}
