package vn.camguard.monitoring.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Address ranges become text conditions that match exactly the range's dotted addresses. */
class AddressRangeTests {

	@Test
	void blocksOnOctetBoundariesArePrefixes() {
		assertThat(AddressRange.parse("10.1.0.0/16").conditions()).containsExactly("10.1.%");
		assertThat(AddressRange.parse("10.1.2.3/24").conditions()).containsExactly("10.1.2.%");
		assertThat(AddressRange.parse("10.1.2.3").conditions()).containsExactly("10.1.2.3");
		assertThat(AddressRange.parse("0.0.0.0/0").conditions()).containsExactly("%");
	}

	@Test
	void otherBlocksAndRangesSpreadOverTheirOctets() {
		assertThat(AddressRange.parse("10.1.16.0/22").conditions()).containsExactly("10.1.16.%", "10.1.17.%",
				"10.1.18.%", "10.1.19.%");
		assertThat(AddressRange.parse("10.1.1.8/30").conditions()).containsExactly("10.1.1.8", "10.1.1.9", "10.1.1.10",
				"10.1.1.11");
		assertThat(AddressRange.parse("10.1.1.254-10.1.2.255").conditions()).containsExactly("10.1.1.254",
				"10.1.1.255", "10.1.2.%");
	}

	@Test
	void badRangesAreRefusedWithAReason() {
		assertThatThrownBy(() -> AddressRange.parse("10.1.0.0/33")).hasMessageContaining("bad-range");
		assertThatThrownBy(() -> AddressRange.parse("fd00::/64")).hasMessageContaining("range-ipv4-only");
		assertThatThrownBy(() -> AddressRange.parse("10.0.0.1-10.200.3.7")).hasMessageContaining("range-too-ragged");
		assertThat(AddressRange.parse(" ")).isNull();
	}

}
