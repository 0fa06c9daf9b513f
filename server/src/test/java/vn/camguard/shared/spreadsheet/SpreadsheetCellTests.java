package vn.camguard.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Exported CSV cells never run as spreadsheet formulas, and the import gives back what was exported. */
class SpreadsheetCellTests {

	private static final List<String> VALUES = List.of("-", "+84 912 345 678", "-12.5", "=1+1", "@SUM(A1)", "'quoted'",
			"'=1+1", "''@x", "+1+1", "-1+2", "- ghi chú", "\tTAB", "=HYPERLINK(\"http://x\")", "Camera cổng chính – Phổ Yên",
			"'", "''", "'-", "''+84", "DS-2CD", "", "+", "@");

	@Test
	void csvCellsThatLookLikeFormulasAreDefused() {
		assertThat(SpreadsheetCell.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetCell.safe("+1+1")).isEqualTo("'+1+1");
		assertThat(SpreadsheetCell.safe("-1+2")).isEqualTo("'-1+2");
		assertThat(SpreadsheetCell.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetCell.safe("\tTAB")).isEqualTo("'\tTAB");
		assertThat(SpreadsheetCell.safe("'=1+1")).isEqualTo("''=1+1");
		assertThat(SpreadsheetCell.safe("DS-2CD")).isEqualTo("DS-2CD");
		assertThat(SpreadsheetCell.safe(null)).isNull();
	}

	@Test
	void plainDataThatStartsLikeAFormulaKeepsItsForm() {
		assertThat(SpreadsheetCell.safe("-")).isEqualTo("-");
		assertThat(SpreadsheetCell.safe("+84 912 345 678")).isEqualTo("+84 912 345 678");
		assertThat(SpreadsheetCell.safe("+84912345678")).isEqualTo("+84912345678");
		assertThat(SpreadsheetCell.safe("-12.5")).isEqualTo("-12.5");
		assertThat(SpreadsheetCell.safe("'quoted'")).isEqualTo("'quoted'");
	}

	@Test
	void importTakesAwayExactlyTheApostropheTheExportAdded() {
		for (String value : VALUES) {
			assertThat(SpreadsheetCell.imported(SpreadsheetCell.safe(value))).as(value).isEqualTo(value);
			assertThat(SpreadsheetCell.imported(SpreadsheetCell.asText(value))).as(value).isEqualTo(value);
		}
		assertThat(SpreadsheetCell.asText("=1+1")).isEqualTo("=1+1");
		assertThat(SpreadsheetCell.imported("'quoted'")).isEqualTo("'quoted'");
		// what earlier versions exported for a dash or a phone number comes back as it was
		assertThat(SpreadsheetCell.imported("'-")).isEqualTo("-");
		assertThat(SpreadsheetCell.imported("'+84 912 345 678")).isEqualTo("+84 912 345 678");
	}

}
