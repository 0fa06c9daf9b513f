package vn.camguard.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListLinksTests {

	private static ListLinks current() {
		return new ListLinks().put("q", "chợ Ba Hàng").put("unit", " ").put("status", null).put("sort", "name")
			.put("dir", "asc").put("page", 3).put("size", 50);
	}

	@Test
	void changingAParameterKeepsTheOthersInOrderDropsBlanksAndGoesBackToTheFirstPage() {
		assertThat(current().with("status", "ACTIVE"))
			.isEqualTo("?q=ch%E1%BB%A3%20Ba%20H%C3%A0ng&sort=name&dir=asc&size=50&status=ACTIVE");
		assertThat(current().with("q", "")).isEqualTo("?sort=name&dir=asc&size=50");
	}

	@Test
	void changingThePageKeepsEverythingElse() {
		assertThat(current().with("page", 4))
			.isEqualTo("?q=ch%E1%BB%A3%20Ba%20H%C3%A0ng&sort=name&dir=asc&page=4&size=50");
	}

	@Test
	void sortingSetsColumnAndDirectionInPlaceFromTheFirstPage() {
		assertThat(current().sortedBy("vendor", "desc"))
			.isEqualTo("?q=ch%E1%BB%A3%20Ba%20H%C3%A0ng&sort=vendor&dir=desc&size=50");
	}

	@Test
	void eachLinkStartsFromTheCurrentParameters() {
		ListLinks links = current();
		links.with("page", 9);
		links.sortedBy("vendor", "desc");
		assertThat(links.with("size", 25)).isEqualTo("?q=ch%E1%BB%A3%20Ba%20H%C3%A0ng&sort=name&dir=asc&size=25");
	}

}
