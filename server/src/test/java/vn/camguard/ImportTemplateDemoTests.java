package vn.camguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.inventory.application.DeviceImport;
import vn.camguard.inventory.application.DeviceTable;
import vn.camguard.inventory.application.ImportReport;
import vn.camguard.organization.unit.Unit;
import vn.camguard.organization.unit.UnitAdministration;
import vn.camguard.organization.unit.UnitImportFile;
import vn.camguard.organization.unit.UnitKind;

/**
 * The import templates as downloaded import into the demo province as they are: the device
 * template's example row names a unit, system and site the demo has (imported by the demo's officer
 * of that unit), and the unit template, whose kinds are Vietnamese names, by the demo's province
 * administrator. Each test is rolled back, so the examples' serial and codes stay free.
 */
@SpringBootTest(properties = "camguard.demo.enabled=true")
@Transactional
class ImportTemplateDemoTests {

	@Autowired
	DeviceImport deviceImport;

	@Autowired
	UnitAdministration units;

	@ParameterizedTest
	@EnumSource(DeviceTable.Format.class)
	@WithUserDetails("demo.officer")
	void theUnmodifiedDeviceTemplateImportsIntoTheDemoProvince(DeviceTable.Format format) throws Exception {
		ByteArrayOutputStream template = new ByteArrayOutputStream();
		DeviceTable.writeTemplate(format, template);

		ImportReport report = deviceImport.importFile("camguard-import-template." + format.extension(),
				new ByteArrayInputStream(template.toByteArray()));

		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	@WithUserDetails("demo.admin")
	void theUnmodifiedUnitTemplateImportsIntoTheDemoProvince(boolean xlsx) throws Exception {
		ByteArrayOutputStream template = new ByteArrayOutputStream();
		UnitImportFile.writeTemplate(xlsx, "TN", template);

		List<Unit> created = units.importUnits(UnitImportFile.read(xlsx ? "template.xlsx" : "template.csv",
				new ByteArrayInputStream(template.toByteArray())));

		assertThat(created).extracting(Unit::code).containsExactlyInAnyOrder("TN-DT", "TN-DT-HS");
		assertThat(created).extracting(Unit::kind).containsExactlyInAnyOrder(UnitKind.DISTRICT, UnitKind.COMMUNE);
	}

}
