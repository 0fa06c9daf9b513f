package vn.camguard.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exported CSV cells never run as spreadsheet formulas. */
class SpreadsheetCellTests {

	@Test
	void csvCellsThatLookLikeFormulasAreDefused() {
		assertThat(SpreadsheetCell.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetCell.safe("+1")).isEqualTo("'+1");
		assertThat(SpreadsheetCell.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetCell.safe("DS-2CD")).isEqualTo("DS-2CD");
		assertThat(SpreadsheetCell.safe(null)).isNull();
	}

}
