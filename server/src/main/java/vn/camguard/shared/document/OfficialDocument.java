package vn.camguard.shared.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.librepdf.openpdf.fonts.Liberation;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A Vietnamese administrative document (văn bản hành chính, layout of Decree 30/2020/ND-CP) as PDF: issuing body and
 * number on the left, the national motto and place and date on the right, the title, the addressee, body paragraphs
 * and tables, then the recipients (Nơi nhận) and the signature block. Liberation Serif, metric-compatible with Times
 * New Roman and covering Vietnamese, is embedded. Every string is laid out as plain text: nothing in it is read as
 * markup, and control characters (which a device may send) are shown as spaces.
 *
 * @param parentAuthority the body above the issuer (first header line), or null
 * @param issuingUnit the issuer, printed in capitals
 * @param number the whole number line, e.g. {@code Số: 12/TB-VNPT}
 * @param subject the excerpt under the number (e.g. {@code V/v ...}), or null
 * @param placeAndDate the whole line, e.g. from {@link #placeAndDate(String, LocalDate)}
 * @param title e.g. THÔNG BÁO, printed in capitals
 * @param titleExcerpt the line under the title, or null
 * @param addressee e.g. {@code Kính gửi: Ông Nguyễn Văn An}, or null
 * @param body paragraphs and tables in order
 * @param recipientsHeading e.g. {@code Nơi nhận:}
 * @param recipients one line each
 * @param signature the signature block
 */
public record OfficialDocument(String parentAuthority, String issuingUnit, String number, String subject,
		String placeAndDate, String title, String titleExcerpt, String addressee, List<Block> body,
		String recipientsHeading, List<String> recipients, Signature signature) {

	public static final String MOTTO_STATE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

	public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}&&[^\\n]]");

	private static final float MM = 72f / 25.4f;

	public OfficialDocument {
		body = List.copyOf(body);
		recipients = List.copyOf(recipients);
	}

	/** A part of the body. */
	public sealed interface Block permits Text, Table {
	}

	/** A paragraph; line breaks in it are kept. */
	public record Text(String text, boolean bold) implements Block {

		public Text(String text) {
			this(text, false);
		}

	}

	/** A table with a header row; widths are relative. */
	public record Table(List<String> headers, List<List<String>> rows, float[] widths) implements Block {

		public Table {
			headers = List.copyOf(headers);
			rows = rows.stream().map(row -> row.stream().map(c -> c == null ? "" : c).toList()).toList();
		}

	}

	/**
	 * The signature block.
	 *
	 * @param authority e.g. {@code KT. GIÁM ĐỐC} or {@code TM. CÔNG TY}, or null
	 * @param position e.g. {@code PHÓ GIÁM ĐỐC}
	 * @param signer the name, or null to leave it to the hand that signs
	 */
	public record Signature(String authority, String position, String signer) {
	}

	/** {@code Thái Nguyên, ngày 05 tháng 12 năm 2026}: days and months below 10 written with a zero, as the rules ask for days 1-9 and months 1-2. */
	public static String placeAndDate(String place, LocalDate date) {
		return String.format("%s, ngày %02d tháng %02d năm %d", place, date.getDayOfMonth(), date.getMonthValue(),
				date.getYear());
	}

	/** The document as PDF, written to {@code out} (which stays open). */
	public void writePdf(OutputStream out) {
		try {
			Fonts fonts = new Fonts();
			Document document = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
			PdfWriter.getInstance(document, new NonClosing(out));
			document.addTitle(text(title));
			document.addCreator("CamGuard");
			document.open();
			document.add(header(fonts));
			Paragraph heading = paragraph(title.toUpperCase(java.util.Locale.ROOT), fonts.bold(14), Element.ALIGN_CENTER);
			heading.setSpacingBefore(18);
			document.add(heading);
			if (titleExcerpt != null) {
				document.add(paragraph(titleExcerpt, fonts.bold(14), Element.ALIGN_CENTER));
			}
			if (addressee != null) {
				Paragraph to = paragraph(addressee, fonts.regular(14), Element.ALIGN_CENTER);
				to.setSpacingBefore(12);
				to.setSpacingAfter(6);
				document.add(to);
			}
			for (Block block : body) {
				switch (block) {
					case Text t -> {
						Paragraph p = paragraph(t.text(), t.bold() ? fonts.bold(14) : fonts.regular(14),
								Element.ALIGN_JUSTIFIED);
						p.setFirstLineIndent(10 * MM);
						p.setSpacingBefore(6);
						document.add(p);
					}
					case Table t -> document.add(table(t, fonts));
				}
			}
			document.add(closing(fonts));
			document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The document as PDF bytes. */
	public byte[] toPdf() {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		writePdf(out);
		return out.toByteArray();
	}

	private PdfPTable header(Fonts fonts) {
		PdfPTable header = new PdfPTable(new float[] { 42, 58 });
		header.setWidthPercentage(100);
		PdfPCell left = cell();
		if (parentAuthority != null) {
			left.addElement(paragraph(parentAuthority.toUpperCase(java.util.Locale.ROOT), fonts.regular(12.5f),
					Element.ALIGN_CENTER));
		}
		left.addElement(paragraph(issuingUnit.toUpperCase(java.util.Locale.ROOT), fonts.bold(12.5f),
				Element.ALIGN_CENTER));
		left.addElement(paragraph("―――――", fonts.regular(8), Element.ALIGN_CENTER));
		left.addElement(paragraph(number, fonts.regular(13), Element.ALIGN_CENTER));
		if (subject != null) {
			left.addElement(paragraph(subject, fonts.regular(12), Element.ALIGN_CENTER));
		}
		PdfPCell right = cell();
		right.addElement(paragraph(MOTTO_STATE, fonts.bold(12.5f), Element.ALIGN_CENTER));
		Font motto = fonts.bold(13.5f);
		Paragraph mottoLine = new Paragraph();
		mottoLine.setAlignment(Element.ALIGN_CENTER);
		Chunk underlined = new Chunk(MOTTO, motto);
		underlined.setUnderline(0.6f, -2.5f);
		mottoLine.add(underlined);
		right.addElement(mottoLine);
		Paragraph date = paragraph(placeAndDate, fonts.italic(13.5f), Element.ALIGN_CENTER);
		date.setSpacingBefore(10);
		right.addElement(date);
		header.addCell(left);
		header.addCell(right);
		return header;
	}

	private PdfPTable table(Table t, Fonts fonts) {
		PdfPTable table = new PdfPTable(t.widths() != null && t.widths().length == t.headers().size() ? t.widths()
				: evenWidths(t.headers().size()));
		table.setWidthPercentage(100);
		table.setSpacingBefore(8);
		table.setSpacingAfter(4);
		table.setHeaderRows(1);
		for (String heading : t.headers()) {
			PdfPCell cell = new PdfPCell(new Phrase(text(heading), fonts.bold(11.5f)));
			cell.setHorizontalAlignment(Element.ALIGN_CENTER);
			cell.setPadding(3);
			table.addCell(cell);
		}
		for (List<String> row : t.rows()) {
			for (int c = 0; c < t.headers().size(); c++) {
				PdfPCell cell = new PdfPCell(new Phrase(c < row.size() ? text(row.get(c)) : "", fonts.regular(11.5f)));
				cell.setPadding(3);
				table.addCell(cell);
			}
		}
		return table;
	}

	private PdfPTable closing(Fonts fonts) {
		PdfPTable closing = new PdfPTable(new float[] { 45, 55 });
		closing.setWidthPercentage(100);
		closing.setSpacingBefore(18);
		closing.setKeepTogether(true);
		PdfPCell left = cell();
		Paragraph heading = paragraph(recipientsHeading, fonts.boldItalic(12), Element.ALIGN_LEFT);
		left.addElement(heading);
		for (String recipient : recipients) {
			left.addElement(paragraph(recipient, fonts.regular(11), Element.ALIGN_LEFT));
		}
		PdfPCell right = cell();
		if (signature.authority() != null) {
			right.addElement(paragraph(signature.authority(), fonts.bold(14), Element.ALIGN_CENTER));
		}
		right.addElement(paragraph(signature.position(), fonts.bold(14), Element.ALIGN_CENTER));
		Paragraph name = paragraph(signature.signer() == null ? " " : signature.signer(), fonts.bold(14),
				Element.ALIGN_CENTER);
		name.setSpacingBefore(60);
		right.addElement(name);
		closing.addCell(left);
		closing.addCell(right);
		return closing;
	}

	private static PdfPCell cell() {
		PdfPCell cell = new PdfPCell();
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(0);
		return cell;
	}

	private static Paragraph paragraph(String value, Font font, int alignment) {
		Paragraph paragraph = new Paragraph(new Chunk(text(value), font));
		paragraph.setAlignment(alignment);
		paragraph.setLeading(font.getSize() * 1.25f);
		return paragraph;
	}

	/** The value as text to lay out: no control characters but line breaks. */
	static String text(String value) {
		return value == null ? "" : CONTROL.matcher(value.replace("\r\n", "\n")).replaceAll(" ");
	}

	private static float[] evenWidths(int columns) {
		float[] widths = new float[columns];
		java.util.Arrays.fill(widths, 1f);
		return widths;
	}

	/** The four faces of Liberation Serif, loaded once per document. */
	private static final class Fonts {

		private final BaseFont regular = Liberation.SERIF.create().getBaseFont();

		private final BaseFont bold = Liberation.SERIF_BOLD.create().getBaseFont();

		private final BaseFont italic = Liberation.SERIF_ITALIC.create().getBaseFont();

		private final BaseFont boldItalic = Liberation.SERIF_BOLDITALIC.create().getBaseFont();

		Fonts() throws IOException {
		}

		Font regular(float size) {
			return new Font(regular, size);
		}

		Font bold(float size) {
			return new Font(bold, size);
		}

		Font italic(float size) {
			return new Font(italic, size);
		}

		Font boldItalic(float size) {
			return new Font(boldItalic, size);
		}

	}

	/** Lets the PDF writer close its stream without closing the caller's (a servlet response). */
	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
