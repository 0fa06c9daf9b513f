package vn.camguard.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How many pages a list says it has, counted or capped. */
class ResultPageTests {

	@Test
	void pagesOfACountedTotal() {
		assertThat(new ResultPage<>(List.of(), 0, 25, 0, 10_001).pageCount()).isEqualTo(1);
		assertThat(new ResultPage<>(List.of(), 0, 25, 25, 10_001).pageCount()).isEqualTo(1);
		assertThat(new ResultPage<>(List.of(), 0, 25, 26, 10_001).pageCount()).isEqualTo(2);
		assertThat(new ResultPage<>(List.of(), 0, 25, 10_000, 10_001).pageCount()).isEqualTo(400);
	}

	@Test
	void aCappedTotalCountsThePagesOfTheCap() {
		ResultPage<Object> capped = new ResultPage<>(List.of(), 3, 25, 10_001, 10_001);
		assertThat(capped.totalCapped()).isTrue();
		assertThat(capped.pageCount()).as("shown as \"of more than 400\"").isEqualTo(400);
	}

}
