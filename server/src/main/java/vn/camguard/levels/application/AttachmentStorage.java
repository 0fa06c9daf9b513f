package vn.camguard.levels.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import vn.camguard.levels.domain.AttachmentType;
import vn.camguard.levels.domain.LevelRuleViolation;

/**
 * Dossier files on disk, outside the database: under {@code camguard.levels.attachments.directory}
 * (default data/dossier-attachments next to the default database), each under a random name that says
 * nothing about the dossier, with its SHA-256 recorded so a changed or damaged file is never served.
 * A file larger than {@code camguard.levels.attachments.max-size} (default 20MB) is refused while it
 * is read.
 */
@Component
public class AttachmentStorage {

	private final Path directory;

	private final long maxBytes;

	public AttachmentStorage(@Value("${camguard.levels.attachments.directory:data/dossier-attachments}") Path directory,
			@Value("${camguard.levels.attachments.max-size:20MB}") DataSize maxSize) {
		this.directory = directory.toAbsolutePath().normalize();
		this.maxBytes = maxSize.toBytes();
	}

	long maxBytes() {
		return maxBytes;
	}

	/** A file written and recognised, not yet recorded. */
	public record Stored(String storageKey, AttachmentType type, long size, String sha256) {
	}

	/**
	 * Writes the upload under a new name, or refuses it (too large, empty, or of no accepted type by its
	 * content) leaving nothing behind.
	 */
	public Stored store(InputStream upload) {
		try {
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, "upload-", ".part");
			try {
				MessageDigest sha256 = sha256();
				long size;
				try (InputStream in = new DigestInputStream(upload, sha256);
						OutputStream out = Files.newOutputStream(temporary)) {
					size = copyAtMost(in, out, maxBytes);
				}
				if (size > maxBytes) {
					throw new LevelRuleViolation(List.of("levels.problem.attachment-too-large"));
				}
				if (size == 0) {
					throw new LevelRuleViolation(List.of("levels.problem.attachment-empty"));
				}
				Optional<AttachmentType> type = AttachmentType.of(temporary);
				if (type.isEmpty()) {
					throw new LevelRuleViolation(List.of("levels.problem.attachment-type"));
				}
				String key = UUID.randomUUID().toString();
				Path target = path(key);
				Files.createDirectories(target.getParent());
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
				return new Stored(key, type.get(), size, HexFormat.of().formatHex(sha256.digest()));
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file's bytes, only if they still have the recorded checksum. */
	public byte[] read(String storageKey, String expectedSha256) {
		try {
			byte[] bytes = Files.readAllBytes(path(storageKey));
			String actual = HexFormat.of().formatHex(sha256().digest(bytes));
			if (!MessageDigest.isEqual(actual.getBytes(), expectedSha256.getBytes())) {
				throw new AttachmentDamaged(storageKey);
			}
			return bytes;
		}
		catch (java.nio.file.NoSuchFileException gone) {
			throw new AttachmentDamaged(storageKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes a file whose record could not be written. */
	void discard(String storageKey) {
		try {
			Files.deleteIfExists(path(storageKey));
		}
		catch (IOException ignored) {
			// an orphan file is harmless: nothing refers to it
		}
	}

	public Path path(String storageKey) {
		// a UUID only, so it can never climb out of the directory
		UUID.fromString(storageKey);
		return directory.resolve(storageKey.substring(0, 2)).resolve(storageKey);
	}

	/** Copies up to limit + 1 bytes and answers how many; more than limit means too large. */
	private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) > 0) {
			total += n;
			if (total > limit) {
				return total;
			}
			out.write(buffer, 0, n);
		}
		return total;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
