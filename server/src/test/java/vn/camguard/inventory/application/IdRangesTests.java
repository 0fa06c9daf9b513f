package vn.camguard.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Created ids written compactly for the import's audit entry. */
class IdRangesTests {

	@Test
	void contiguousIdsBecomeRanges() {
		assertThat(IdRanges.of(List.of(5L, 1L, 2L, 3L, 7L, 8L))).isEqualTo("1-3,5,7-8");
		assertThat(IdRanges.of(List.of())).isEmpty();
		assertThat(IdRanges.of(List.of(42L))).isEqualTo("42");
	}

}
