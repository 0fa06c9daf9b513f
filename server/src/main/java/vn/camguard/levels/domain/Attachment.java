package vn.camguard.levels.domain;

import java.time.OffsetDateTime;

/**
 * A file of one dossier part. The bytes are stored outside the database under {@code storageKey}.
 *
 * @param partKey the framework's DOSSIER_PART item key
 * @param fileName the name to download it under (its extension is the detected type's)
 * @param type the type found in the content
 * @param sha256 lower-case hex SHA-256 of the bytes, checked on every download
 */
public record Attachment(long id, long dossierId, String partKey, String fileName, AttachmentType type, long size,
		String sha256, String storageKey, String uploadedBy, OffsetDateTime uploadedAt) {
}
