package vn.camguard.organization.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;

/** Reading unit files: header by name, BOM, row numbers as a spreadsheet shows them, bounds. */
class UnitImportFileTests {

	@Test
	void readsCsvColumnsByHeaderNameInAnyOrderAfterABom() throws IOException {
		String csv = "\uFEFFKind,Parent_Code,Code,Name\nCOMMUNE,TN-PY,TN-PY-X,\"Xã X, mới\"\n\nDISTRICT,TN,TN-Y,Huyện Y\n";
		var rows = UnitImportFile.read("units.csv", stream(csv));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).row()).isEqualTo(2);
		assertThat(rows.get(0).draft()).isEqualTo(new UnitDraft("TN-PY-X", "Xã X, mới", "COMMUNE", "TN-PY"));
		assertThat(rows.get(1).row()).isEqualTo(4);
	}

	@Test
	void refusesAFileWithoutTheRequiredColumns() {
		assertThatThrownBy(() -> UnitImportFile.read("units.csv", stream("code,name,kind\nA,B,COMMUNE\n")))
			.isInstanceOfSatisfying(UnitRuleViolation.class,
					v -> assertThat(v.problems()).extracting(UnitProblem::code).containsExactly("missing-column"));
	}

	@Test
	void refusesMoreRowsThanAProvinceHasUnits() {
		StringBuilder csv = new StringBuilder("code,name,kind,parent_code\n");
		for (int i = 0; i <= UnitImportFile.MAX_ROWS; i++) {
			csv.append("C").append(i).append(",Xã,COMMUNE,TN\n");
		}
		assertThatThrownBy(() -> UnitImportFile.read("units.csv", stream(csv.toString())))
			.isInstanceOfSatisfying(UnitRuleViolation.class,
					v -> assertThat(v.problems()).extracting(UnitProblem::code).containsExactly("too-many-rows"));
	}

	@Test
	void readsTheFirstSheetOfAnXlsxFile() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(bytes, "CamGuard", "1.0")) {
			var sheet = workbook.newWorksheet("Đơn vị");
			String[][] cells = { { "code", "name", "kind", "parent_code" }, { "TN-SXD", "Sở Xây dựng", "DEPARTMENT", "TN" } };
			for (int r = 0; r < cells.length; r++) {
				for (int c = 0; c < 4; c++) {
					sheet.value(r, c, cells[r][c]);
				}
			}
		}
		var rows = UnitImportFile.read("cay-don-vi.XLSX", new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(rows).singleElement()
			.satisfies(row -> assertThat(row.draft()).isEqualTo(new UnitDraft("TN-SXD", "Sở Xây dựng", "DEPARTMENT", "TN")));
	}

	@Test
	void aBrokenXlsxIsReportedNotThrown() {
		assertThatThrownBy(() -> UnitImportFile.read("units.xlsx", stream("not a zip")))
			.isInstanceOfSatisfying(UnitRuleViolation.class,
					v -> assertThat(v.problems()).extracting(UnitProblem::code).containsExactly("unreadable"));
	}

	@Test
	void kindsHangOnlyUnderTheirAllowedParents() {
		assertThat(UnitKind.COMMUNE.mayHangUnder(UnitKind.DISTRICT)).isTrue();
		assertThat(UnitKind.COMMUNE.mayHangUnder(UnitKind.PROVINCE)).isTrue();
		assertThat(UnitKind.COMMUNE.mayHangUnder(UnitKind.COMMUNE)).isFalse();
		assertThat(UnitKind.DISTRICT.mayHangUnder(UnitKind.DISTRICT)).isFalse();
		assertThat(UnitKind.PROVINCE.allowedParents()).isEmpty();
		assertThat(UnitKind.parse(" police ")).isEqualTo(UnitKind.POLICE);
		assertThat(UnitKind.parse("VILLAGE")).isNull();
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
