package vn.camguard.levels.application;

/** A dossier attachment or a plan's evidence document, read back and checked against its checksum, to send. */
public record StoredFile(String fileName, String mediaType, byte[] content) {
}
