package vn.camguard.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exported CSV cells never run as spreadsheet formulas. */
class DeviceTableTests {

	@Test
	void csvCellsThatLookLikeFormulasAreDefused() {
		assertThat(DeviceTable.safeForSpreadsheet("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(DeviceTable.safeForSpreadsheet("+1")).isEqualTo("'+1");
		assertThat(DeviceTable.safeForSpreadsheet("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(DeviceTable.safeForSpreadsheet("DS-2CD")).isEqualTo("DS-2CD");
		assertThat(DeviceTable.safeForSpreadsheet(null)).isNull();
	}

}
