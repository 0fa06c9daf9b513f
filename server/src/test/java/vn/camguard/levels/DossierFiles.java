package vn.camguard.levels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Real files of each accepted type, and files that only pretend to be one, for the dossier tests. */
final class DossierFiles {

	/** A one-page PDF with no content stream (readers open it). */
	static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
			+ "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
			+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
			+ "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

	/** An HTML page with a script: what a ".pdf" upload must not smuggle in. */
	static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
		.getBytes(StandardCharsets.UTF_8);

	private DossierFiles() {
	}

	static byte[] png() {
		return image("png");
	}

	static byte[] jpeg() {
		return image("jpeg");
	}

	/** A Word document: the smallest Office Open XML package Word opens. */
	static byte[] docx() {
		return zip(Map.of("[Content_Types].xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
				<Default Extension="xml" ContentType="application/xml"/>
				<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
				</Types>""", "_rels/.rels", """
				<?xml version="1.0" encoding="UTF-8"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
				</Relationships>""", "word/document.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
				<w:body><w:p><w:r><w:t>Thuyết minh đề xuất cấp độ</w:t></w:r></w:p></w:body></w:document>"""));
	}

	/** A Word document carrying macros (what .docm is): refused. */
	static byte[] docWithMacros() {
		return zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>", "word/vbaProject.bin",
				"macro"));
	}

	/** A zip that is no Office document. */
	static byte[] plainZip() {
		return zip(Map.of("readme.txt", "hello"));
	}

	/** An Excel workbook written by fastexcel. */
	static byte[] xlsx() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "CamGuard", "1.0");
			Worksheet sheet = workbook.newWorksheet("Thiết bị");
			sheet.value(0, 0, "Camera");
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] zip(Map<String, String> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
