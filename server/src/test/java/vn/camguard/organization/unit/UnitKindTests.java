package vn.camguard.organization.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A unit's kind is named by its code or by what an officer calls it, in any case, with or without diacritics. */
class UnitKindTests {

	@Test
	void acceptsCodesAndVietnameseNamesWithOrWithoutDiacritics() {
		assertThat(UnitKind.parse("COMMUNE")).isEqualTo(UnitKind.COMMUNE);
		assertThat(UnitKind.parse(" market_management ")).isEqualTo(UnitKind.MARKET_MANAGEMENT);
		assertThat(UnitKind.parse("Xã")).isEqualTo(UnitKind.COMMUNE);
		assertThat(UnitKind.parse("PHƯỜNG")).isEqualTo(UnitKind.COMMUNE);
		assertThat(UnitKind.parse("phuong")).isEqualTo(UnitKind.COMMUNE);
		assertThat(UnitKind.parse("Thị  trấn")).isEqualTo(UnitKind.COMMUNE);
		assertThat(UnitKind.parse("huyen")).isEqualTo(UnitKind.DISTRICT);
		assertThat(UnitKind.parse("Thị xã")).isEqualTo(UnitKind.DISTRICT);
		assertThat(UnitKind.parse("Thành phố")).isEqualTo(UnitKind.DISTRICT);
		assertThat(UnitKind.parse("Tỉnh")).isEqualTo(UnitKind.PROVINCE);
		assertThat(UnitKind.parse("Sở, ban, ngành")).isEqualTo(UnitKind.DEPARTMENT);
		assertThat(UnitKind.parse("sở")).isEqualTo(UnitKind.DEPARTMENT);
		assertThat(UnitKind.parse("ĐẶC KHU")).isEqualTo(UnitKind.COMMUNE);
		assertThat(UnitKind.parse("Công an")).isEqualTo(UnitKind.POLICE);
		assertThat(UnitKind.parse("cong an")).isEqualTo(UnitKind.POLICE);
		assertThat(UnitKind.parse("Nhà mạng")).isEqualTo(UnitKind.ISP);
		assertThat(UnitKind.parse("Nhà cung cấp camera")).isEqualTo(UnitKind.VENDOR);
		assertThat(UnitKind.parse("Quản lý thị trường")).isEqualTo(UnitKind.MARKET_MANAGEMENT);
		assertThat(UnitKind.parse("VILLAGE")).isNull();
		assertThat(UnitKind.parse("")).isNull();
		assertThat(UnitKind.parse(null)).isNull();
	}

}
