package vn.camguard.levels.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A unit's internal security regulation (quy chế bảo đảm an toàn thông tin mạng) as recorded: the
 * document (kept like dossier files), its number and date, and whether it requires surveillance cameras
 * to be used securely (Directive 23 §1đ), with the clause that says so. The newest record of a unit is the
 * one in force.
 */
public record UnitRegulation(long id, long unitId, String documentNumber, LocalDate issuedOn, boolean coversCameras,
		String cameraClause, String fileName, AttachmentType type, long size, String sha256, String storageKey,
		String recordedBy, OffsetDateTime recordedAt) {
}
