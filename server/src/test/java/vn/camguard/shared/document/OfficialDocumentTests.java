package vn.camguard.shared.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The official-document layout read back by a second PDF library: motto, issuer, number, place and date, title,
 * addressee, body and table, recipients and signature, all in Vietnamese with embedded fonts on A4; markup and
 * control characters from a device come out as the text they are.
 */
class OfficialDocumentTests {

	@Test
	void everyPartOfTheLayoutReadsBackAsVietnameseText() throws IOException {
		OfficialDocument document = new OfficialDocument("UBND tỉnh Thái Nguyên", "Sở Khoa học và Công nghệ",
				"Số: 113/SKHCN-ATTT", "V/v camera giám sát không bảo đảm an toàn thông tin mạng",
				OfficialDocument.placeAndDate("Thái Nguyên", LocalDate.of(2026, 1, 5)), "Báo cáo",
				"Kết quả rà quét camera tháng 12/2026", "Kính gửi: Bộ Công an",
				List.of(new OfficialDocument.Text("Thực hiện Chỉ thị số 23/CT-TTg ngày 26/12/2022 của Thủ tướng Chính phủ."),
						new OfficialDocument.Table(List.of("STT", "Thiết bị", "Điểm yếu"),
								List.of(List.of("1", "<b>Camera cổng</b>", "=HYPERLINK(\"http://x\")\u0007\u001b[31m"),
										List.of("2", "Đầu ghi hình", "Mật khẩu mặc định")),
								new float[] { 1, 4, 5 })),
				"Nơi nhận:", List.of("- Như trên;", "- Lưu: VT, ATTT."),
				new OfficialDocument.Signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Quang Tiến"));
		byte[] pdf = document.toPdf();
		try (PDDocument read = Loader.loadPDF(pdf)) {
			PDRectangle size = read.getPage(0).getMediaBox();
			assertThat(size.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
			for (var name : read.getPage(0).getResources().getFontNames()) {
				PDFont font = read.getPage(0).getResources().getFont(name);
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).contains("LiberationSerif");
			}
			String text = new PDFTextStripper().getText(read);
			assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
					"UBND TỈNH THÁI NGUYÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 113/SKHCN-ATTT",
					"Thái Nguyên, ngày 05 tháng 01 năm 2026", "BÁO CÁO", "Kết quả rà quét camera tháng 12/2026",
					"Kính gửi: Bộ Công an", "Thực hiện Chỉ thị số 23/CT-TTg", "<b>Camera cổng</b>",
					"=HYPERLINK(\"http://x\")", "Mật khẩu mặc định", "Nơi nhận:", "- Lưu: VT, ATTT.", "KT. GIÁM ĐỐC",
					"PHÓ GIÁM ĐỐC", "Lê Quang Tiến");
			assertThat(text).doesNotContain("\u0007").doesNotContain("\u001b");
		}
	}

}
