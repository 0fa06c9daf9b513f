package vn.camguard.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.camguard.levels.application.AttachmentDamaged;
import vn.camguard.levels.application.AttachmentStorage;
import vn.camguard.levels.domain.AttachmentType;
import vn.camguard.levels.domain.LevelRuleViolation;

/**
 * Dossier files on disk: each accepted type is recognised by its content whatever it is called, other
 * content (HTML, a macro document, a plain zip, an old binary) and oversized or empty files are refused
 * leaving nothing behind, and a stored file is read only while it has its recorded SHA-256.
 */
class AttachmentStorageTests {

	@TempDir
	Path directory;

	private AttachmentStorage storage(long maxBytes) {
		return new AttachmentStorage(directory, DataSize.ofBytes(maxBytes));
	}

	@Test
	void eachAcceptedTypeIsRecognisedByItsContent() {
		AttachmentStorage storage = storage(1_000_000);
		assertThat(storage.store(in(DossierFiles.PDF)).type()).isEqualTo(AttachmentType.PDF);
		assertThat(storage.store(in(DossierFiles.docx())).type()).isEqualTo(AttachmentType.DOCX);
		assertThat(storage.store(in(DossierFiles.xlsx())).type()).isEqualTo(AttachmentType.XLSX);
		assertThat(storage.store(in(DossierFiles.png())).type()).isEqualTo(AttachmentType.PNG);
		assertThat(storage.store(in(DossierFiles.jpeg())).type()).isEqualTo(AttachmentType.JPEG);
	}

	@Test
	void otherContentIsRefusedAndLeavesNoFile() throws Exception {
		AttachmentStorage storage = storage(1_000_000);
		byte[] oldWordDocument = HexFormat.of().parseHex("d0cf11e0a1b11ae1" + "00".repeat(32));
		for (byte[] content : new byte[][] { DossierFiles.HTML, DossierFiles.docWithMacros(), DossierFiles.plainZip(),
				oldWordDocument, "PK\u0003\u0004 not really a zip".getBytes() }) {
			assertThatThrownBy(() -> storage.store(in(content))).isInstanceOfSatisfying(LevelRuleViolation.class,
					v -> assertThat(v.problems()).containsExactly("levels.problem.attachment-type"));
		}
		assertThatThrownBy(() -> storage.store(in(new byte[0]))).isInstanceOf(LevelRuleViolation.class);
		try (var files = Files.walk(directory)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void aFileOverTheLimitIsRefused() throws Exception {
		AttachmentStorage storage = storage(DossierFiles.PDF.length - 1);
		assertThatThrownBy(() -> storage.store(in(DossierFiles.PDF))).isInstanceOfSatisfying(LevelRuleViolation.class,
				v -> assertThat(v.problems()).containsExactly("levels.problem.attachment-too-large"));
		assertThat(storage(DossierFiles.PDF.length).store(in(DossierFiles.PDF)).size()).isEqualTo(DossierFiles.PDF.length);
	}

	@Test
	void aStoredFileIsReadOnlyWithItsChecksum() throws Exception {
		AttachmentStorage storage = storage(1_000_000);
		AttachmentStorage.Stored stored = storage.store(in(DossierFiles.PDF));
		assertThat(stored.sha256()).isEqualTo(HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(DossierFiles.PDF)));
		assertThat(storage.read(stored.storageKey(), stored.sha256())).isEqualTo(DossierFiles.PDF);
		Files.write(storage.path(stored.storageKey()), DossierFiles.HTML);
		assertThatThrownBy(() -> storage.read(stored.storageKey(), stored.sha256())).isInstanceOf(AttachmentDamaged.class);
		Files.delete(storage.path(stored.storageKey()));
		assertThatThrownBy(() -> storage.read(stored.storageKey(), stored.sha256())).isInstanceOf(AttachmentDamaged.class);
		assertThatThrownBy(() -> storage.path("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}

	private static ByteArrayInputStream in(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

}
