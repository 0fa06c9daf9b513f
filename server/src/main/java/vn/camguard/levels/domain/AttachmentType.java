package vn.camguard.levels.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The file types a dossier accepts, each recognised by its content: the leading bytes of PDF, PNG
 * and JPEG, and for Word and Excel documents the parts of the Office Open XML package inside the zip
 * (read from the zip's central directory by the JDK, nothing is unpacked). What the file name or the
 * browser claims is never asked. Macro-carrying packages (vbaProject.bin) are not accepted.
 */
public enum AttachmentType {

	PDF("application/pdf", "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	PNG("image/png", "png"),
	JPEG("image/jpeg", "jpg");

	/** More entries than any real document has; a zip past it is not looked into. */
	private static final int MAX_ZIP_ENTRIES = 20_000;

	private static final byte[] PDF_START = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] PNG_START = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG_START = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private static final byte[] ZIP_START = { 'P', 'K', 3, 4 };

	private final String mediaType;

	private final String extension;

	AttachmentType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	/** The type the file's content shows, or empty when it is none of the accepted ones. */
	public static Optional<AttachmentType> of(Path file) throws IOException {
		byte[] start = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(start, 0, start.length);
		}
		byte[] head = Arrays.copyOf(start, read);
		if (startsWith(head, PDF_START)) {
			return Optional.of(PDF);
		}
		if (startsWith(head, PNG_START)) {
			return Optional.of(PNG);
		}
		if (startsWith(head, JPEG_START)) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, ZIP_START)) {
			return officeDocument(file);
		}
		return Optional.empty();
	}

	private static Optional<AttachmentType> officeDocument(Path file) throws IOException {
		Set<String> names = new HashSet<>();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > MAX_ZIP_ENTRIES) {
				return Optional.empty();
			}
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				names.add(entries.nextElement().getName());
			}
		}
		catch (ZipException notAZip) {
			return Optional.empty();
		}
		if (!names.contains("[Content_Types].xml") || names.stream().anyMatch(n -> n.endsWith("vbaProject.bin"))) {
			return Optional.empty();
		}
		if (names.contains("word/document.xml")) {
			return Optional.of(DOCX);
		}
		if (names.contains("xl/workbook.xml")) {
			return Optional.of(XLSX);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] head, byte[] signature) {
		return head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
	}

}
